package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.matrix.Matrix;
import org.junit.jupiter.api.Test;

class LabelsAndMetricsTest {
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    private static final int[] PREDICTED = {0, 1, 0, 1, 1, 2, 0, 2, 1};

    @Test
    void oneHotAndBack() {
        Matrix hot = Labels.oneHot(Matrix.columnVector(2, 0, 1), 3);
        assertEquals(Matrix.of(new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0}), hot);
        assertArrayEquals(new int[] {2, 0, 1}, Labels.indices(hot));
        assertArrayEquals(new int[] {2, 0, 1}, Labels.indices(Matrix.columnVector(2, 0, 1)));
        assertEquals(hot, Labels.oneHot(new int[] {2, 0, 1}, 3));
        assertEquals(Matrix.columnVector(2, 0, 1), Labels.column(new int[] {2, 0, 1}));
    }

    @Test
    void labelErrors() {
        assertEquals("Labels.oneHot: label 3 in row 1 is outside 0…2",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.oneHot(Matrix.columnVector(0, 3), 3)).getMessage());
        assertEquals("Labels.oneHot: targets are 2×2, expected an n×1 column of class indices",
                assertThrows(IllegalArgumentException.class, () -> Labels.oneHot(Matrix.zeros(2, 2), 3)).getMessage());
        assertEquals("Labels.oneHot: classes must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Labels.oneHot(new int[] {0}, 0)).getMessage());
        assertEquals("Labels.indices: target row 1 of 2×3 is not one-hot (expected a single 1 and zeros elsewhere)",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.indices(Matrix.of(new double[] {0, 1, 0}, new double[] {0.2, 0.8, 0}))).getMessage());
        assertEquals("Labels.indices: target row 0 of 1×2 is not one-hot (expected a single 1 and zeros elsewhere)",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.indices(Matrix.rowVector(1, 1))).getMessage());
        assertEquals("Labels.indices: target row 0 is 0.5, expected a class index (a whole number ≥ 0)",
                assertThrows(IllegalArgumentException.class,
                        () -> Labels.indices(Matrix.columnVector(0.5))).getMessage());
    }

    @Test
    void accuracyFromScoresAndFromPredictions() {
        Matrix scores = Matrix.of(
                new double[] {0.1, 2.0, -1.0},   // predicts 1
                new double[] {3.0, 0.0, 0.5},    // predicts 0
                new double[] {0.0, 0.1, 0.2},    // predicts 2
                new double[] {5.0, 4.0, 6.0});   // predicts 2
        Matrix y = Matrix.columnVector(1, 0, 1, 0);
        assertEquals(0.5, Metrics.accuracy(scores, y));
        assertEquals(0.5, Metrics.accuracy(scores, Labels.oneHot(y, 3)), "one-hot targets work as well");
        assertEquals(6.0 / 9, Metrics.accuracy(PREDICTED, Labels.column(ACTUAL)));
    }

    @Test
    void accuracyErrors() {
        assertEquals("Metrics.accuracy: scores are 3×1, expected one column per class (at least 2); for a single score"
                        + " per example, threshold it and pass the predicted classes as int[]",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(Matrix.zeros(3, 1), Matrix.zeros(3, 1))).getMessage());
        assertEquals("Metrics.accuracy: scores have 3 rows but targets have 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(Matrix.zeros(3, 2), Matrix.zeros(2, 1))).getMessage());
        assertEquals("Metrics.accuracy: 2 predictions but targets have 3 rows",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(new int[2], Matrix.zeros(3, 1))).getMessage());
        assertEquals("Metrics.accuracy: no examples (accuracy of nothing is undefined)",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(new int[0], Matrix.zeros(0, 1))).getMessage());
    }

    @Test
    void confusionMatrixCountsAndRates() {
        var cm = ConfusionMatrix.of(PREDICTED, ACTUAL, 3);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 2, 0}, {1, 1, 2}}, cm.counts());
        assertEquals(3, cm.classes());
        assertEquals(9, cm.total());
        assertEquals(6, cm.correct());
        assertEquals(6.0 / 9, cm.accuracy());
        assertEquals(1, cm.count(2, 0));
        assertEquals(2.0 / 3, cm.recall(0));
        assertEquals(1.0, cm.recall(1));
        assertEquals(0.5, cm.recall(2));
        assertEquals(2.0 / 3, cm.precision(0));
        assertEquals(0.5, cm.precision(1));
        assertEquals(1.0, cm.precision(2));
        assertEquals("ConfusionMatrix(3 classes, 9 examples, accuracy 0.6667)\n"
                + " actual\\predicted     0     1     2  recall\n"
                + "                0     2     1     0   0.667\n"
                + "                1     0     2     0   1.000\n"
                + "                2     1     1     2   0.500\n"
                + "        precision 0.667 0.500 1.000", cm.toString());
    }

    @Test
    void confusionMatrixFromScoresAndUnusedClasses() {
        Matrix scores = Matrix.of(new double[] {0.9, 0.1, 0}, new double[] {0.2, 0.7, 0.1}, new double[] {0.6, 0.3, 0.1});
        var cm = ConfusionMatrix.of(scores, Matrix.columnVector(0, 1, 1));
        assertArrayEquals(new int[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 0}}, cm.counts());
        assertEquals(Double.NaN, cm.precision(2), "class 2 never predicted");
        assertEquals(Double.NaN, cm.recall(2), "class 2 never occurs");
        assertEquals("        precision 0.500 1.000     -", cm.toString().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void confusionMatrixErrors() {
        assertEquals("ConfusionMatrix.of: example 1 has actual class 3 and predicted class 0, expected both in 0…2",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 0}, new int[] {0, 3}, 3)).getMessage());
        assertEquals("ConfusionMatrix.of: 1 predictions but 2 actual classes",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, 3)).getMessage());
        assertEquals("ConfusionMatrix.recall: class 5 is outside 0…2",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(PREDICTED, ACTUAL, 3).recall(5)).getMessage());
    }
}
