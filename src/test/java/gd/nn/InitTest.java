package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

/** The initialisation rules: ranges, spreads, gains and determinism. */
class InitTest {
    private static double std(Matrix m) {
        double mean = m.mean();
        return Math.sqrt(m.map(v -> (v - mean) * (v - mean)).mean());
    }

    /** Every value strictly inside (−bound, bound), and some close to each end. */
    private static void assertUniform(Matrix m, double bound) {
        assertTrue(m.max() < bound && m.min() > -bound, m.min() + " … " + m.max() + " outside ±" + bound);
        assertTrue(m.max() > 0.99 * bound && m.min() < -0.99 * bound, "spread " + m.min() + " … " + m.max());
        // U(−b, b) has standard deviation b/√3
        assertEquals(bound / Math.sqrt(3), std(m), 0.01 * bound);
    }

    @Test
    void denseDefaultIsTorchsLinearDefault() {
        Dense dense = Dense.of(400, 300, Rng.seed(1));
        assertUniform(dense.weight().value(), 1 / Math.sqrt(400));
        Matrix bias = dense.bias().value();
        assertTrue(bias.maxAbs() < 1 / Math.sqrt(400) && bias.maxAbs() > 0.9 / Math.sqrt(400));
        assertEquals("Dense(400→300)", dense.toString());
        assertEquals(400, dense.in());
        assertEquals(300, dense.out());
        assertEquals("400×300", dense.weight().value().shape());
        assertEquals("1×300", dense.bias().value().shape());
    }

    @Test
    void scaledRulesHaveTheirBoundsAndSpreads() {
        Rng rng = Rng.seed(2);
        int in = 500;
        int out = 300;
        assertUniform(Init.kaimingUniform(rng).matrix(in, out), Math.sqrt(6.0 / in));
        assertUniform(Init.kaimingUniform(Nonlinearity.TANH, rng).matrix(in, out), 5.0 / 3 * Math.sqrt(3.0 / in));
        assertUniform(Init.xavierUniform(rng).matrix(in, out), Math.sqrt(6.0 / (in + out)));
        assertUniform(Init.xavierUniform(2, rng).matrix(in, out), 2 * Math.sqrt(6.0 / (in + out)));
        assertUniform(Init.linearDefault(rng).matrix(in, out), 1 / Math.sqrt(in));
        // 150 000 normal draws: the sample standard deviation is within about 0.2 % of σ
        assertEquals(Math.sqrt(2.0 / in), std(Init.kaimingNormal(rng).matrix(in, out)), 0.01 * Math.sqrt(2.0 / in));
        double leaky = Math.sqrt(2 / (1 + 0.2 * 0.2)) / Math.sqrt(in);
        assertEquals(leaky, std(Init.kaimingNormal(Nonlinearity.LEAKY_RELU.gain(0.2), rng).matrix(in, out)),
                0.01 * leaky);
        assertEquals(Math.sqrt(2.0 / (in + out)), std(Init.xavierNormal(rng).matrix(in, out)),
                0.01 * Math.sqrt(2.0 / (in + out)));
        Matrix normal = Init.normal(3, 0.5, rng).matrix(in, out);
        assertEquals(3, normal.mean(), 0.01);
        assertEquals(0.5, std(normal), 0.005);
        Matrix uniform = Init.uniform(-1, 3, rng).matrix(in, out);
        assertTrue(uniform.min() >= -1 && uniform.max() < 3);
        assertEquals(1, uniform.mean(), 0.02);
    }

    @Test
    void constantRules() {
        assertEquals(Matrix.zeros(2, 3), Init.zeros().matrix(2, 3));
        assertEquals(Matrix.filled(2, 3, 0.1), Init.constant(0.1).matrix(2, 3));
    }

    @Test
    void gainsAreTorchsCalculateGain() {
        assertEquals(1, Nonlinearity.LINEAR.gain());
        assertEquals(1, Nonlinearity.SIGMOID.gain());
        assertEquals(5.0 / 3, Nonlinearity.TANH.gain());
        assertEquals(Math.sqrt(2), Nonlinearity.RELU.gain());
        assertEquals(0.75, Nonlinearity.SELU.gain());
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Nonlinearity.LEAKY_RELU.gain());
        assertEquals(Math.sqrt(2 / 1.04), Nonlinearity.LEAKY_RELU.gain(0.2));
    }

    @Test
    void applyingARuleToADenseLayer() {
        Rng rng = Rng.seed(3);
        Dense dense = Dense.of(300, 200, Init.kaimingNormal(rng), Init.zeros());
        assertEquals(Math.sqrt(2.0 / 300), std(dense.weight().value()), 0.02 * Math.sqrt(2.0 / 300));
        assertEquals(Matrix.zeros(1, 200), dense.bias().value());
        Matrix weight = dense.weight().value();
        assertSame(dense, dense.init(Init.constant(0.5), Init.constant(-1)));
        assertSame(weight, dense.weight().value(), "re-initialised in place");
        assertEquals(Matrix.filled(300, 200, 0.5), weight);
        assertEquals(Matrix.filled(1, 200, -1), dense.bias().value());
        assertEquals("kaimingNormal(gain=1.4142135623730951)", Init.kaimingNormal(rng).toString());
        assertEquals("uniform(-0.1, 0.1)", Init.uniform(-0.1, 0.1, rng).toString());
    }

    @Test
    void denseFromGivenValuesCopiesThem() {
        Matrix w = Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        Matrix b = Matrix.rowVector(0.5, -0.5);
        Dense dense = Dense.of(w, b);
        assertEquals(w, dense.weight().value());
        assertNotSame(w, dense.weight().value());
        assertEquals("Dense(3→2)", dense.toString());
        assertEquals(Matrix.rowVector(1 + 3 + 0.5, 2 + 4 - 0.5), dense.forward(Matrix.rowVector(1, 1, 0)));
    }

    @Test
    void sameSeedSameWeights() {
        Dense a = Dense.of(784, 256, Rng.seed(42));
        Dense b = Dense.of(784, 256, Rng.seed(42));
        assertEquals(a.weight().value(), b.weight().value());
        assertEquals(a.bias().value(), b.bias().value());
        assertNotEquals(a.weight().value(), Dense.of(784, 256, Rng.seed(43)).weight().value());
        assertEquals(Init.xavierNormal(Rng.seed(7)).matrix(20, 30), Init.xavierNormal(Rng.seed(7)).matrix(20, 30));

        Rng r1 = Rng.seed(5);
        Rng r2 = Rng.seed(5);
        Sequential m1 = Sequential.of(Dense.of(10, 8, r1.split()), Dropout.of(0.5, r1.split()), Dense.of(8, 3, r1.split()));
        Sequential m2 = Sequential.of(Dense.of(10, 8, r2.split()), Dropout.of(0.5, r2.split()), Dense.of(8, 3, r2.split()));
        for (int i = 0; i < m1.parameters().size(); i++) {
            assertEquals(m1.parameters().get(i).value(), m2.parameters().get(i).value());
        }
        Matrix x = Matrix.random(4, 10, Rng.seed(6), Rng::normal);
        assertEquals(m1.forward(x), m2.forward(x), "same weights and the same dropout mask");
    }
}
