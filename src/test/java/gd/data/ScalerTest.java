package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** Three columns on different scales; column 2 is constant (7). */
    private static Dataset data(Rng rng, int n) {
        Matrix x = Matrix.zeros(n, 3);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, rng.normal(5, 2));
            x.set(i, 1, rng.uniform(0, 1000));
            x.set(i, 2, 7);
        }
        return Dataset.of(x, Matrix.zeros(n, 1));
    }

    @Test
    void statisticsComeFromTheTrainingSplitOnly() {
        // training examples in [0, 1), validation examples in [100, 101): any leak shows in the mean
        Matrix x = Matrix.fromFunction(100, 1, (i, j) -> i < 80 ? i / 80.0 : 100 + (i - 80) / 20.0);
        var data = Dataset.of(x, Matrix.zeros(100, 1));
        var parts = new Dataset.Split(data.head(80), data.slice(80, 100));
        var scaler = Scaler.standardize(parts.train());
        double[] train = parts.train().x().column(0);
        assertEquals(mean(train), scaler.shift().get(0, 0), 1e-15);
        assertEquals(std(train), scaler.scale().get(0, 0), 1e-15);
        var scaled = scaler.transform(parts);
        double v = parts.validation().x().get(3, 0);
        assertEquals((v - mean(train)) / std(train), scaled.validation().x().get(3, 0), 1e-12,
                "validation scaled with the training statistics");
        assertEquals(0, mean(scaled.train().x().column(0)), 1e-12);
    }

    @Test
    void standardizedTrainingColumnsHaveMeanZeroAndStdOne() {
        var parts = data(Rng.seed(7), 500).split(0.8, Rng.seed(8));
        var scaler = Scaler.standardize(parts.train());
        Matrix z = scaler.transform(parts.train()).x();
        for (int j = 0; j < 2; j++) {
            assertEquals(0, mean(z.column(j)), 1e-12, "mean of column " + j);
            assertEquals(1, std(z.column(j)), 1e-12, "std of column " + j);
        }
        assertEquals("Scaler(standardize, 3 columns, fitted on 400 examples)", scaler.toString());
    }

    @Test
    void constantColumnHasScaleOneAndBecomesZero() {
        var data = data(Rng.seed(1), 50);
        var scaler = Scaler.standardize(data);
        assertEquals(7.0, scaler.shift().get(0, 2));
        assertEquals(1.0, scaler.scale().get(0, 2));
        Matrix z = scaler.transform(data.x());
        for (int i = 0; i < z.rows(); i++) {
            assertEquals(0.0, z.get(i, 2), "constant column becomes exactly 0");
        }
        assertEquals(2.5, scaler.transform(Matrix.rowVector(0, 0, 9.5)).get(0, 2), "other values keep their offset");
        assertEquals(1.0, Scaler.minMax(data).scale().get(0, 2));
    }

    @Test
    void constantColumnOfInexactValuesIsStillExactlyZero() {
        var x = Matrix.filled(10, 1, 0.1);
        assertNotEquals(0.1, x.columnMeans().get(0, 0), "premise: the computed mean is off by rounding");
        assertArrayEquals(new double[10], Scaler.standardize(x).transform(x).column(0));
        assertArrayEquals(new double[10], Scaler.minMax(x).transform(x).column(0));
    }

    @Test
    void minMaxMapsTrainingColumnsOntoZeroOne() {
        var data = data(Rng.seed(3), 200);
        var scaler = Scaler.minMax(data);
        Matrix z = scaler.transform(data).x();
        for (int j = 0; j < 2; j++) {
            Matrix c = Matrix.columnVector(z.column(j));
            assertEquals(0.0, c.min());
            assertEquals(1.0, c.max());
        }
        assertEquals("Scaler(minMax, 3 columns, fitted on 200 examples)", scaler.toString());
    }

    @Test
    void transformKeepsTargetsAndLeavesInputAlone() {
        var data = data(Rng.seed(4), 10);
        Matrix before = data.x().copy();
        var scaled = Scaler.standardize(data).transform(data);
        assertSame(data.y(), scaled.y());
        assertEquals(before, data.x());
    }

    @Test
    void errors() {
        var scaler = Scaler.standardize(Matrix.zeros(4, 3));
        assertEquals("Scaler(standardize, 3 columns, fitted on 4 examples).transform: input has 2 columns, expected 3",
                assertThrows(IllegalArgumentException.class, () -> scaler.transform(Matrix.zeros(5, 2))).getMessage());
        assertEquals("Scaler.minMax: the training data has no examples",
                assertThrows(IllegalArgumentException.class, () -> Scaler.minMax(Matrix.zeros(0, 3))).getMessage());
        assertEquals("Scaler.standardize: the training data contains NaN or infinite values",
                assertThrows(IllegalArgumentException.class,
                        () -> Scaler.standardize(Matrix.columnVector(1, Double.NaN))).getMessage());
    }
}
