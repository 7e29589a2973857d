package gd.data;

import static gd.data.DatasetTest.ids;
import static gd.data.DatasetTest.indexed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BatchesTest {

    /** The example ids of every batch of one epoch, in order. */
    private static List<int[]> epoch(Batches batches) {
        List<int[]> out = new ArrayList<>();
        for (Dataset batch : batches.epoch()) {
            out.add(ids(batch));
        }
        return out;
    }

    private static int[] concat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] sorted(int[] values) {
        int[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }

    private static boolean sameBatches(List<int[]> a, List<int[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 200, seed = "20261123")
    void miniBatchVisitsEveryExampleOncePerEpoch(@ForAll @IntRange(min = 1, max = 120) int n,
                                                @ForAll @IntRange(min = 1, max = 40) int size,
                                                @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        var batches = Batches.miniBatch(indexed(n), size, Rng.seed(seed));
        int expectedCount = (n + size - 1) / size;
        assertEquals(expectedCount, batches.batchesPerEpoch());
        for (int e = 0; e < 3; e++) {
            List<int[]> epoch = epoch(batches);
            assertEquals(expectedCount, epoch.size());
            for (int b = 0; b < epoch.size() - 1; b++) {
                assertEquals(size, epoch.get(b).length, "batch " + b + " is full");
            }
            assertEquals(n - (expectedCount - 1) * size, epoch.get(epoch.size() - 1).length, "last batch keeps the rest");
            assertArrayEquals(range(n), sorted(concat(epoch)), "epoch " + e + " visits each example exactly once");
        }
    }

    @Property(tries = 200, seed = "20261124")
    void dropLastKeepsOnlyFullBatches(@ForAll @IntRange(min = 40, max = 120) int n,
                                      @ForAll @IntRange(min = 1, max = 40) int size,
                                      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        var batches = Batches.miniBatch(indexed(n), size, Rng.seed(seed)).dropLast(true);
        List<int[]> epoch = epoch(batches);
        assertEquals(n / size, epoch.size());
        assertEquals(n / size, batches.batchesPerEpoch());
        for (int[] b : epoch) {
            assertEquals(size, b.length);
        }
        int[] seen = sorted(concat(epoch));
        for (int i = 1; i < seen.length; i++) {
            assertTrue(seen[i] > seen[i - 1], "no example twice in an epoch");
        }
    }

    @Test
    void stochasticVisitsEveryExampleOnceInANewOrderEachEpoch() {
        var batches = Batches.stochastic(indexed(30), Rng.seed(5));
        assertEquals(30, batches.batchesPerEpoch());
        List<int[]> first = epoch(batches);
        List<int[]> second = epoch(batches);
        for (List<int[]> epoch : List.of(first, second)) {
            assertEquals(30, epoch.size());
            epoch.forEach(b -> assertEquals(1, b.length));
            assertArrayEquals(range(30), sorted(concat(epoch)));
        }
        assertFalse(Arrays.equals(concat(first), concat(second)), "a new order every epoch");
    }

    @Test
    void fullBatchIsTheDatasetItself() {
        var data = indexed(20);
        var batches = Batches.full(data);
        assertEquals(1, batches.batchesPerEpoch());
        for (int e = 0; e < 2; e++) {
            Iterator<Dataset> it = batches.epoch().iterator();
            assertSame(data, it.next(), "no copy of the data");
            assertFalse(it.hasNext());
        }
        assertEquals(20, batches.batchSize());
        assertFalse(batches.shuffled());
    }

    @Test
    void sameSeedSameBatchesDifferentEpochsDifferentOrders() {
        var data = indexed(100);
        var a = Batches.miniBatch(data, 16, Rng.seed(42));
        var b = Batches.miniBatch(data, 16, Rng.seed(42));
        var c = Batches.miniBatch(data, 16, Rng.seed(43));
        List<int[]> a1 = epoch(a);
        List<int[]> a2 = epoch(a);
        assertTrue(sameBatches(a1, epoch(b)), "same seed, same first epoch");
        assertTrue(sameBatches(a2, epoch(b)), "same seed, same second epoch");
        assertFalse(sameBatches(a1, a2), "epochs differ");
        assertFalse(sameBatches(a1, epoch(c)), "seeds differ");
    }

    @Test
    void anEpochCanBeIteratedAgainWithTheSameBatches() {
        var batches = Batches.miniBatch(indexed(25), 10, Rng.seed(9));
        Iterable<Dataset> epoch = batches.epoch();
        List<int[]> first = new ArrayList<>();
        epoch.forEach(b -> first.add(ids(b)));
        List<int[]> again = new ArrayList<>();
        epoch.forEach(b -> again.add(ids(b)));
        assertTrue(sameBatches(first, again));
        Iterator<Dataset> it = epoch.iterator();
        for (int i = 0; i < 3; i++) {
            it.next();
        }
        assertEquals("Batches.epoch: all 3 batches have been visited",
                assertThrows(NoSuchElementException.class, it::next).getMessage());
    }

    @Test
    void inOrderCutsConsecutiveRows() {
        List<int[]> epoch = epoch(Batches.inOrder(indexed(7), 3));
        assertEquals(3, epoch.size());
        assertArrayEquals(new int[] {0, 1, 2}, epoch.get(0));
        assertArrayEquals(new int[] {3, 4, 5}, epoch.get(1));
        assertArrayEquals(new int[] {6}, epoch.get(2));
    }

    @Test
    void batchesAreCopies() {
        var data = indexed(8);
        for (Dataset batch : Batches.miniBatch(data, 4, Rng.seed(1)).epoch()) {
            batch.x().fillInPlace(-1);
        }
        assertEquals(indexed(8), data);
    }

    @Test
    void toStringNamesTheMode() {
        var data = Dataset.of(Matrix.zeros(60000, 1), Matrix.zeros(60000, 1));
        assertEquals("Batches(mini-batch of 64, 60000 examples, 938 batches per epoch, shuffled)",
                Batches.miniBatch(data, 64, Rng.seed(1)).toString());
        assertEquals("Batches(mini-batch of 64, 60000 examples, 937 batches per epoch, shuffled, dropLast)",
                Batches.miniBatch(data, 64, Rng.seed(1)).dropLast(true).toString());
        assertEquals("Batches(full batch, 60000 examples, 1 batch per epoch)", Batches.full(data).toString());
        assertEquals("Batches(stochastic, 60000 examples, 60000 batches per epoch, shuffled)",
                Batches.stochastic(data, Rng.seed(1)).toString());
        assertEquals("Batches(in order, batches of 1000, 60000 examples, 60 batches per epoch)",
                Batches.inOrder(data, 1000).toString());
    }

    @Test
    void errors() {
        var data = indexed(10);
        assertEquals("Batches.miniBatch: batch size must be ≥ 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Batches.miniBatch(data, 0, Rng.seed(1))).getMessage());
        assertEquals("Batches.stochastic: rng must not be null; pass one to shuffle every epoch, e.g. rng.split()",
                assertThrows(IllegalArgumentException.class, () -> Batches.stochastic(data, null)).getMessage());
        assertEquals("Batches.full: the dataset has no examples",
                assertThrows(IllegalArgumentException.class, () -> Batches.full(data.head(0))).getMessage());
        assertEquals("Batches.dropLast: batches of 16 from 10 examples leave no full batch to keep",
                assertThrows(IllegalArgumentException.class,
                        () -> Batches.miniBatch(data, 16, Rng.seed(1)).dropLast(true)).getMessage());
    }
}
