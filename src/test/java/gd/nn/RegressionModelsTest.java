package gd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.check.GradientCheck;
import gd.loss.Loss;
import gd.loss.Softmax;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression = Dense(d→1) + binary cross-entropy; softmax regression = Dense(d→k) + softmax
 * cross-entropy. Both learn separable toy problems with plain gradient steps written here.
 */
class RegressionModelsTest {
    /** n points per class around the given centres (one per row), with the class index in column 0 of labels. */
    private static Matrix[] blobs(double[][] centres, int perClass, double spread, Rng rng) {
        int n = centres.length * perClass;
        Matrix x = Matrix.zeros(n, centres[0].length);
        Matrix labels = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int c = i % centres.length;
            labels.set(i, 0, c);
            for (int j = 0; j < centres[c].length; j++) {
                x.set(i, j, centres[c][j] + spread * rng.normal());
            }
        }
        return new Matrix[] {x, labels};
    }

    /** One step of gradient descent: θ ← θ − lr·∂L/∂θ. */
    private static double step(Layer model, Loss loss, Matrix x, Matrix y, double lr) {
        model.zeroGrad();
        Matrix out = model.forward(x);
        double value = loss.value(out, y);
        model.backwardParametersOnly(loss.gradient(out, y));
        for (Parameter p : model.parameters()) {
            p.value().plusScaledInPlace(-lr, p.grad());
        }
        return value;
    }

    @Test
    void logisticRegressionLearnsTwoBlobs() {
        Rng rng = Rng.seed(1);
        Matrix[] data = blobs(new double[][] {{-1.5, -1}, {1, 1.5}}, 30, 0.6, rng);
        Matrix x = data[0];
        Matrix y = data[1];
        Dense model = Dense.of(2, 1, rng);
        Loss loss = Loss.binaryCrossEntropy();
        double first = step(model, loss, x, y, 0.5);
        double last = first;
        for (int t = 0; t < 300; t++) {
            last = step(model, loss, x, y, 0.5);
        }
        assertTrue(last < 0.1 && last < first / 5, "loss " + first + " → " + last);
        Matrix logits = model.forward(x);
        for (int i = 0; i < x.rows(); i++) {
            assertEquals(y.get(i, 0), logits.get(i, 0) > 0 ? 1 : 0, "example " + i);
        }
    }

    @Test
    void logisticRegressionGradientIsTheTextbookOne() {
        Rng rng = Rng.seed(2);
        Matrix x = Matrix.random(8, 3, rng, Rng::normal);
        Matrix y = Matrix.random(8, 1, rng, r -> r.nextInt(2));
        Dense model = Dense.of(3, 1, rng);
        Loss loss = Loss.binaryCrossEntropy();
        model.backward(loss.gradient(model.forward(x), y));
        // ∂L/∂w = Xᵀ (σ(Xw + b) − y) / n,  ∂L/∂b = mean(σ(Xw + b) − y)
        Matrix residual = x.times(model.weight().value()).plusRow(model.bias().value())
                .map(z -> 1 / (1 + Math.exp(-z))).minus(y);
        assertTrue(x.transposeTimes(residual).timesInPlace(1.0 / 8).approxEquals(model.weight().grad(), 1e-15));
        assertEquals(residual.mean(), model.bias().grad().get(0, 0), 1e-15);
        GradientCheck.of().model(model, loss, x, y).assertBelow(1e-6);
    }

    @Test
    void softmaxRegressionLearnsThreeBlobs() {
        Rng rng = Rng.seed(3);
        Matrix[] data = blobs(new double[][] {{2, 0}, {-2, 0}, {0, 2.5}}, 20, 0.5, rng);
        Matrix x = data[0];
        Matrix labels = data[1];
        Dense model = Dense.of(2, 3, rng);
        Loss loss = Loss.crossEntropy();
        double first = step(model, loss, x, labels, 0.5);
        double last = first;
        for (int t = 0; t < 300; t++) {
            last = step(model, loss, x, labels, 0.5);
        }
        assertTrue(last < 0.1 && last < first / 5, "loss " + first + " → " + last);
        int[] predicted = Softmax.probabilities(model.forward(x)).argmaxRows();
        int[] expected = new int[x.rows()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (int) labels.get(i, 0);
        }
        assertArrayEquals(expected, predicted);
        GradientCheck.of().model(model, loss, x, labels).assertBelow(1e-6);
    }
}
