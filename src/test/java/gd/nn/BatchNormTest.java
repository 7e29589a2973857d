package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

/** torch's BatchNorm1d semantics, computed independently in the test with plain loops. */
class BatchNormTest {
    @Test
    void trainingUsesBatchStatisticsAndUpdatesRunningOnes() {
        Rng rng = Rng.seed(1);
        int n = 6;
        Matrix x = Matrix.random(n, 2, rng, r -> r.normal(3, 2));
        BatchNorm bn = BatchNorm.of(2).momentum(0.2);
        bn.gamma().value().copyFrom(Matrix.rowVector(2, 0.5));
        bn.beta().value().copyFrom(Matrix.rowVector(-1, 1));
        Matrix y = bn.forward(x);
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.get(i, j) / n;
            }
            double biased = 0;
            for (int i = 0; i < n; i++) {
                biased += (x.get(i, j) - mean) * (x.get(i, j) - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                double expected = bn.gamma().value().get(0, j) * (x.get(i, j) - mean) / Math.sqrt(biased + 1e-5)
                        + bn.beta().value().get(0, j);
                assertEquals(expected, y.get(i, j), 1e-12);
            }
            assertEquals(0.8 * 0 + 0.2 * mean, bn.runningMean().get(0, j), 1e-14);
            assertEquals(0.8 * 1 + 0.2 * biased * n / (n - 1), bn.runningVar().get(0, j), 1e-14, "unbiased");
        }
    }

    @Test
    void evaluationUsesRunningStatistics() {
        Rng rng = Rng.seed(2);
        BatchNorm bn = BatchNorm.of(3);
        for (int k = 0; k < 30; k++) {
            bn.forward(Matrix.random(16, 3, rng, r -> r.normal(5, 3)));
        }
        Matrix mean = bn.runningMean().copy();
        Matrix var = bn.runningVar().copy();
        assertTrue(Math.abs(mean.get(0, 0) - 5) < 1 && Math.abs(var.get(0, 0) - 9) < 4, mean + " " + var);
        bn.eval();
        Matrix x = Matrix.random(4, 3, rng, Rng::normal);
        Matrix y = bn.forward(x);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals((x.get(i, j) - mean.get(0, j)) / Math.sqrt(var.get(0, j) + 1e-5), y.get(i, j), 1e-14);
            }
        }
        assertEquals(mean, bn.runningMean(), "evaluation leaves the running statistics alone");
        assertEquals(var, bn.runningVar());
    }

    @Test
    void trainingOutputIsStandardised() {
        Rng rng = Rng.seed(3);
        Matrix y = BatchNorm.of(4).forward(Matrix.random(50, 4, rng, r -> r.normal(-7, 10)));
        Matrix mean = y.columnMeans();
        for (int j = 0; j < 4; j++) {
            assertEquals(0, mean.get(0, j), 1e-14);
            double var = 0;
            for (int i = 0; i < 50; i++) {
                var += y.get(i, j) * y.get(i, j) / 50;
            }
            assertEquals(1, var, 1e-6);
        }
    }

    @Test
    void defaultsAndToString() {
        BatchNorm bn = BatchNorm.of(256);
        assertEquals(1e-5, bn.eps());
        assertEquals(0.1, bn.momentum());
        assertEquals(Matrix.filled(1, 256, 1), bn.gamma().value());
        assertEquals(Matrix.zeros(1, 256), bn.beta().value());
        assertEquals(Matrix.zeros(1, 256), bn.runningMean());
        assertEquals(Matrix.filled(1, 256, 1), bn.runningVar());
        assertEquals("BatchNorm(256, eps=1e-05, momentum=0.1)", bn.toString());
        assertEquals("BatchNorm(2, eps=0.001, momentum=0.01)", BatchNorm.of(2).eps(1e-3).momentum(0.01).toString());
    }
}
