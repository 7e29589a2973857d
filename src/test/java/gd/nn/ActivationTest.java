package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import org.junit.jupiter.api.Test;

/** Forward values and derivatives of the activations on chosen points, including the kink and large inputs. */
class ActivationTest {
    private static final Matrix X = Matrix.rowVector(-2, -0.5, 0, 0.5, 2);
    private static final Matrix ONES = Matrix.filled(1, 5, 1);

    @Test
    void reluAndItsDerivative() {
        ReLU relu = ReLU.of();
        assertEquals(Matrix.rowVector(0, 0, 0, 0.5, 2), relu.forward(X));
        assertEquals(Matrix.rowVector(0, 0, 0, 1, 1), relu.backward(ONES), "derivative 0 at the kink, as torch");
        assertEquals(1, relu.inputsNearKink(1e-5));
        assertEquals(3, relu.inputsNearKink(0.5));
        assertEquals("ReLU()", relu.toString());
    }

    @Test
    void leakyReluAndItsDerivative() {
        LeakyReLU leaky = LeakyReLU.of().negativeSlope(0.1);
        assertTrue(Matrix.rowVector(-0.2, -0.05, 0, 0.5, 2).approxEquals(leaky.forward(X), 1e-16));
        assertEquals(Matrix.rowVector(0.1, 0.1, 0.1, 1, 1), leaky.backward(ONES));
        assertEquals(0.01, LeakyReLU.of().negativeSlope());
        assertEquals("LeakyReLU(negativeSlope=0.1)", leaky.toString());
        assertEquals(1, leaky.inputsNearKink(1e-5));
    }

    @Test
    void sigmoidAndItsDerivative() {
        Sigmoid sigmoid = Sigmoid.of();
        Matrix y = sigmoid.forward(X);
        Matrix dx = sigmoid.backward(ONES);
        for (int j = 0; j < 5; j++) {
            double s = 1 / (1 + Math.exp(-X.get(0, j)));
            assertEquals(s, y.get(0, j), 1e-16);
            assertEquals(s * (1 - s), dx.get(0, j), 1e-16);
        }
        Matrix extreme = sigmoid.forward(Matrix.rowVector(-1000, 1000));
        assertEquals(Matrix.rowVector(0, 1), extreme);
        assertEquals(Matrix.rowVector(0, 0), sigmoid.backward(Matrix.rowVector(1, 1)));
    }

    @Test
    void tanhAndItsDerivative() {
        Tanh tanh = Tanh.of();
        Matrix y = tanh.forward(X);
        Matrix dx = tanh.backward(ONES);
        for (int j = 0; j < 5; j++) {
            double t = Math.tanh(X.get(0, j));
            assertEquals(t, y.get(0, j), 0);
            assertEquals(1 - t * t, dx.get(0, j), 1e-16);
        }
    }

    @Test
    void activationsDoNotChangeTheirInput() {
        Matrix x = X.copy();
        for (Layer layer : new Layer[] {ReLU.of(), LeakyReLU.of(), Sigmoid.of(), Tanh.of()}) {
            layer.forward(x);
            layer.backward(ONES);
            assertEquals(X, x, layer.toString());
        }
    }
}
