package gd.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fast kernels against their textbook twins, on finite operands and on operands holding NaN and ±∞, and the
 * same bits for any thread count.
 */
class KernelsTest {
    private static final double RELATIVE = 1e-12;

    @AfterEach
    void restoreThreads() {
        Kernels.threads(Runtime.getRuntime().availableProcessors());
    }

    /** Entries that are often exactly zero, as in MNIST images or ReLU outputs, to exercise zero skipping. */
    private static Matrix sparse(int rows, int cols, Rng rng, double zeroFraction) {
        return Matrix.random(rows, cols, rng, r -> r.uniform() < zeroFraction ? 0.0 : r.normal());
    }

    /**
     * Where the reference is NaN or ±∞, the fast kernel gives the same (NaN, or the infinity with its sign);
     * elsewhere |fast − reference| ≤ 1e-12 · Σₖ |aᵢₖ bₖⱼ| element by element: the relative error of a
     * sum, measured against the size of its terms (a difference of near-equal terms has no relative accuracy
     * to speak of). A finite reference has finite terms only, so its bound is finite too.
     */
    private static void assertAgree(Matrix fast, Matrix reference, Matrix absoluteBound, String what) {
        assertEquals(reference.shape(), fast.shape(), what + " shape");
        for (int i = 0; i < fast.rows(); i++) {
            for (int j = 0; j < fast.cols(); j++) {
                if (!Double.isFinite(reference.get(i, j))) {
                    assertEquals(reference.get(i, j), fast.get(i, j), what + "[" + i + "][" + j + "]");
                    continue;
                }
                double diff = Math.abs(fast.get(i, j) - reference.get(i, j));
                double bound = RELATIVE * absoluteBound.get(i, j) + Double.MIN_NORMAL;
                assertTrue(diff <= bound, what + "[" + i + "][" + j + "]: fast " + fast.get(i, j) + ", reference "
                        + reference.get(i, j));
            }
        }
    }

    private static Matrix abs(Matrix m) {
        return m.map(Math::abs);
    }

    @Property(tries = 60, seed = "20261123")
    void productsAgreeWithReference(@ForAll @IntRange(min = 1, max = 70) int m,
                                    @ForAll @IntRange(min = 1, max = 70) int k,
                                    @ForAll @IntRange(min = 1, max = 70) int n,
                                    @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = Rng.seed(seed);
        Matrix a = sparse(m, k, rng, 0.5);
        Matrix b = sparse(k, n, rng, 0.2);
        Matrix at = a.t();
        Matrix bt = b.t();
        Matrix bound = ReferenceKernels.times(abs(a), abs(b));
        assertAgree(a.times(b), ReferenceKernels.times(a, b), bound, "times");
        assertAgree(at.transposeTimes(b), ReferenceKernels.transposeTimes(at, b), bound, "transposeTimes");
        assertAgree(a.timesTranspose(bt), ReferenceKernels.timesTranspose(a, bt), bound, "timesTranspose");
    }

    /** The shapes of a product a (m×k) · b (k×n): general ones, and the kinds that take other paths. */
    record Shape(int m, int k, int n) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 70);
        Arbitrary<Integer> narrow = Arbitraries.integers().between(1, Kernels.NARROW - 1);
        Arbitrary<Integer> one = Arbitraries.just(1);
        return Arbitraries.oneOf(
                Combinators.combine(size, size, size).as(Shape::new),
                Combinators.combine(size, size, narrow).as(Shape::new),     // transposeTimes' narrow kernel
                Combinators.combine(one, size, size).as(Shape::new),        // a row vector times a matrix: 1×n
                Combinators.combine(size, size, one).as(Shape::new),        // a matrix times a column: n×1
                Combinators.combine(size, one, size).as(Shape::new));       // an outer product, k = 1
    }

    /** Which operands get NaN and ±∞ planted. */
    enum Planted { LEFT, RIGHT, BOTH }

    /** Replaces {@code count} elements at random positions by NaN, +∞ or −∞ (chosen at random). */
    private static Matrix plant(Matrix m, Rng rng, int count) {
        double[] nonFinite = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Matrix planted = m.copy();
        for (int t = 0; t < count; t++) {
            planted.set(rng.nextInt(m.rows()), rng.nextInt(m.cols()), nonFinite[rng.nextInt(3)]);
        }
        return planted;
    }

    @Property(tries = 300, seed = "20261206", edgeCases = EdgeCasesMode.NONE)
    void nonFiniteValuesPropagateAsInTheReference(@ForAll("shapes") Shape shape,
                                                  @ForAll Planted planted,
                                                  @ForAll @IntRange(min = 1, max = 4) int count,
                                                  @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = Rng.seed(seed);
        Matrix a = sparse(shape.m(), shape.k(), rng, 0.5);
        Matrix b = sparse(shape.k(), shape.n(), rng, 0.3);
        if (planted != Planted.RIGHT) {
            a = plant(a, rng, count);
        }
        if (planted != Planted.LEFT) {
            b = plant(b, rng, count);
        }
        assertProductsAgree(a, b, sparse(shape.m(), shape.n(), rng, 0.0));
    }

    @Property(tries = 4, seed = "20261206", edgeCases = EdgeCasesMode.NONE)
    void nonFiniteValuesPropagateAtW1Shapes(@ForAll Planted planted,
                                            @ForAll @IntRange(min = 1, max = 4) int count,
                                            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = Rng.seed(seed);
        // x · W₁ as in W1's first layer: a batch of 64 images, 80 % zeros. The products cross the parallel
        // threshold, so the threads really share the work.
        Matrix x = sparse(64, 784, rng, 0.8);
        Matrix w = sparse(784, 256, rng, 0.0);
        if (planted != Planted.RIGHT) {
            x = plant(x, rng, count);
        }
        if (planted != Planted.LEFT) {
            w = plant(w, rng, count);
        }
        assertProductsAgree(x, w, sparse(64, 256, rng, 0.0));
    }

    /**
     * a · b through every product and its accumulating form (on c), against the reference; and the same bits
     * with 1, 2 and 3 threads.
     */
    private static void assertProductsAgree(Matrix a, Matrix b, Matrix c) {
        Matrix at = a.t();
        Matrix bt = b.t();
        Matrix expected = ReferenceKernels.times(a, b);
        Matrix bound = ReferenceKernels.times(abs(a), abs(b));
        Matrix[] one = null;
        try {
            for (int threads = 1; threads <= 3; threads++) {
                Kernels.threads(threads);
                Matrix[] fast = {
                    a.times(b), at.transposeTimes(b), a.timesTranspose(bt),
                    c.copy().plusTimesInPlace(a, b), c.copy().plusTransposeTimesInPlace(at, b),
                    c.copy().plusTimesTransposeInPlace(a, bt)};
                if (one == null) {
                    one = fast;
                    assertAgree(fast[0], expected, bound, "times");
                    assertAgree(fast[1], ReferenceKernels.transposeTimes(at, b), bound, "transposeTimes");
                    assertAgree(fast[2], ReferenceKernels.timesTranspose(a, bt), bound, "timesTranspose");
                    Matrix accumulated = c.plus(expected);
                    Matrix accumulatedBound = abs(c).plus(bound);
                    assertAgree(fast[3], accumulated, accumulatedBound, "plusTimesInPlace");
                    assertAgree(fast[4], accumulated, accumulatedBound, "plusTransposeTimesInPlace");
                    assertAgree(fast[5], accumulated, accumulatedBound, "plusTimesTransposeInPlace");
                }
                for (int i = 0; i < fast.length; i++) {
                    assertEquals(one[i], fast[i], "product " + i + " with " + threads + " threads against 1");
                }
            }
        } finally {
            Kernels.threads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void zeroTimesNaNOrInfinityIsNaNInEveryProduct() {
        // The reproductions of the issue: the zero-skipping products used to give 1.0 here.
        assertTrue(Double.isNaN(Matrix.rowVector(0, 1).times(Matrix.columnVector(Double.NaN, 1)).get(0, 0)));
        assertTrue(Double.isNaN(Matrix.rowVector(0, 1).timesTranspose(Matrix.rowVector(Double.NaN, 1)).get(0, 0)));
        assertTrue(Double.isNaN(Matrix.columnVector(0, 1).transposeTimes(Matrix.columnVector(Double.NaN, 1))
                .get(0, 0)));
        for (double x : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertTrue(Double.isNaN(Matrix.rowVector(0, 1).times(Matrix.columnVector(x, 1)).get(0, 0)));
            assertTrue(Double.isNaN(Matrix.columnVector(0, 1).transposeTimes(Matrix.columnVector(x, 1)).get(0, 0)));
        }
        // The narrow kernel (an n < 16 wide b): its factors come from b, so the NaN sits in a row of a.
        Matrix a = Matrix.zeros(2, 20).fillInPlace(1);
        a.set(0, 7, Double.NaN);
        Matrix g = a.transposeTimes(Matrix.of(new double[] {0, 1}, new double[] {1, 1}));
        assertTrue(Double.isNaN(g.get(7, 0)), "0·NaN in column 0");
        assertTrue(Double.isNaN(g.get(7, 1)));
        assertEquals(1.0, g.get(6, 0));
        // An infinity times non-zero factors stays an infinity with its sign.
        assertEquals(Double.NEGATIVE_INFINITY,
                Matrix.rowVector(2, 1).times(Matrix.columnVector(Double.NEGATIVE_INFINITY, 1)).get(0, 0));
    }

    @Test
    void allFiniteFindsEveryKindOfNonFiniteValue() {
        Matrix m = Matrix.random(5, 7, Rng.seed(1), Rng::normal);
        assertTrue(Kernels.allFinite(m));
        assertTrue(Kernels.allFinite(Matrix.zeros(0, 3)));
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Matrix bad = m.copy();
            bad.set(4, 6, x);
            assertFalse(Kernels.allFinite(bad), "with " + x);
            assertFalse(bad.isFinite(), "with " + x);
        }
        Matrix huge = Matrix.filled(3, 2, Double.MAX_VALUE);
        assertTrue(Kernels.allFinite(huge), "0·MAX_VALUE is 0: no overflow");
        // Large enough to be split between threads: every chunk's finding counts.
        Matrix w = Matrix.random(784, 256, Rng.seed(2), Rng::normal);
        for (int threads = 1; threads <= 3; threads++) {
            Kernels.threads(threads);
            assertTrue(Kernels.allFinite(w));
            for (int[] at : new int[][] {{0, 0}, {391, 100}, {783, 255}}) {
                Matrix bad = w.copy();
                bad.set(at[0], at[1], Double.NEGATIVE_INFINITY);
                assertFalse(Kernels.allFinite(bad), threads + " threads, −∞ at " + at[0] + ", " + at[1]);
            }
        }
    }

    @Test
    void accumulatingProductsAddToWhatIsThere() {
        Rng rng = Rng.seed(7);
        Matrix a = sparse(9, 5, rng, 0.3);
        Matrix b = sparse(5, 4, rng, 0.3);
        Matrix c = sparse(9, 4, rng, 0.0);
        Matrix expected = c.plus(ReferenceKernels.times(a, b));
        Matrix bound = abs(c).plus(ReferenceKernels.times(abs(a), abs(b)));
        assertAgree(c.copy().plusTimesInPlace(a, b), expected, bound, "plusTimesInPlace");
        assertAgree(c.copy().plusTransposeTimesInPlace(a.t(), b), expected, bound, "plusTransposeTimesInPlace");
        assertAgree(c.copy().plusTimesTransposeInPlace(a, b.t()), expected, bound, "plusTimesTransposeInPlace");
    }

    /**
     * c += aᵀ·b over the rows of a in blocks, one block after the other (gradient accumulation over
     * micro-batches), gives the bits of one call on all the rows: every term is added into c in order, in the
     * wide kernel and in the narrow one (n < 16, the output layer's weight gradient).
     */
    @Property(tries = 80, seed = "20261207", edgeCases = EdgeCasesMode.NONE)
    void accumulatingRowBlocksGivesTheBitsOfOneProduct(@ForAll("shapes") Shape shape,
                                                       @ForAll @IntRange(min = 1, max = 4) int blocks,
                                                       @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Rng rng = Rng.seed(seed);
        // aᵀ·b with a: m×k and b: m×n (as x and dy in a weight gradient); m rows split into blocks.
        Matrix a = sparse(shape.m(), shape.k(), rng, 0.5);
        Matrix b = sparse(shape.m(), shape.n(), rng, 0.3);
        Matrix start = sparse(shape.k(), shape.n(), rng, 0.0);
        Matrix whole = start.copy().plusTransposeTimesInPlace(a, b);
        Matrix inBlocks = start.copy();
        int from = 0;
        for (int block = 0; block < blocks; block++) {
            int to = block == blocks - 1 ? shape.m() : Math.min(shape.m(), from + rng.nextInt(shape.m() + 1));
            inBlocks.plusTransposeTimesInPlace(a.rows(from, to), b.rows(from, to));
            from = to;
        }
        assertEquals(whole, inBlocks, shape + " in " + blocks + " blocks");
    }

    @Test
    void sameBitsForAnyThreadCount() {
        Rng rng = Rng.seed(3);
        // Large enough to cross the parallel threshold: the shapes of the MNIST reference workload.
        Matrix x = sparse(64, 784, rng, 0.8);
        Matrix w = sparse(784, 256, rng, 0.0);
        Matrix dz = sparse(64, 256, rng, 0.5);
        BinaryOperator<Matrix> none = (p, q) -> p;
        Matrix[] one = products(x, w, dz, 1);
        for (int threads : new int[] {2, 3, 8}) {
            Matrix[] many = products(x, w, dz, threads);
            for (int i = 0; i < one.length; i++) {
                assertEquals(one[i], many[i], "product " + i + " with " + threads + " threads");
            }
        }
    }

    private static Matrix[] products(Matrix x, Matrix w, Matrix dz, int threads) {
        Kernels.threads(threads);
        return new Matrix[] {x.times(w), x.transposeTimes(dz), dz.timesTranspose(w)};
    }

    @Test
    void shapeErrorsNameOperationAndShapes() {
        Matrix a = Matrix.zeros(2, 3);
        Matrix b = Matrix.zeros(4, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> a.times(b));
        assertEquals("Matrix.times: 2×3 and 4×5 do not fit (inner sizes 3 and 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.plus(b));
        assertEquals("Matrix.plusInPlace: shapes 2×3 and 4×5 differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.threads(0));
        assertEquals("Kernels.threads must be at least 1, got 0", e.getMessage());
    }
}
