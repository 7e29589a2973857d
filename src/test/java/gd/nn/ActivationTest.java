package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Forward values and derivatives of the activations on chosen points, including the kink, large inputs, NaN
 * and the infinities.
 */
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

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(-0.0)
                .withSpecialValue(-Double.MIN_VALUE).withSpecialValue(Double.MAX_VALUE)
                .withSpecialValue(-Double.MAX_VALUE);
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    @Property(tries = 300, seed = "20261206")
    void reluPassesNaNAndKeepsTheBitsOfEveryOtherInput(@ForAll("anyDouble") double x) {
        double y = ReLU.of().forward(Matrix.rowVector(x)).get(0, 0);
        if (Double.isNaN(x)) {
            assertTrue(Double.isNaN(y), "relu(NaN) is NaN, as torch.relu");
        } else {
            assertEquals(bits(x > 0 ? x : 0), bits(y), "relu(" + x + "), bit for bit as max(x, 0) with +0 for −0");
        }
    }

    @Property(tries = 300, seed = "20261206")
    void leakyReluPassesNaNAndKeepsTheBitsOfEveryOtherInput(@ForAll("anyDouble") double x) {
        double y = LeakyReLU.of().negativeSlope(0.1).forward(Matrix.rowVector(x)).get(0, 0);
        if (Double.isNaN(x)) {
            assertTrue(Double.isNaN(y), "leaky_relu(NaN) is NaN, as in torch");
        } else {
            assertEquals(bits(x > 0 ? x : 0.1 * x), bits(y), "leaky relu(" + x + ")");
        }
    }

    @Test
    void nanInputsAndInfinities() {
        Matrix x = Matrix.rowVector(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.POSITIVE_INFINITY);
        Matrix dy = Matrix.rowVector(3, 3, 3, 3);
        ReLU relu = ReLU.of();
        Matrix y = relu.forward(x);
        assertTrue(Double.isNaN(y.get(0, 0)));
        assertEquals(0.0, y.get(0, 1));
        assertEquals(bits(0.0), bits(y.get(0, 2)), "relu(−0) is +0, as before");
        assertEquals(Double.POSITIVE_INFINITY, y.get(0, 3));
        // No gradient where x is not > 0, a NaN x included.
        assertEquals(Matrix.rowVector(0, 0, 0, 3), relu.backward(dy));

        LeakyReLU leaky = LeakyReLU.of().negativeSlope(0.1);
        Matrix z = leaky.forward(x);
        assertTrue(Double.isNaN(z.get(0, 0)));
        assertEquals(Double.NEGATIVE_INFINITY, z.get(0, 1));
        assertEquals(Double.POSITIVE_INFINITY, z.get(0, 3));
        // torch's leaky_relu_backward: x > 0 ? dy : a·dy, so a·dy at a NaN x.
        assertEquals(Matrix.rowVector(0.1 * 3, 0.1 * 3, 0.1 * 3, 3), leaky.backward(dy));
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
