package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Synthetic;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Init;
import gd.nn.Layer;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.nn.Sigmoid;
import gd.optim.Adam;
import gd.optim.Optimizer;
import gd.optim.Sgd;
import gd.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health monitor's warnings from the gradient statistics: each rule fires once, after
 * {@link HealthMonitor#PERSISTENCE} statistics records in a row, with its message in the History and on the
 * warnings stream; healthy, converged and annealed runs get none.
 */
class GradientWarningsTest {
    private static final Dataset DATA = Fixtures.classification(100, 8, 3, Rng.seed(11));

    @TempDir
    Path dir;

    /** A trainer of {@code model} (full batch, statistics every step) whose warnings go to {@code out}. */
    private static Trainer trainer(Layer model, Optimizer opt, ByteArrayOutputStream out) {
        Trainer t = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false).statsEvery(1)
                .health(HealthMonitor.warning());
        t.warnings = new PrintStream(out, true, StandardCharsets.UTF_8);
        return t;
    }

    /** The lines printed on the warnings stream. */
    private static List<String> lines(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    /** Six sigmoid layers of 8 units whose weights are drawn with std 0.01: the gradient fades on its way back. */
    private static Sequential deepSigmoid(Rng rng) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            layers.add(Dense.of(8, 8, Init.normal(0, 0.01, rng.split()), Init.zeros()));
            layers.add(Sigmoid.of());
        }
        layers.add(Dense.of(8, 3, rng.split()));
        return Sequential.of(layers.toArray(new Layer[0]));
    }

    @Test
    void vanishingGradientsInTheFirstLayersAreWarnedAboutOnce() {
        Sequential model = deepSigmoid(Rng.seed(12));
        var out = new ByteArrayOutputStream();
        History h = trainer(model, Sgd.of(model.parameters()).lr(0.1), out).epochs(20).fit(DATA);
        double first = h.gradNorm("0.weight")[4];
        double last = h.gradNorm("12.weight")[4];
        assertTrue(first < 1e-5 * last, first + " vs " + last);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String w = h.warnings().get(0);
        assertTrue(w.startsWith("Warning: at step 4 the gradients vanish on their way back: the gradient norm of"
                + " 0.weight has been below 1e-05 × that of 12.weight in 5 statistics records in a row (now "), w);
        assertTrue(w.endsWith("), so the first layers hardly learn; try ReLU instead of sigmoid or tanh, He or Xavier"
                + " initialisation, batch normalisation, or residual connections."), w);
        assertEquals(h.warnings(), lines(out), "printed once, as recorded");
    }

    @Test
    void gradientsThatAreExactlyZeroAreWarnedAboutWithEveryParameterConcerned() {
        Rng rng = Rng.seed(13);
        Sequential model = Sequential.of(Dense.of(8, 16, Init.normal(0, 0.1, rng.split()), Init.constant(-100)),
                ReLU.of(), Dense.of(16, 3, rng.split()));
        var out = new ByteArrayOutputStream();
        History h = trainer(model, Sgd.of(model.parameters()).lr(0.1), out).epochs(12).fit(DATA);
        assertEquals(List.of("Warning: at step 4 the gradient of 0.weight, 0.bias, 2.weight has been exactly zero in"
                + " 5 statistics records in a row: no example sends any gradient there, so those weights do not learn"
                + " (ReLUs that output 0 for every example, a dead layer?); try a smaller learning rate, He"
                + " initialisation, or LeakyReLU."), h.warnings());
        assertEquals(h.warnings(), lines(out));
        History.GradStats g = h.gradStats("0.weight");
        assertEquals(0.0, g.min()[11]);
        assertEquals(0.0, g.max()[11]);
    }

    @Test
    void updatesFarAboveTheRuleOfThumbAreWarnedAbout() {
        Sequential model = Fixtures.mlp(8, 16, 3, Rng.seed(14));
        var out = new ByteArrayOutputStream();
        History h = trainer(model, Adam.of(model.parameters()).lr(1.0), out).epochs(10).fit(DATA);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String w = h.warnings().get(0);
        assertTrue(w.startsWith("Warning: at step 4 the update-to-weight ratio of 0.weight, 2.weight has been above"
                + " 0.1 in 5 statistics records in a row (now "), w);
        assertTrue(w.endsWith("; about 1e-3 is healthy): each step rewrites a large part of the weights; the learning"
                + " rate 1.0 is probably too large."), w);
        assertTrue(h.updateRatio("0.weight")[4] > 0.1);
        assertEquals(h.warnings(), lines(out));
    }

    @Test
    void updatesFarBelowTheRuleOfThumbAreWarnedAboutUnlessTheRateWasAnnealedOrTheModelConverged() {
        Sequential model = Fixtures.mlp(8, 16, 3, Rng.seed(15));
        var out = new ByteArrayOutputStream();
        History h = trainer(model, Sgd.of(model.parameters()).lr(1e-9), out).epochs(10).fit(DATA);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        assertTrue(h.warnings().get(0).startsWith("Warning: at step 4 the update-to-weight ratio of 0.weight, 2.weight"
                + " has been below 1e-06 in 5 statistics records in a row (now "), h.warnings().get(0));
        assertTrue(h.warnings().get(0).endsWith("; about 1e-3 is healthy): the weights hardly move; the learning rate"
                + " 1e-09 is probably too small."), h.warnings().get(0));

        Sequential annealed = Fixtures.mlp(8, 16, 3, Rng.seed(15));
        Sgd opt = Sgd.of(annealed.parameters()).lr(0.1);
        History a = trainer(annealed, opt, new ByteArrayOutputStream()).schedule(t -> t < 20 ? 0.1 : 1e-9)
                .epochs(40).fit(DATA);
        assertTrue(a.updateRatio("0.weight")[30] < 1e-6, "tiny updates after the drop");
        assertEquals(List.of(), a.warnings(), "a rate annealed on purpose");

        Rng rng = Rng.seed(42);
        Dataset spirals = Synthetic.spirals(600, 3, 0.05, rng.split());
        Dense linear = Dense.of(2, 3, rng.split());
        History c = trainer(linear, Adam.of(linear.parameters()).lr(0.05), new ByteArrayOutputStream()).statsEvery(10)
                .epochs(500).fit(spirals);
        double[] ratio = c.updateRatio("weight");
        assertTrue(ratio[ratio.length - 1] < 1e-6, "a converged linear model takes tiny steps");
        assertEquals(List.of(), c.warnings(), "a model that converged");
    }

    @Test
    void aHealthyRunHasNoWarnings() {
        Sequential model = Fixtures.mlp(8, 16, 3, Rng.seed(16));
        var out = new ByteArrayOutputStream();
        History h = trainer(model, Sgd.of(model.parameters()).lr(0.1).momentum(0.9), out).batchSize(20)
                .shuffle(Rng.seed(17)).epochs(30).fit(DATA);
        assertEquals(List.of(), h.warnings());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aResumedRunWarnsAsTheRunThatNeverStopped() {
        Function<Integer, Trainer> run = epochs -> {
            Sequential model = deepSigmoid(Rng.seed(12));
            return trainer(model, Sgd.of(model.parameters()).lr(0.1), new ByteArrayOutputStream()).epochs(epochs);
        };
        History expected = run.apply(20).fit(DATA);
        assertEquals(1, expected.warnings().size());
        for (int k : new int[] {2, 4, 5, 6, 10}) {
            Path path = dir.resolve("run-" + k + ".ckpt");
            run.apply(k).checkpointEvery(1, path).fit(DATA);
            Supplier<History> resumed = () -> run.apply(20).resume(Checkpoint.load(path)).fit(DATA);
            assertEquals(expected, resumed.get(), "interrupted after " + k + " epochs");
        }
    }
}
