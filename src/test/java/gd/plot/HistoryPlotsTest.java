package gd.plot;

import static gd.plot.PlotsTest.axis;
import static gd.plot.PlotsTest.data;
import static gd.plot.PlotsTest.name;
import static gd.plot.PlotsTest.trace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Metrics;
import gd.data.Synthetic;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Sequential;
import gd.nn.Tanh;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.train.History;
import gd.tune.LrFinder;
import gd.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

/** The History and LR-finder overloads, on short real training runs. */
class HistoryPlotsTest {
    static History adam;
    static History sgd;
    static History fullBatch;
    static Dataset moons;

    static Sequential model(Rng rng) {
        return Sequential.of(Dense.of(2, 8, rng.split()), Tanh.of(), Dense.of(8, 2, rng.split()));
    }

    @BeforeAll
    static void train() {
        Rng rng = Rng.seed(7);
        moons = Synthetic.twoMoons(60, 0.1, rng.split());
        Dataset.Split parts = moons.split(0.75, rng.split());
        Sequential a = model(rng);
        adam = Trainer.of(a, SoftmaxCrossEntropy.of(), Adam.of(a.parameters()).lr(0.05)).batchSize(15)
                .shuffle(rng.split()).validation(parts.validation()).metric("accuracy", Metrics::accuracy)
                .statsEvery(2).progress(false).epochs(3).fit(parts.train());
        Sequential b = model(rng);
        sgd = Trainer.of(b, SoftmaxCrossEntropy.of(), Sgd.of(b.parameters()).lr(0.1)).batchSize(15)
                .shuffle(rng.split()).progress(false).metric("accuracy", Metrics::accuracy).epochs(2)
                .fit(parts.train());
        Sequential c = model(rng);
        fullBatch = Trainer.of(c, SoftmaxCrossEntropy.of(), Sgd.of(c.parameters()).lr(0.1)).statsEvery(0)
                .progress(false).epochs(5).fit(parts.train());
    }

    @Test
    void lossOfOneRunHasStepsEpochMeansAndValidation() {
        Figure f = Plots.loss(adam);
        assertEquals(3, f.getTraces().length);
        assertEquals("batch loss per step", name(f, 0));
        assertArrayEquals(adam.loss(), data(f, 0, "y"));
        assertTrue(trace(f, 0).contains("opacity: '0.35'"));
        assertEquals("training loss (epoch mean)", name(f, 1));
        assertArrayEquals(new double[] {3, 6, 9}, data(f, 1, "x"), "drawn where each epoch ends (3 batches of 15)");
        assertArrayEquals(adam.epochLoss(), data(f, 1, "y"));
        assertEquals("validation loss", name(f, 2));
        assertArrayEquals(adam.validationLoss(), data(f, 2, "y"));
        assertEquals("Training and validation loss", f.getLayout().getTitle());
        PlotsTest.assertLinear(f, "yaxis");
        PlotsTest.assertLogY(Plots.loss(LogScale.Y, adam));
    }

    @Test
    void fullBatchRunsHaveNoSeparateStepCurve() {
        Figure f = Plots.loss(fullBatch);
        assertEquals(1, f.getTraces().length);
        assertEquals("Training loss", f.getLayout().getTitle());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, data(f, 0, "x"));
    }

    @Test
    void lossOfSeveralRunsInTheirColours() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("Adam", adam);
        runs.put("SGD", sgd);
        Figure f = Plots.loss(LogScale.Y, runs);
        assertEquals(5, f.getTraces().length, "Adam: steps, epochs, validation; SGD: steps, epochs");
        assertEquals("Adam (validation)", name(f, 2));
        assertEquals("SGD", name(f, 4));
        assertTrue(trace(f, 2).contains(Palette.cycle(0)) && trace(f, 4).contains(Palette.cycle(1)));
        assertEquals("Adam (per step)", name(f, 0));
        assertTrue(trace(f, 0).contains("opacity: '0.35'"), "batch losses are faint");
        PlotsTest.assertLogY(f);
        assertEquals("Training loss (solid) and validation loss (dashed)", f.getLayout().getTitle());
    }

    @Test
    void metricPerEpoch() {
        Figure f = Plots.metric(adam, "accuracy");
        assertEquals(2, f.getTraces().length);
        assertEquals("training", name(f, 0));
        assertEquals("validation", name(f, 1));
        assertArrayEquals(new double[] {1, 2, 3}, data(f, 0, "x"));
        assertArrayEquals(adam.validationMetric("accuracy"), data(f, 1, "y"));
        assertEquals("Accuracy per epoch", f.getLayout().getTitle());
        assertTrue(axis(f, "xaxis").contains("title: 'epoch'"));
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("Adam", adam);
        runs.put("SGD", sgd);
        Figure two = Plots.metric(runs, "accuracy");
        assertEquals(List.of("Adam: training", "Adam: validation", "SGD: training"),
                List.of(name(two, 0), name(two, 1), name(two, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.metric(adam, "f1"));
        assertEquals("Plots.metric: the history has no metric named \"f1\"; it recorded [accuracy]", e.getMessage());
    }

    @Test
    void learningRatePerStep() {
        Figure f = Plots.lr(adam);
        assertArrayEquals(adam.lr(), data(f, 0, "y"));
    }

    @Test
    void perParameterStatisticsOnALogAxis() {
        Figure g = Plots.gradNorms(adam);
        assertEquals(5, g.getTraces().length, "four parameters and all together");
        assertEquals("0.weight", name(g, 0));
        assertEquals("all parameters", name(g, 4));
        double[] steps = {0, 2, 4, 6, 8};
        assertArrayEquals(steps, data(g, 0, "x"));
        assertArrayEquals(adam.gradNorm("2.bias"), data(g, 3, "y"));
        PlotsTest.assertLogY(g);
        Figure s = Plots.gradStds(adam);
        assertEquals(4, s.getTraces().length, "one per parameter");
        assertEquals("Standard deviation of each parameter's gradient", s.getLayout().getTitle());
        assertArrayEquals(steps, data(s, 0, "x"));
        assertArrayEquals(adam.gradStats("0.weight").std(), data(s, 0, "y"));
        PlotsTest.assertLogY(s);
        Figure w = Plots.weightNorms(adam);
        assertEquals(4, w.getTraces().length);
        Figure r = Plots.updateRatios(adam);
        assertEquals("1e-3 (rule of thumb)", name(r, r.getTraces().length - 1));
        PlotsTest.assertLogY(r);
    }

    @Test
    void parametersALogAxisCannotShowAreNamedInTheTitle() {
        // biases that start at zero have no update ratio at step 0 (‖Δθ‖ / 0); one recorded step leaves them all NaN
        Sequential m = Sequential.of(Dense.of(Matrix.filled(2, 3, 0.5), Matrix.zeros(1, 3)), Tanh.of(),
                Dense.of(Matrix.of(new double[] {0.1, -0.1}, new double[] {0.2, 0}, new double[] {0, 0.3}),
                        Matrix.zeros(1, 2)));
        History one = Trainer.of(m, SoftmaxCrossEntropy.of(), Sgd.of(m.parameters()).lr(0.1)).statsEvery(5)
                .progress(false).epochs(1).fit(moons);
        Figure r = Plots.updateRatios(one);
        assertEquals("Update-to-weight ratio per parameter (all zero or NaN, not shown: 0.bias, 2.bias)",
                r.getLayout().getTitle());
        assertEquals(3, r.getTraces().length);
    }

    @Test
    void missingStatisticsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.gradNorms(fullBatch));
        assertEquals("Plots.gradNorms: the history has no detailed statistics; train with Trainer.statsEvery(n) for"
                + " some n > 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.loss((History) null));
        assertEquals("Plots.loss: history is null", e.getMessage());
    }

    @Test
    void lrFinderResult() {
        Rng rng = Rng.seed(11);
        Sequential m = model(rng);
        LrFinder.Result result = LrFinder.of(m, SoftmaxCrossEntropy.of(), p -> Sgd.of(p).lr(1e-3)).steps(40)
                .batchSize(15).shuffle(rng.split()).run(moons);
        Figure f = Plots.lrFinder(result);
        assertArrayEquals(result.lrs(), data(f, 0, "x"));
        assertArrayEquals(result.smoothedLosses(), data(f, 1, "y"));
        assertTrue(axis(f, "xaxis").contains("type: 'log'"));
        int suggestions = (Double.isNaN(result.steepest()) ? 0 : 1) + (Double.isNaN(result.minimumOverTen()) ? 0 : 1);
        assertEquals(2 + suggestions, f.getTraces().length);
    }
}
