package gd.matrix;

/**
 * The textbook matrix products, one line of mathematics each: the definition that {@link Kernels}
 * must agree with. Read these first; the tests compare every fast kernel against them.
 */
public final class ReferenceKernels {
    private ReferenceKernels() {
    }

    /** a · b: c[i][j] = Σₖ a[i][k] · b[k][j]. */
    public static Matrix times(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double sum = 0;
                for (int k = 0; k < a.cols(); k++) {
                    sum += a.get(i, k) * b.get(k, j);
                }
                c.set(i, j, sum);
            }
        }
        return c;
    }

    /** aᵀ · b: c[i][j] = Σₖ a[k][i] · b[k][j]. */
    public static Matrix transposeTimes(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.cols(), b.cols());
        for (int i = 0; i < a.cols(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double sum = 0;
                for (int k = 0; k < a.rows(); k++) {
                    sum += a.get(k, i) * b.get(k, j);
                }
                c.set(i, j, sum);
            }
        }
        return c;
    }

    /** a · bᵀ: c[i][j] = Σₖ a[i][k] · b[j][k]. */
    public static Matrix timesTranspose(Matrix a, Matrix b) {
        Matrix c = Matrix.zeros(a.rows(), b.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.rows(); j++) {
                double sum = 0;
                for (int k = 0; k < a.cols(); k++) {
                    sum += a.get(i, k) * b.get(j, k);
                }
                c.set(i, j, sum);
            }
        }
        return c;
    }
}
