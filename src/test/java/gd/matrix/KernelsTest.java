package gd.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fast kernels against their textbook twins, and the same bits for any thread count. */
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
     * |fast − reference| ≤ 1e-12 · Σₖ |aᵢₖ bₖⱼ| element by element: the relative error of a sum, measured
     * against the size of its terms (a difference of near-equal terms has no relative accuracy to speak of).
     */
    private static void assertAgree(Matrix fast, Matrix reference, Matrix absoluteBound, String what) {
        assertEquals(reference.shape(), fast.shape(), what + " shape");
        for (int i = 0; i < fast.rows(); i++) {
            for (int j = 0; j < fast.cols(); j++) {
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
