package gd.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Synthetic;
import gd.loss.MeanSquaredError;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.testing.Fixtures;
import gd.util.Format;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The learning-rate range test: the sweep, the smoothing, the stop, the suggestions and the restored model. */
class LrFinderTest {
    private static final Dataset REGRESSION = Fixtures.regression(500, 0.1, Rng.seed(1));

    /**
     * The largest learning rate for which full-batch gradient descent on the mean squared error of a linear
     * model converges: 2 / λmax of the Hessian (2/n)·AᵀA, A = [X, 1], λmax by power iteration.
     */
    private static double criticalLr(Dataset data) {
        int n = data.size();
        int d = data.featureCount();
        Matrix a = Matrix.fromFunction(n, d + 1, (i, j) -> j < d ? data.x().get(i, j) : 1);
        Matrix h = a.transposeTimes(a).timesInPlace(2.0 / n);
        Matrix v = Matrix.filled(d + 1, 1, 1);
        double lambda = 0;
        for (int k = 0; k < 500; k++) {
            Matrix w = h.times(v);
            lambda = w.norm() / v.norm();
            v = w.timesInPlace(1 / w.norm());
        }
        return 2 / lambda;
    }

    @Test
    void theSuggestionsForLinearRegressionLieBelowTheCriticalLearningRate() {
        double critical = criticalLr(REGRESSION);
        assertTrue(critical > 0.5 && critical < 2, "standard normal features: λmax ≈ 2, got lr " + critical);
        LrFinder.Result r = LrFinder.of(Sequential.of(Dense.of(3, 1, Rng.seed(2))), MeanSquaredError.of(),
                p -> Sgd.of(p)).batchSize(100).shuffle(Rng.seed(3)).run(REGRESSION);
        assertTrue(r.steepest() > critical / 100 && r.steepest() < critical, r.toString());
        assertTrue(r.minimumOverTen() > critical / 100 && r.minimumOverTen() < critical, r.toString());
        assertTrue(r.lrs().length < 100, "gradient descent diverges beyond lr " + critical + ": " + r);
        assertTrue(r.stopReason().startsWith("the smoothed loss "), r.stopReason());
        double[] s = r.smoothedLosses();
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.length - 1; i++) {
            lowest = Math.min(lowest, s[i]);
            assertTrue(s[i + 1] <= 4 * lowest || i + 2 == s.length, "should have stopped after step " + (i + 1));
        }
        assertTrue(s[s.length - 1] > 4 * lowest, "the last smoothed loss exceeds 4 × the lowest before it");
        assertEquals("the smoothed loss " + Format.number(s[s.length - 1]) + " exceeded 4.0 × the lowest, "
                + Format.number(lowest) + ", at lr " + Format.number(r.lrs()[s.length - 1]), r.stopReason());
    }

    @Test
    void theRatesGrowExponentiallyAndTheLossIsABiasCorrectedMovingAverage() {
        LrFinder.Result r = LrFinder.of(Fixtures.mlp(3, 8, 1, Rng.seed(2)), MeanSquaredError.of(), p -> Sgd.of(p))
                .endLr(1e-3).shuffle(Rng.seed(3)).run(REGRESSION);
        assertEquals("completed 100 steps", r.stopReason());
        double[] lrs = r.lrs();
        assertEquals(100, lrs.length);
        assertEquals(1e-7, lrs[0], 0);
        assertEquals(1e-3, lrs[99], 1e-15);
        for (int i = 1; i < lrs.length; i++) {
            assertEquals(Math.pow(1e4, 1.0 / 99), lrs[i] / lrs[i - 1], 1e-12, "ratio at step " + i);
        }
        double[] losses = r.losses();
        double average = 0;
        for (int i = 0; i < losses.length; i++) {
            average = 0.98 * average + (1 - 0.98) * losses[i];
            assertEquals(average / (1 - Math.pow(0.98, i + 1)), r.smoothedLosses()[i], 0, "smoothed loss " + i);
        }
        assertNotEquals(losses[0], losses[1], "each step sees another batch");
    }

    @Test
    void aNonFiniteLossStopsTheSweep() {
        LrFinder.Result r = LrFinder.of(Sequential.of(Dense.of(3, 1, Rng.seed(2))), MeanSquaredError.of(),
                p -> Sgd.of(p)).startLr(1e200).endLr(1e300).shuffle(Rng.seed(3)).run(REGRESSION);
        assertEquals(1, r.lrs().length, "one update with lr 1e200 makes the next loss overflow");
        for (double l : r.losses()) {
            assertTrue(Double.isFinite(l));
        }
        assertEquals("the loss became Infinity at lr " + Format.number(1e200 * Math.pow(1e100, 1.0 / 99)), r.stopReason());
        assertTrue(Double.isNaN(r.steepest()), "one point has no slope");
        assertEquals(1e200 / 10, r.minimumOverTen(), 0);
    }

    /** A model with BatchNorm, seen through a spy that records the running mean during the sweep. */
    @Test
    void theModelsWeightsBuffersModesAndTheLearnersOptimizerAreLeftAsTheyWere() {
        Rng rng = Rng.seed(4);
        Dataset data = Synthetic.blobs(600, 3, 1.0, rng.split());
        BatchNorm bn = BatchNorm.of(16);
        Sequential inner = Sequential.of(Dense.of(2, 16, rng.split()), bn, ReLU.of(), Dense.of(16, 3, rng.split()));
        List<Matrix> runningMeans = new ArrayList<>();
        Fixtures.Spy model = new Fixtures.Spy(inner) {
            @Override
            public Matrix forward(Matrix input) {
                Matrix out = super.forward(input);
                runningMeans.add(bn.runningMean().copy());
                return out;
            }
        };
        model.eval();
        Adam learner = Adam.of(model.parameters()).lr(0.003);
        List<Matrix> weights = Fixtures.weights(model);
        Matrix mean = bn.runningMean().copy();
        Matrix var = bn.runningVar().copy();
        List<List<Parameter>> factoryGot = new ArrayList<>();

        LrFinder.Result r = LrFinder.of(model, SoftmaxCrossEntropy.of(), p -> {
            factoryGot.add(p);
            return Adam.of(p);
        }).batchSize(32).shuffle(Rng.seed(5)).run(data);

        assertTrue(r.lrs().length > 10, r.toString());
        assertTrue(model.trainingAtForward.stream().allMatch(t -> t), "the sweep trains in training mode");
        assertNotEquals(mean, runningMeans.get(runningMeans.size() - 1), "the sweep changed the running mean");
        assertEquals(weights, Fixtures.weights(model), "weights restored exactly");
        assertEquals(mean, bn.runningMean(), "running mean restored exactly");
        assertEquals(var, bn.runningVar(), "running variance restored exactly");
        assertFalse(bn.training(), "evaluation mode restored");
        for (Parameter p : model.parameters()) {
            assertEquals(0, p.grad().maxAbs(), "gradient of " + p.name() + " zeroed");
            assertTrue(learner.state(p).isEmpty(), "the learner's optimizer did not step");
        }
        assertEquals(0.003, learner.lr(), 0);
        assertEquals(List.of(model.parameters()), factoryGot, "one throwaway optimizer on the model's parameters");
        assertTrue(r.steepest() > 1e-5 && r.steepest() < 1, "Adam on blobs: " + r);
        assertTrue(r.minimumOverTen() > 1e-4 && r.minimumOverTen() < 1, "Adam on blobs: " + r);
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        LrFinder.Result a = LrFinder.of(Fixtures.mlp(3, 8, 1, Rng.seed(2)), MeanSquaredError.of(), p -> Adam.of(p))
                .shuffle(Rng.seed(3)).run(REGRESSION);
        LrFinder.Result b = LrFinder.of(Fixtures.mlp(3, 8, 1, Rng.seed(2)), MeanSquaredError.of(), p -> Adam.of(p))
                .shuffle(Rng.seed(3)).run(REGRESSION);
        assertArrayEquals(a.losses(), b.losses());
        assertEquals(a.steepest(), b.steepest(), 0);
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void textShowsTheSweepAndTheSuggestions() {
        LrFinder finder = LrFinder.of(Fixtures.mlp(3, 8, 1, Rng.seed(2)), MeanSquaredError.of(), p -> Sgd.of(p))
                .steps(20).endLr(1e-2).shuffle(Rng.seed(3));
        assertEquals("LrFinder(lr 1e-07 → 0.01 over 20 steps, beta=0.98, divergenceFactor=4.0, batchSize=64)",
                finder.toString());
        LrFinder.Result r = finder.run(REGRESSION);
        assertEquals("LrFinder.Result(20 steps, lr 1e-07 … 0.01; completed 20 steps; steepest "
                + Format.number(r.steepest()) + ", minimum/10 " + Format.number(r.minimumOverTen()) + ")", r.toString());
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badSettingsAreRefused() {
        Sequential m = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        LrFinder f = LrFinder.of(m, MeanSquaredError.of(), p -> Sgd.of(p));
        assertMessage("LrFinder.of: model, loss and optimizerFactory must not be null, got model=" + m
                + ", loss=null, optimizerFactory=null", () -> LrFinder.of(m, null, null));
        assertMessage("LrFinder.of: the model ReLU() has no parameters to train",
                () -> LrFinder.of(ReLU.of(), MeanSquaredError.of(), p -> Sgd.of(p)));
        assertMessage("LrFinder.startLr must be positive and finite, got 0.0", () -> f.startLr(0));
        assertMessage("LrFinder.endLr must be positive and finite, got inf", () -> f.endLr(Double.POSITIVE_INFINITY));
        assertMessage("LrFinder.steps must be at least 2, got 1", () -> f.steps(1));
        assertMessage("LrFinder.beta must be in [0, 1), got 1.0", () -> f.beta(1));
        assertMessage("LrFinder.divergenceFactor must be greater than 1 and finite, got 1.0", () -> f.divergenceFactor(1));
        assertMessage("LrFinder.batchSize must be at least 1, got 0", () -> f.batchSize(0));
        assertMessage("LrFinder.shuffle: rng is null; pass one, e.g. .shuffle(rng.split())", () -> f.shuffle(null));
        assertMessage("LrFinder.run: the mini-batches are drawn in a random order, which needs an Rng; add"
                + " .shuffle(rng.split())", () -> f.run(REGRESSION));
        f.shuffle(Rng.seed(1));
        assertMessage("LrFinder.run: the dataset is null, expected at least one example", () -> f.run(null));
        assertMessage("LrFinder.run: endLr 1e-08 must be larger than startLr 1e-07", () -> f.endLr(1e-8).run(REGRESSION));
        assertMessage("LrFinder.run: the optimizer factory returned null",
                () -> LrFinder.of(m, MeanSquaredError.of(), p -> null).shuffle(Rng.seed(1)).run(REGRESSION));
    }
}
