package gd.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.check.GradientCheck;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

/** Values on worked examples, gradient checks for every loss and reduction, stability and error messages. */
class LossTest {
    private static final double H = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-6;

    private static Matrix normal(int rows, int cols, Rng rng, double std) {
        return Matrix.random(rows, cols, rng, r -> r.normal(0, std));
    }

    /** Class indices 0 … k−1 as an n×1 column. */
    private static Matrix labels(int n, int k, Rng rng) {
        return Matrix.fromFunction(n, 1, (i, j) -> rng.nextInt(k));
    }

    /** Rows of positive numbers summing to 1 (soft labels). */
    private static Matrix softLabels(int n, int k, Rng rng) {
        Matrix m = Matrix.random(n, k, rng, r -> 0.05 + r.uniform());
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double v : m.row(i)) {
                s += v;
            }
            for (int j = 0; j < k; j++) {
                m.row(i)[j] /= s;
            }
        }
        return m;
    }

    private static void assertGradientCheck(Loss loss, Matrix prediction, Matrix target) {
        GradientCheck.of().h(H).loss(loss, prediction, target).assertBelow(MAX_RELATIVE_ERROR);
    }

    // ---------------------------------------------------------------- worked examples

    @Test
    void mseOnAWorkedExample() {
        Matrix p = Matrix.of(new double[] {1, 2}, new double[] {3, 4});
        Matrix y = Matrix.of(new double[] {0, 2}, new double[] {5, 1});
        // squared errors 1, 0, 4, 9
        assertEquals(14.0 / 4, Loss.mse().value(p, y), 1e-15);
        assertEquals(14.0, MeanSquaredError.of().reduction(Reduction.SUM).value(p, y), 1e-15);
        assertEquals(Matrix.of(new double[] {0.5, 0}, new double[] {-1, 1.5}), Loss.mse().gradient(p, y));
        assertEquals(Matrix.of(new double[] {1, 0}, new double[] {4, 9}), Loss.mse().losses(p, y));
    }

    @Test
    void crossEntropyOnAWorkedExample() {
        // two equal logits: p = 1/2 each, loss log 2; with a third at log 2 more: p = (1/4, 1/4, 1/2)
        Matrix logits = Matrix.of(new double[] {0, 0, Math.log(2)}, new double[] {5, 5, 5 + Math.log(2)});
        Matrix labels = Matrix.columnVector(2, 0);
        SoftmaxCrossEntropy ce = Loss.crossEntropy();
        assertEquals(Math.log(2), ce.losses(logits, labels).get(0, 0), 1e-15);
        assertEquals(Math.log(4), ce.losses(logits, labels).get(1, 0), 1e-14);
        assertEquals((Math.log(2) + Math.log(4)) / 2, ce.value(logits, labels), 1e-14);
        assertEquals(Math.log(2) + Math.log(4), SoftmaxCrossEntropy.of().reduction(Reduction.SUM)
                .value(logits, labels), 1e-14);
        Matrix expected = Matrix.of(new double[] {0.25, 0.25, -0.5}, new double[] {-0.75, 0.25, 0.5}).timesInPlace(0.5);
        assertTrue(expected.approxEquals(ce.gradient(logits, labels), 1e-15), ce.gradient(logits, labels).toString());
    }

    @Test
    void binaryCrossEntropyOnAWorkedExample() {
        // z = 0: σ = 1/2, loss log 2 for either label; z = log 3: σ = 3/4, loss −log(3/4) for y = 1
        Matrix z = Matrix.columnVector(0, Math.log(3));
        Matrix y = Matrix.columnVector(0, 1);
        BinaryCrossEntropy bce = Loss.binaryCrossEntropy();
        assertEquals(Math.log(2), bce.losses(z, y).get(0, 0), 1e-15);
        assertEquals(-Math.log(0.75), bce.losses(z, y).get(1, 0), 1e-15);
        assertEquals((Math.log(2) - Math.log(0.75)) / 2, bce.value(z, y), 1e-15);
        assertTrue(Matrix.columnVector(0.25, -0.125).approxEquals(bce.gradient(z, y), 1e-15));
    }

    // ---------------------------------------------------------------- gradient checks

    @Test
    void mseGradientCheckBothReductions() {
        Rng rng = Rng.seed(1);
        Matrix p = normal(6, 3, rng, 1);
        Matrix y = normal(6, 3, rng, 1);
        assertGradientCheck(MeanSquaredError.of(), p, y);
        assertGradientCheck(MeanSquaredError.of().reduction(Reduction.SUM), p, y);
    }

    @Test
    void binaryCrossEntropyGradientCheckBothReductions() {
        Rng rng = Rng.seed(2);
        Matrix z = normal(6, 2, rng, 2);
        Matrix hard = Matrix.random(6, 2, rng, r -> r.nextInt(2));
        Matrix soft = Matrix.random(6, 2, rng, Rng::uniform);
        for (Reduction reduction : Reduction.values()) {
            assertGradientCheck(BinaryCrossEntropy.of().reduction(reduction), z, hard);
            assertGradientCheck(BinaryCrossEntropy.of().reduction(reduction), z, soft);
        }
    }

    @Test
    void crossEntropyGradientCheckWithIndicesAndProbabilitiesBothReductions() {
        Rng rng = Rng.seed(3);
        Matrix logits = normal(7, 4, rng, 2);
        Matrix indices = labels(7, 4, rng);
        Matrix probabilities = softLabels(7, 4, rng);
        for (Reduction reduction : Reduction.values()) {
            assertGradientCheck(SoftmaxCrossEntropy.of().reduction(reduction), logits, indices);
            assertGradientCheck(SoftmaxCrossEntropy.of().reduction(reduction), logits, probabilities);
        }
    }

    // ---------------------------------------------------------------- consistency between losses

    @Test
    void indicesAndOneHotRowsGiveTheSameLoss() {
        Rng rng = Rng.seed(4);
        Matrix logits = normal(9, 5, rng, 3);
        Matrix indices = labels(9, 5, rng);
        Matrix oneHot = Matrix.fromFunction(9, 5, (i, j) -> indices.get(i, 0) == j ? 1 : 0);
        SoftmaxCrossEntropy ce = Loss.crossEntropy();
        assertEquals(ce.value(logits, indices), ce.value(logits, oneHot), 1e-14);
        assertTrue(ce.gradient(logits, indices).approxEquals(ce.gradient(logits, oneHot), 1e-16));
    }

    @Test
    void twoClassSoftmaxIsTheSigmoidOfTheLogitDifference() {
        Rng rng = Rng.seed(5);
        Matrix logits = normal(8, 2, rng, 2);
        Matrix labels = labels(8, 2, rng);
        Matrix difference = Matrix.fromFunction(8, 1, (i, j) -> logits.get(i, 1) - logits.get(i, 0));
        assertEquals(Loss.binaryCrossEntropy().value(difference, labels), Loss.crossEntropy().value(logits, labels),
                1e-14);
    }

    @Test
    void meanDividesByElementsOrByRows() {
        Rng rng = Rng.seed(6);
        Matrix p = normal(5, 3, rng, 1);
        Matrix y = Matrix.random(5, 3, rng, Rng::uniform);
        Matrix labels = labels(5, 3, rng);
        assertEquals(MeanSquaredError.of().reduction(Reduction.SUM).value(p, y) / 15, Loss.mse().value(p, y), 1e-15);
        assertEquals(BinaryCrossEntropy.of().reduction(Reduction.SUM).value(p, y) / 15,
                Loss.binaryCrossEntropy().value(p, y), 1e-15);
        assertEquals(SoftmaxCrossEntropy.of().reduction(Reduction.SUM).value(p, labels) / 5,
                Loss.crossEntropy().value(p, labels), 1e-15);
        assertEquals(Loss.crossEntropy().losses(p, labels).mean(), Loss.crossEntropy().value(p, labels), 1e-15);
    }

    // ---------------------------------------------------------------- stability

    @Test
    void hugeLogitsStayFinite() {
        Matrix logits = Matrix.of(new double[] {1000, -1000, 0}, new double[] {-800, -800, -799});
        Matrix labels = Matrix.columnVector(1, 2);
        SoftmaxCrossEntropy ce = Loss.crossEntropy();
        assertEquals(2000, ce.losses(logits, labels).get(0, 0), 1e-9);
        assertTrue(ce.gradient(logits, labels).isFinite());
        Matrix p = Softmax.probabilities(logits);
        assertTrue(p.isFinite());
        assertEquals(1, p.get(0, 0), 0);
        assertEquals(-2000, Softmax.logProbabilities(logits).get(0, 1), 1e-9);

        Matrix z = Matrix.columnVector(800, -800, 40);
        Matrix y = Matrix.columnVector(0, 0, 1);
        BinaryCrossEntropy bce = Loss.binaryCrossEntropy();
        Matrix l = bce.losses(z, y);
        assertEquals(800, l.get(0, 0), 1e-12);
        assertEquals(0, l.get(1, 0), 1e-300);
        assertEquals(Math.exp(-40), l.get(2, 0), 1e-30);
        assertTrue(bce.gradient(z, y).isFinite());
    }

    @Test
    void softmaxRowsArePositiveAndSumToOne() {
        Rng rng = Rng.seed(7);
        Matrix logits = normal(10, 6, rng, 5);
        Matrix p = Softmax.probabilities(logits);
        Matrix logP = Softmax.logProbabilities(logits);
        for (int i = 0; i < 10; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                assertTrue(p.get(i, j) > 0);
                assertEquals(Math.log(p.get(i, j)), logP.get(i, j), 1e-12);
                s += p.get(i, j);
            }
            assertEquals(1, s, 1e-15);
        }
        // adding a constant to a row changes nothing (up to the rounding of z + 123, about 1e-14)
        assertTrue(p.approxEquals(Softmax.probabilities(logits.plus(123.0)), 1e-13));
    }

    @Test
    void lossesNeverChangeTheirArguments() {
        Rng rng = Rng.seed(8);
        Matrix p = normal(4, 3, rng, 1);
        Matrix y = softLabels(4, 3, rng);
        Matrix pCopy = p.copy();
        Matrix yCopy = y.copy();
        for (Loss loss : new Loss[] {Loss.mse(), Loss.binaryCrossEntropy(), Loss.crossEntropy()}) {
            loss.value(p, y);
            loss.gradient(p, y);
            assertEquals(pCopy, p, loss.toString());
            assertEquals(yCopy, y, loss.toString());
        }
    }

    // ---------------------------------------------------------------- factories, toString, errors

    @Test
    void factoriesAndToString() {
        assertInstanceOf(MeanSquaredError.class, Loss.mse());
        assertEquals(Reduction.MEAN, Loss.crossEntropy().reduction());
        SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.of();
        assertSame(ce, ce.reduction(Reduction.SUM));
        assertEquals("SoftmaxCrossEntropy(reduction=SUM)", ce.toString());
        assertEquals("MeanSquaredError(reduction=MEAN)", Loss.mse().toString());
        assertEquals("BinaryCrossEntropy(reduction=MEAN)", Loss.binaryCrossEntropy().toString());
    }

    @Test
    void classIndexOutOfRangeIsNamed() {
        Matrix logits = Matrix.zeros(3, 10);
        Matrix labels = Matrix.columnVector(1, 10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy().value(logits, labels));
        assertEquals("SoftmaxCrossEntropy(reduction=MEAN).value: target row 1 holds class 10, expected a class index "
                + "in 0…9 (logits have 10 columns)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy().gradient(logits, Matrix.columnVector(-1, 0, 0)));
        assertTrue(e.getMessage().contains("target row 0 holds class -1, expected a class index in 0…9"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy().value(logits, Matrix.columnVector(0, 2.5, 0)));
        assertTrue(e.getMessage().contains("target row 1 holds class 2.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy().value(logits, Matrix.columnVector(0, Double.NaN, 0)));
        assertTrue(e.getMessage().contains("target row 1 holds class NaN"), e.getMessage());
    }

    @Test
    void shapeErrorsNameTheLossAndTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy().value(Matrix.zeros(5, 10), Matrix.zeros(4, 1)));
        assertEquals("SoftmaxCrossEntropy(reduction=MEAN).value: logits are 5×10 but target is 4×1, expected 5×1 "
                + "class indices or 5×10 class probabilities", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Loss.mse().gradient(Matrix.zeros(5, 2), Matrix.zeros(5, 3)));
        assertEquals("MeanSquaredError(reduction=MEAN).gradient: prediction is 5×2 but target is 5×3, expected the "
                + "same shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Loss.binaryCrossEntropy().value(Matrix.zeros(5, 1), Matrix.zeros(1, 5)));
        assertEquals("BinaryCrossEntropy(reduction=MEAN).value: prediction is 5×1 but target is 1×5, expected the "
                + "same shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.mse().value(Matrix.zeros(0, 2), Matrix.zeros(0, 2)));
        assertEquals("MeanSquaredError(reduction=MEAN).value: prediction is 0×2, expected at least one element",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.mse().reduction(null));
        assertEquals("MeanSquaredError.reduction must be MEAN or SUM, got null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Softmax.probabilities(Matrix.zeros(2, 0)));
        assertEquals("Softmax.probabilities: logits are 2×0, expected at least one column", e.getMessage());
    }
}
