package gd.matrix;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fast matrix products: the one place in the library where loops are shaped for speed.
 * {@link ReferenceKernels} holds the textbook twin of each kernel, and the tests check that both agree, on
 * finite operands and on operands holding NaN and ±∞.
 *
 * <p>Speed never changes the arithmetic. Every product gives what its textbook loop gives under IEEE rules,
 * as numpy and torch do: a NaN or an infinity in an operand reaches every output element whose sum meets it
 * (0·∞ and 0·NaN are NaN), and never turns into a finite number. A wrong number without an error is the
 * worst result a product can give: a model could train to NaN weights and still report a good accuracy.
 *
 * <p>Four things make these fast; none changes the result, and none makes its bits depend on the thread count:
 * <ul>
 *   <li><b>i-k-j order over row arrays.</b> The innermost loop runs along one row of the output and one
 *       row of the right operand, {@code c[j] = fma(a, b[j], c[j])}; the JIT turns it into vector
 *       instructions. Every output element sums its terms in the same order, k = 0, 1, 2, ….
 *       {@code c += a·b} and {@code c += aᵀ·b} add each term into c in that order too, so {@code c += aᵀ·b}
 *       over the rows of a batch, one block of rows after the other, gives the bits of one call on all the
 *       rows: a weight gradient accumulated over micro-batches is bit for bit the large batch's.</li>
 *   <li><b>Zero skipping, where it cannot change the result.</b> A term whose left factor is exactly 0
 *       adds 0·x, which is 0 for every finite x, so its row is skipped. MNIST images are 81 % zeros and
 *       ReLU outputs about half, so the first layer does a fifth of the work. For an infinite or NaN x,
 *       though, 0·x is NaN. So a product first checks, in one pass ({@link #allFinite}), that the operand
 *       whose rows a skipped term would read holds no NaN and no ∞; if it holds one, that product adds
 *       every term, exactly as the textbook loop. The check reads that operand once: for W1's first layer
 *       (it reads W₁) about a tenth of the time of the product, 1–2 % of a training step. A NaN weight
 *       costs a dense product, never a wrong number.</li>
 *   <li><b>Four terms per pass.</b> The remaining terms of an output row are added four at a time in one
 *       loop over the row, in the same order and so with the same bits, loading and storing the output a
 *       quarter as often.</li>
 *   <li><b>Threads over output rows.</b> Each output row is computed whole by one thread, so the bits
 *       are the same for 1, 2 or 64 threads.</li>
 * </ul>
 * {@link #timesTranspose} is a set of dot products, each summed in order k = 0, 1, 2, …; it computes four
 * of them at once (four rows of b against one row of a), so the four sums proceed side by side and each
 * element of a is loaded once for all four. It skips nothing.
 *
 * <p>The kernels read the row arrays directly ({@code Matrix.rowArrays()}), so the index checks of the
 * public accessors cost them nothing.
 */
public final class Kernels {
    /** Below this many columns an output row is too short for a fast inner loop (see transposeTimesNarrow). */
    static final int NARROW = 16;

    private Kernels() {
    }

    /**
     * Starts, once, a background thread that runs each product a few hundred times on small operands, so that
     * the just-in-time compiler has compiled the kernels before a first training epoch needs them. A fresh
     * JVM otherwise runs its first hundred training steps several times slower. {@link Matrix} calls this
     * when it is first used, typically while data is being loaded on the main thread. The results are
     * discarded; nothing else is touched.
     */
    static void warmUpInBackground() {
        Thread warmUp = new Thread(Kernels::warmUp, "gd-kernel-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void warmUp() {
        Rng rng = Rng.seed(0);
        Matrix x = Matrix.random(8, 96, rng, r -> r.uniform() < 0.7 ? 0 : r.uniform());
        Matrix w = Matrix.random(96, 128, rng, Rng::normal);
        Matrix dy = Matrix.random(8, 128, rng, Rng::normal);
        Matrix out = Matrix.zeros(8, 128);
        Matrix grad = Matrix.zeros(96, 128);
        Matrix back = Matrix.zeros(8, 96);
        for (int i = 0; i < 600; i++) {
            times(x, w, out, false);
            transposeTimes(x, dy, grad, true);
            timesTranspose(dy, w, back, false);
        }
    }

    /** Sets how many threads the products use (default: the number of processors). */
    public static void threads(int count) {
        Parallel.threads(count);
    }

    /** How many threads the products use. */
    public static int threads() {
        return Parallel.threads();
    }

    /** c = a · b, or c += a · b if {@code accumulate}. Shapes are checked by the caller. */
    static void times(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int k = a.cols();
        int n = b.cols();
        double[][] aRows = a.rowArrays();
        double[][] bRows = b.rowArrays();
        double[][] cRows = c.rowArrays();
        boolean skipZeros = allFinite(b);
        Parallel.forRows(a.rows(), (long) k * n, (from, to) -> {
            double[][] rows = new double[k][];
            double[] factors = new double[k];
            for (int i = from; i < to; i++) {
                double[] ai = aRows[i];
                int count = 0;
                for (int p = 0; p < k; p++) {
                    if (ai[p] != 0 || !skipZeros) {
                        factors[count] = ai[p];
                        rows[count++] = bRows[p];
                    }
                }
                addTerms(cRows[i], accumulate, factors, rows, count, n);
            }
        });
    }

    /** c = aᵀ · b, or c += aᵀ · b if {@code accumulate}. Shapes are checked by the caller. */
    static void transposeTimes(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        if (n < NARROW && n < k) {
            transposeTimesNarrow(a, b, c, accumulate);
            return;
        }
        double[][] aRows = a.rowArrays();
        double[][] bRows = b.rowArrays();
        double[][] cRows = c.rowArrays();
        boolean skipZeros = allFinite(b);
        Parallel.forRows(k, (long) m * n, (from, to) -> {
            double[][] rows = new double[m][];
            double[] factors = new double[m];
            for (int p = from; p < to; p++) {
                int count = 0;
                for (int i = 0; i < m; i++) {
                    double x = aRows[i][p];
                    if (x != 0 || !skipZeros) {
                        factors[count] = x;
                        rows[count++] = bRows[i];
                    }
                }
                addTerms(cRows[p], accumulate, factors, rows, count, n);
            }
        });
    }

    /**
     * transposeTimes for a narrow b (a weight gradient of the output layer: n = 10 classes). Output rows of
     * n elements would make short inner loops, so this computes the columns of c instead, each as a long
     * row t = Σᵢ b[i][j] · a[i] (a row of (bᵀ·a), the same sums in the same order), and then writes t into
     * column j. When accumulating, t starts from column j of c, so each term is added into c in order, as
     * in the wide kernel: accumulating the products of row blocks one after the other gives the bits of one
     * product over all the rows. Each column is computed whole by one thread. Here the factors come from b
     * and the rows from a, so a skipped term would read a row of a: zeros are skipped only if a is all finite.
     */
    private static void transposeTimesNarrow(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int m = a.rows();
        int k = a.cols();
        double[][] aRows = a.rowArrays();
        double[][] bRows = b.rowArrays();
        double[][] cRows = c.rowArrays();
        boolean skipZeros = allFinite(a);
        Parallel.forRows(b.cols(), (long) m * k, (from, to) -> {
            double[] column = new double[k];
            double[][] rows = new double[m][];
            double[] factors = new double[m];
            for (int j = from; j < to; j++) {
                int count = 0;
                for (int i = 0; i < m; i++) {
                    double x = bRows[i][j];
                    if (x != 0 || !skipZeros) {
                        factors[count] = x;
                        rows[count++] = aRows[i];
                    }
                }
                if (accumulate) {
                    for (int p = 0; p < k; p++) {
                        column[p] = cRows[p][j];
                    }
                }
                addTerms(column, accumulate, factors, rows, count, k);
                for (int p = 0; p < k; p++) {
                    cRows[p][j] = column[p];
                }
            }
        });
    }

    /**
     * {@code true} if m holds no NaN and no ±∞: whether a product may skip the terms whose factor is 0 and
     * whose other factor comes from m. It adds up 0·x down each column of m. That term is exactly what zero
     * skipping leaves out: 0 (or −0) for a finite x, NaN for ±∞ and NaN; and once a sum is NaN it stays NaN.
     * The loop has no early exit, so the just-in-time compiler vectorises it: on W1's 784×256 weights it
     * takes less than half the time of a loop that stops at the first non-finite element. A large m is split
     * between the threads by rows, like a product: with two threads the check adds 10–15 µs to W1's
     * first-layer product of about 105 µs, where on the calling thread alone it added about 20 µs.
     */
    static boolean allFinite(Matrix m) {
        double[][] rows = m.rowArrays();
        int n = m.cols();
        AtomicBoolean nonFinite = new AtomicBoolean();
        Parallel.forRows(rows.length, n, (from, to) -> {
            double[] zeroTimes = new double[n];
            for (int i = from; i < to; i++) {
                double[] row = rows[i];
                for (int j = 0; j < n; j++) {
                    zeroTimes[j] += 0 * row[j];
                }
            }
            for (double z : zeroTimes) {
                if (z != 0) {
                    nonFinite.set(true);
                }
            }
        });
        return !nonFinite.get();
    }

    /**
     * out[j] (+)= Σₜ factors[t] · rows[t][j] for t = 0 … count−1, added in that order. Four terms share one
     * pass over {@code out}: the nested fma calls keep the order of the one-term-at-a-time loop (and so its
     * bits) but load and store {@code out} a quarter as often.
     */
    private static void addTerms(double[] out, boolean accumulate, double[] factors, double[][] rows, int count,
                                 int n) {
        if (!accumulate) {
            Arrays.fill(out, 0);
        }
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double x0 = factors[t];
            double x1 = factors[t + 1];
            double x2 = factors[t + 2];
            double x3 = factors[t + 3];
            double[] r0 = rows[t];
            double[] r1 = rows[t + 1];
            double[] r2 = rows[t + 2];
            double[] r3 = rows[t + 3];
            for (int j = 0; j < n; j++) {
                out[j] = Math.fma(x3, r3[j], Math.fma(x2, r2[j], Math.fma(x1, r1[j], Math.fma(x0, r0[j], out[j]))));
            }
        }
        for (; t < count; t++) {
            double x = factors[t];
            double[] r = rows[t];
            for (int j = 0; j < n; j++) {
                out[j] = Math.fma(x, r[j], out[j]);
            }
        }
    }

    /** c = a · bᵀ, or c += a · bᵀ if {@code accumulate}. Shapes are checked by the caller. */
    static void timesTranspose(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int k = a.cols();
        int n = b.rows();
        double[][] aRows = a.rowArrays();
        double[][] bRows = b.rowArrays();
        double[][] cRows = c.rowArrays();
        Parallel.forRows(a.rows(), (long) k * n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = aRows[i];
                double[] ci = cRows[i];
                int j = 0;
                for (; j + 3 < n; j += 4) {
                    double[] b0 = bRows[j];
                    double[] b1 = bRows[j + 1];
                    double[] b2 = bRows[j + 2];
                    double[] b3 = bRows[j + 3];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (int p = 0; p < k; p++) {
                        double x = ai[p];
                        s0 = Math.fma(x, b0[p], s0);
                        s1 = Math.fma(x, b1[p], s1);
                        s2 = Math.fma(x, b2[p], s2);
                        s3 = Math.fma(x, b3[p], s3);
                    }
                    ci[j] = accumulate ? ci[j] + s0 : s0;
                    ci[j + 1] = accumulate ? ci[j + 1] + s1 : s1;
                    ci[j + 2] = accumulate ? ci[j + 2] + s2 : s2;
                    ci[j + 3] = accumulate ? ci[j + 3] + s3 : s3;
                }
                for (; j < n; j++) {
                    double[] bj = bRows[j];
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(ai[p], bj[p], s);
                    }
                    ci[j] = accumulate ? ci[j] + s : s;
                }
            }
        });
    }
}
