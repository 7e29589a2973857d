package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.check.CheckResult;
import gd.check.GradientCheck;
import gd.loss.Loss;
import gd.loss.MeanSquaredError;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A central-difference gradient check (h = 1e-5, relative error below 1e-6) of every layer, with respect to
 * its parameters and its input. Inputs of ReLU-like layers are kept away from the kink at 0, and every
 * check asserts that no input came within h of it.
 */
class LayerGradientTest {
    private static final double H = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-6;

    private static Matrix normal(int rows, int cols, Rng rng) {
        return Matrix.random(rows, cols, rng, Rng::normal);
    }

    /** Normal-looking values with |x| ≥ 0.1: nothing near a ReLU kink. */
    private static Matrix awayFromZero(int rows, int cols, Rng rng) {
        return Matrix.random(rows, cols, rng, r -> {
            double v = r.normal();
            return v >= 0 ? v + 0.1 : v - 0.1;
        });
    }

    /** Checks the layer under MSE against a random target; returns the result for further assertions. */
    private static CheckResult check(Layer layer, Matrix x, Rng rng) {
        Matrix probe = layer.forward(x);
        Matrix target = normal(probe.rows(), probe.cols(), rng);
        CheckResult r = GradientCheck.of().h(H).model(layer, MeanSquaredError.of(), x, target);
        r.assertBelow(MAX_RELATIVE_ERROR);
        for (String w : r.warnings()) {
            assertFalse(w.startsWith("warning"), w);
        }
        int expected = x.size();
        for (Parameter p : layer.parameters()) {
            expected += p.size();
        }
        assertEquals(expected, r.checked(), "every coordinate of every parameter and of the input");
        return r;
    }

    @Test
    void dense() {
        Rng rng = Rng.seed(11);
        CheckResult r = check(Dense.of(4, 3, rng), normal(5, 4, rng), rng);
        assertEquals(List.of("weight", "bias", "input"), r.tensors().stream().map(CheckResult.TensorResult::name)
                .toList());
    }

    @Test
    void relu() {
        Rng rng = Rng.seed(12);
        check(ReLU.of(), awayFromZero(5, 4, rng), rng);
    }

    @Test
    void leakyReluDefaultAndCustomSlope() {
        Rng rng = Rng.seed(13);
        check(LeakyReLU.of(), awayFromZero(5, 4, rng), rng);
        check(LeakyReLU.of().negativeSlope(0.3), awayFromZero(5, 4, rng), rng);
    }

    @Test
    void sigmoid() {
        Rng rng = Rng.seed(14);
        check(Sigmoid.of(), normal(5, 4, rng).timesInPlace(2), rng);
    }

    @Test
    void tanh() {
        Rng rng = Rng.seed(15);
        check(Tanh.of(), normal(5, 4, rng), rng);
    }

    @Test
    void dropoutInTrainingModeWithAFixedMask() {
        Rng rng = Rng.seed(16);
        Dropout dropout = Dropout.of(0.4, rng.split());
        CheckResult r = check(dropout, normal(6, 5, rng), rng);
        assertTrue(r.warnings().get(0).contains("Dropout(p=0.4) is in training mode: its mask was held fixed"),
                r.toString());
        assertFalse(dropout.maskFixed(), "the check releases the mask");

        // fixed by hand, the layer is the same fixed function for every forward pass
        Dropout fixedByHand = Dropout.of(0.4, rng.split()).fixMask(true);
        CheckResult byHand = check(fixedByHand, normal(6, 5, rng), rng);
        assertTrue(byHand.warnings().isEmpty(), byHand.toString());
        assertTrue(fixedByHand.maskFixed());
    }

    @Test
    void dropoutInEvaluationMode() {
        Rng rng = Rng.seed(17);
        Dropout dropout = Dropout.of(0.4, rng.split());
        dropout.eval();
        CheckResult r = check(dropout, normal(6, 5, rng), rng);
        assertTrue(r.warnings().isEmpty(), r.toString());
    }

    /** γ and β away from 1 and 0, so that their gradients matter. */
    private static BatchNorm batchNorm(int features, Rng rng) {
        BatchNorm bn = BatchNorm.of(features);
        bn.gamma().value().copyFrom(Matrix.random(1, features, rng, r -> r.uniform(0.5, 2)));
        bn.beta().value().copyFrom(Matrix.random(1, features, rng, r -> r.uniform(-1, 1)));
        return bn;
    }

    @Test
    void batchNormInTrainingMode() {
        Rng rng = Rng.seed(18);
        BatchNorm bn = batchNorm(3, rng);
        Matrix x = normal(6, 3, rng).plusRowInPlace(Matrix.rowVector(1, -2, 0.5));
        check(bn, x, rng);
    }

    @Test
    void batchNormInEvaluationMode() {
        Rng rng = Rng.seed(19);
        BatchNorm bn = batchNorm(3, rng);
        for (int i = 0; i < 5; i++) {
            bn.forward(normal(8, 3, rng).timesInPlace(2).plusRowInPlace(Matrix.rowVector(1, -2, 0.5)));
        }
        bn.eval();
        check(bn, normal(6, 3, rng), rng);
    }

    @Test
    void residual() {
        Rng rng = Rng.seed(20);
        check(Residual.of(Dense.of(4, 4, rng)), normal(5, 4, rng), rng);
        check(Residual.of(Sequential.of(Dense.of(4, 4, rng), Tanh.of(), Dense.of(4, 4, rng))), normal(5, 4, rng), rng);
    }

    @Test
    void sequentialWithEveryLayer() {
        Rng rng = Rng.seed(21);
        Sequential model = Sequential.of(
                Dense.of(4, 6, rng.split()), BatchNorm.of(6), Tanh.of(),
                Dense.of(6, 5, rng.split()), Sigmoid.of(),
                Residual.of(Sequential.of(Dense.of(5, 5, rng.split()), Tanh.of())),
                Dropout.of(0.3, rng.split()),
                Dense.of(5, 3, rng.split()));
        check(model, normal(7, 4, rng), rng);
    }

    @Test
    void sequentialMlpWithReluAndCrossEntropy() {
        Rng rng = Rng.seed(22);
        Sequential model = Sequential.of(Dense.of(4, 8, rng.split()), ReLU.of(), Dense.of(8, 6, rng.split()),
                LeakyReLU.of().negativeSlope(0.1), Dense.of(6, 3, rng.split()));
        Matrix x = normal(6, 4, rng);
        Matrix labels = Matrix.fromFunction(6, 1, (i, j) -> rng.nextInt(3));
        model.forward(x);
        // the check below is only meaningful if no pre-activation is near the kink
        assertEquals(0, model.layer(1).inputsNearKink(1e-3));
        assertEquals(0, model.layer(3).inputsNearKink(1e-3));
        CheckResult r = GradientCheck.of().h(H).model(model, Loss.crossEntropy(), x, labels);
        r.assertBelow(MAX_RELATIVE_ERROR);
        assertTrue(r.warnings().isEmpty(), r.toString());
    }
}
