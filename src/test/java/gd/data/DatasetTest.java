package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** n examples whose single feature is the example's index and whose target is 10 × the index. */
    static Dataset indexed(int n) {
        return Dataset.of(Matrix.fromFunction(n, 1, (i, j) -> i), Matrix.fromFunction(n, 1, (i, j) -> 10 * i));
    }

    /** The feature column of an indexed dataset, as ints. */
    static int[] ids(Dataset d) {
        int[] ids = new int[d.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.x().get(i, 0);
            assertEquals(10.0 * ids[i], d.y().get(i, 0), "target of row " + i + " travels with its features");
        }
        return ids;
    }

    @Test
    void rowCountsMustAgree() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Matrix.zeros(3, 2), Matrix.zeros(4, 1)));
        assertEquals("Dataset: features have 3 rows (3×2) but targets have 4 (4×1); expected one target row per example",
                e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> Dataset.of(null, Matrix.zeros(4, 1)));
        assertEquals("Dataset: features and targets must not be null, got x=null, y=4×1", n.getMessage());
    }

    @Test
    void sizesAndToString() {
        var d = Dataset.of(Matrix.zeros(5, 3), Matrix.columnVector(0, 1, 2, 1, 0));
        assertEquals(5, d.size());
        assertEquals(3, d.featureCount());
        assertEquals(1, d.targetCount());
        assertEquals("Dataset(5 examples, 3 features, 3 classes)", d.toString());
        assertEquals("Dataset(2 examples, 3 features, 1 target)",
                Dataset.of(Matrix.zeros(2, 3), Matrix.columnVector(0.5, 1)).toString());
        assertEquals("Dataset(1 example, 1 feature, 2 targets)", Dataset.of(Matrix.zeros(1, 1), Matrix.zeros(1, 2)).toString());
    }

    @Test
    void selectionCopiesTheChosenRows() {
        var d = indexed(10);
        assertArrayEquals(new int[] {7, 2, 2}, ids(d.rows(new int[] {7, 2, 2})));
        assertArrayEquals(new int[] {0, 1, 2}, ids(d.head(3)));
        assertArrayEquals(new int[] {4, 5}, ids(d.slice(4, 6)));
        assertEquals(0, d.head(0).size());
        Dataset head = d.head(2);
        head.x().set(0, 0, 99);
        assertEquals(0.0, d.x().get(0, 0), "head is a copy");
    }

    @Test
    void selectionErrors() {
        var d = indexed(10);
        assertEquals("Dataset.rows: index 10 is outside 0…9",
                assertThrows(IndexOutOfBoundsException.class, () -> d.rows(new int[] {1, 10})).getMessage());
        assertEquals("Dataset.head: n must be in 0…10, got 11",
                assertThrows(IllegalArgumentException.class, () -> d.head(11)).getMessage());
        assertEquals("Dataset.slice: range 5…3 must satisfy 0 ≤ from ≤ to ≤ 10",
                assertThrows(IllegalArgumentException.class, () -> d.slice(5, 3)).getMessage());
    }

    @Test
    void shuffledIsASeededPermutation() {
        var d = indexed(50);
        int[] a = ids(d.shuffled(Rng.seed(1)));
        assertArrayEquals(a, ids(d.shuffled(Rng.seed(1))));
        assertFalse(Arrays.equals(a, ids(d.shuffled(Rng.seed(2)))));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(ids(d), sorted);
    }

    @Test
    void splitPartitionsTheExamples() {
        var d = indexed(101);
        Dataset.Split parts = d.split(0.8, Rng.seed(3));
        assertEquals(81, parts.train().size());
        assertEquals(20, parts.validation().size());
        assertEquals("Split(train: 81 examples, validation: 20 examples)", parts.toString());
        int[] all = new int[101];
        System.arraycopy(ids(parts.train()), 0, all, 0, 81);
        System.arraycopy(ids(parts.validation()), 0, all, 81, 20);
        Arrays.sort(all);
        assertArrayEquals(ids(d), all, "every example lands in exactly one part");
        assertEquals(parts, d.split(0.8, Rng.seed(3)), "same seed, same split");
        assertNotEquals(parts, d.split(0.8, Rng.seed(4)));
    }

    @Test
    void splitErrors() {
        var d = indexed(10);
        assertEquals("Dataset.split: trainFraction must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> d.split(1.0, Rng.seed(1))).getMessage());
        assertEquals("Dataset.split: a fraction of 0.99 of 10 examples leaves the validation part empty",
                assertThrows(IllegalArgumentException.class, () -> d.split(0.99, Rng.seed(1))).getMessage());
        assertEquals("Dataset.split: rng must not be null; pass one, e.g. Rng.seed(42)",
                assertThrows(IllegalArgumentException.class, () -> d.split(0.5, null)).getMessage());
    }

    @Test
    void classesAndCounts() {
        var d = Dataset.of(Matrix.zeros(6, 2), Matrix.columnVector(0, 3, 3, 1, 0, 3));
        assertTrue(d.hasClassTargets());
        assertEquals(4, d.classes(), "class 2 never occurs but is below the largest index");
        assertArrayEquals(new int[] {2, 1, 0, 3}, d.classCounts());
        var hot = d.oneHot(4);
        assertEquals(4, hot.targetCount());
        assertEquals(4, hot.classes());
        assertArrayEquals(new int[] {2, 1, 0, 3}, hot.classCounts());
        assertEquals(d.x(), hot.x());
    }

    @Test
    void classesRefusesRegressionTargets() {
        var d = Dataset.of(Matrix.zeros(3, 1), Matrix.columnVector(0, 1.5, 2));
        assertFalse(d.hasClassTargets());
        assertEquals("Dataset.classes: target row 1 is 1.5, expected a class index (a whole number ≥ 0)",
                assertThrows(IllegalArgumentException.class, d::classes).getMessage());
        var negative = Dataset.of(Matrix.zeros(2, 1), Matrix.columnVector(0, -1));
        assertEquals("Dataset.classCounts: target row 1 is -1.0, expected a class index (a whole number ≥ 0)",
                assertThrows(IllegalArgumentException.class, negative::classCounts).getMessage());
    }
}
