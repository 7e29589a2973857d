package gd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.loss.MeanSquaredError;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.optim.Optimizer;
import gd.optim.Sgd;
import gd.testing.Fixtures;
import gd.util.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A loss or gradient that becomes NaN or infinite: where training stops, what it says, what it keeps. */
class DivergenceTest {
    private static final Dataset DATA = Fixtures.regression(40, 0.1, Rng.seed(1));

    /** Full-batch gradient descent with learning rate 1.5 by hand: the losses up to the first non-finite one. */
    private static double[] lossesByHand() {
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        MeanSquaredError mse = MeanSquaredError.of();
        double[] losses = new double[10_000];
        for (int t = 0; t < losses.length; t++) {
            layer.zeroGrad();
            Matrix out = layer.forward(DATA.x());
            losses[t] = mse.value(out, DATA.y());
            if (!Double.isFinite(losses[t])) {
                return Arrays.copyOf(losses, t + 1);
            }
            layer.backward(mse.gradient(out, DATA.y()));
            for (Parameter p : layer.parameters()) {
                p.value().plusScaledInPlace(-1.5, p.grad());
            }
        }
        throw new AssertionError("gradient descent with lr 1.5 did not diverge");
    }

    private static Trainer trainer(ByteArrayOutputStream warnings) {
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), Sgd.of(layer.parameters()).lr(1.5)).progress(false)
                .epochs(10_000);
        t.warnings = new PrintStream(warnings, true, StandardCharsets.UTF_8);
        return t;
    }

    /** The health monitor's rule, by hand: the first step whose smoothed loss exceeds 10 × its lowest and the first. */
    private static int growthStop(double[] losses, int window) {
        double beta = 1 - 1.0 / window;
        double average = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int t = 0; t < losses.length; t++) {
            average = beta * average + (1 - beta) * losses[t];
            double smoothed = average / (1 - Math.pow(beta, t + 1));
            lowest = Math.min(lowest, smoothed);
            if (smoothed > 10 * lowest && smoothed > losses[0]) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aGrowingLossStopsTrainingLongBeforeItOverflowsAndKeepsTheHistory() {
        double[] byHand = lossesByHand();
        int k = growthStop(byHand, 10);
        assertTrue(k >= 1 && k < byHand.length - 100, "stops at step " + k + " of " + byHand.length);
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        History h = trainer(warnings).fit(DATA);

        assertTrue(h.diverged());
        assertEquals(k + 1, h.steps(), "the steps up to and including the one where the loss had grown");
        assertArrayEquals(Arrays.copyOf(byHand, k + 1), h.loss());
        assertTrue(h.stopReason().startsWith("Training diverged at step " + k + " (epoch " + k + ", batch 0): the loss"
                + " (smoothed over about 10 steps) grew from " + Format.number(byHand[0]) + " at step 0 to "),
                h.stopReason());
        assertTrue(h.stopReason().endsWith(", over 10.0 times its lowest value. The learning rate 1.5 is probably"
                + " too large: try 0.15, or clip gradients with .clipGradNorm(1.0)."), h.stopReason());
        assertEquals(h.stopReason() + System.lineSeparator(), warnings.toString(StandardCharsets.UTF_8), "printed once");
        assertTrue(h.summary().endsWith("; diverged at step " + k), h.summary());
    }

    @Test
    void aWarningMonitorTrainsOnToTheFirstNonFiniteLoss() {
        double[] expected = lossesByHand();
        int k = expected.length - 1;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        History h = trainer(warnings).health(HealthMonitor.warning()).fit(DATA);

        assertTrue(h.diverged());
        assertEquals(k + 1, h.steps(), "the steps up to and including the one whose loss is not finite");
        assertArrayEquals(expected, h.loss());
        assertTrue(Double.isNaN(h.epochLoss()[k]) || Double.isInfinite(h.epochLoss()[k]));
        String message = "Training diverged at step " + k + " (epoch " + k + ", batch 0): the loss is " + expected[k]
                + " (the step before: " + Format.number(expected[k - 1]) + "). The learning rate 1.5 is probably too"
                + " large: try 0.15, or clip gradients with .clipGradNorm(1.0).";
        assertEquals(message, h.stopReason());
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        int warnedAt = growthStop(expected, 10);
        assertTrue(h.warnings().get(0).startsWith("Warning: at step " + warnedAt + " the loss (smoothed over about 10"
                + " steps) grew from "), h.warnings().get(0));
        assertEquals(h.warnings().get(0) + System.lineSeparator() + message + System.lineSeparator(),
                warnings.toString(StandardCharsets.UTF_8), "the warning once, then the divergence");
    }

    @Test
    void failOnDivergenceThrowsAnExceptionThatCarriesTheHistory() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        History returned = trainer(warnings).fit(DATA);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer(none).failOnDivergence().fit(DATA));
        assertEquals(returned, e.history());
        assertEquals(returned.stopReason(), e.getMessage());
        assertEquals("", none.toString(StandardCharsets.UTF_8), "the exception replaces the printed message");
    }

    @Test
    void withClippingTheMessageSuggestsOnlyASmallerLearningRate() {
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), Sgd.of(layer.parameters()).lr(1e200)).progress(false)
                .clipGradNorm(1).epochs(10);
        t.warnings = new PrintStream(warnings, true, StandardCharsets.UTF_8);
        History h = t.fit(DATA);
        assertTrue(h.diverged());
        assertEquals(2, h.steps(), "one update of length 1e200 makes the loss overflow");
        assertTrue(h.stopReason().endsWith("The learning rate 1e+200 is probably too large: try 1e+199."),
                h.stopReason());
    }

    @Test
    void anOptimizerWithoutLearningRateGetsAGeneralAdvice() {
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        Optimizer byHand = () -> {
            for (Parameter p : layer.parameters()) {
                p.value().plusScaledInPlace(-1.5, p.grad());
            }
        };
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), byHand).progress(false).epochs(10_000);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(DATA);
        double[] expected = lossesByHand();
        assertArrayEquals(Arrays.copyOf(expected, growthStop(expected, 10) + 1), h.loss());
        assertTrue(Double.isNaN(h.lr()[0]));
        assertTrue(h.stopReason().endsWith(". The optimizer's steps are probably too large (it has no learning rate to"
                + " read): make them smaller, or clip gradients with .clipGradNorm(1.0)."), h.stopReason());
    }

    @Test
    void aNonFiniteLossAtTheFirstStepPointsAtTheData() {
        Matrix x = DATA.x().copy();
        x.set(3, 1, Double.NaN);
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), Sgd.of(layer.parameters()).lr(0.1)).progress(false)
                .epochs(3);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(Dataset.of(x, DATA.y()));
        assertTrue(h.diverged());
        assertEquals(1, h.steps());
        assertEquals(1, h.epochs());
        assertEquals("Training diverged at step 0 (epoch 0, batch 0): the loss is NaN. The training data is not"
                + " finite: x[3][1] is NaN (example 3, column 1); 1 value of x and 0 of y are not finite. Remove or"
                + " repair those examples before training (keep the rows whose values are all finite), or find where"
                + " the data was loaded or scaled.", h.stopReason());
    }

    @Test
    void aNonFiniteValueInALaterBatchNamesItsExampleAndNotTheLearningRate() {
        Matrix y = DATA.y().copy();
        y.set(17, 0, Double.POSITIVE_INFINITY);
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), Sgd.of(layer.parameters()).lr(0.1)).progress(false)
                .batchSize(8).shuffle(Rng.seed(5)).epochs(3);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(Dataset.of(DATA.x(), y));
        assertTrue(h.diverged());
        assertTrue(h.steps() >= 1 && h.steps() <= 5, "the first batch holding example 17: step " + (h.steps() - 1));
        assertTrue(h.stopReason().endsWith("the loss is Infinity. The training data is not finite: y[17][0] is"
                + " Infinity (example 17, column 0); 0 values of x and 1 of y are not finite. Remove or repair those"
                + " examples before training (keep the rows whose values are all finite), or find where the data was"
                + " loaded or scaled."), h.stopReason());
        assertFalse(h.stopReason().contains("learning rate"), h.stopReason());
    }

    @Test
    void weightsThatAnUpdateMadeNonFiniteAreNamed() {
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        int[] calls = {0};
        Optimizer dividesByZero = () -> {
            double scale = calls[0]++ == 2 ? 0.0 : 1.0;
            for (Parameter p : layer.parameters()) {
                p.value().plusScaledInPlace(-0.01 / scale, p.grad());
            }
        };
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), dividesByZero).progress(false).epochs(10);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(DATA);
        assertEquals(4, h.steps(), "the third update made the weights infinite; the fourth loss is not finite");
        assertTrue(h.stopReason().startsWith("Training diverged at step 3 (epoch 3, batch 0): the loss is "),
                h.stopReason());
        assertTrue(h.stopReason().contains(". The weights weight are not finite: 3 values, the first "),
                h.stopReason());
        assertTrue(h.stopReason().endsWith(": an optimizer update made them so (the last finite loss was "
                + Format.number(h.loss()[2]) + " at step 2), dividing by zero or overflowing; check the optimizer's"
                + " eps (it must be > 0) and its learning rate."), h.stopReason());
    }

    @Test
    void aValidationSetWithANaNStopsTrainingWithItsExample() {
        Matrix x = DATA.x().copy();
        x.set(6, 2, Double.NaN);
        Dataset validation = Dataset.of(x, DATA.y());
        Dense layer = Dense.of(3, 1, Rng.seed(2));
        Trainer t = Trainer.of(layer, MeanSquaredError.of(), Sgd.of(layer.parameters()).lr(0.01)).progress(false)
                .validation(validation).earlyStopping(2).epochs(5);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(DATA);
        assertTrue(h.diverged());
        assertEquals(1, h.epochs());
        assertEquals(-1, h.bestEpoch(), "a NaN is never the best validation loss");
        assertEquals("Training stopped after epoch 0: the validation loss is NaN. The validation data is not finite:"
                + " x[6][2] is NaN (example 6, column 2); 1 value of x and 0 of y are not finite. Remove or repair"
                + " those examples of the validation set.", h.stopReason());
    }

    @Test
    void anInfiniteGradientStopsBeforeTheUpdate() {
        Rng rng = Rng.seed(1);
        Dataset data = Fixtures.classification(30, 4, 3, rng.split());
        Sequential model = Sequential.of(Dense.of(4, 3, rng.split()), new Fixtures.Explode(4));
        Trainer t = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1)).progress(false)
                .batchSize(10).shuffle(rng.split()).statsEvery(1).epochs(5);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var weightsAtStep4 = new java.util.ArrayList<java.util.List<Matrix>>();
        t.callback(s -> {
            if (!s.endOfEpoch() && s.step() == 3) {
                weightsAtStep4.add(Fixtures.weights(model));
            }
        });
        History h = t.fit(data);
        assertTrue(h.diverged());
        assertEquals(5, h.steps(), "the fifth backward pass returned an infinite gradient");
        assertEquals(2, h.epochs());
        assertTrue(Double.isFinite(h.loss()[4]));
        double norm = h.gradNorm()[4];
        assertFalse(Double.isFinite(norm));
        assertEquals("Training diverged at step 4 (epoch 1, batch 1): the gradient norm is " + norm + " (the loss of"
                + " this step: " + Format.number(h.loss()[4]) + "). The gradients exploded: the backward pass of this"
                + " step overflowed. Clip them with .clipGradNorm(1.0), lower the learning rate (now 0.1), or check"
                + " the initialisation.", h.stopReason());
        assertEquals(weightsAtStep4.get(0), Fixtures.weights(model), "no update with the infinite gradient");
        assertTrue(Double.isNaN(h.weightNorm("0.weight")[4]));
    }

    @Test
    void clippingByNormAlsoNoticesAnInfiniteGradient() {
        Rng rng = Rng.seed(1);
        Dataset data = Fixtures.classification(30, 4, 3, rng.split());
        Sequential model = Sequential.of(Dense.of(4, 3, rng.split()), new Fixtures.Explode(2));
        Trainer t = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1)).progress(false)
                .batchSize(10).shuffle(rng.split()).statsEvery(0).clipGradNorm(1).epochs(5);
        t.warnings = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        History h = t.fit(data);
        assertTrue(h.diverged());
        assertEquals(3, h.steps());
        assertTrue(h.stopReason().startsWith("Training diverged at step 2 (epoch 0, batch 2): the gradient norm is "),
                h.stopReason());
        assertTrue(h.stopReason().endsWith("The gradients exploded: the backward pass of this step overflowed. Clip them"
                + " with .clipGradNorm(1.0), lower the learning rate (now 0.1), or check the initialisation."),
                h.stopReason());
    }
}
