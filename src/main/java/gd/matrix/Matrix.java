package gd.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense matrix of doubles: the one data type of the library. A batch of examples is a matrix
 * with one example per row; a bias is a matrix with one row.
 *
 * <p>Storage is one {@code double[]} per row. On JDK 17 the just-in-time compiler vectorises loops
 * over a whole row array but not loops over a flat array indexed with offsets, so this layout makes
 * the plain loops about twice as fast; the fast kernels in {@link Kernels} use it as well.
 *
 * <p>Conventions: {@code times}, {@code plus}, {@code t()} and the other plain names return a new
 * matrix and leave their operands alone; methods ending in {@code InPlace} change this matrix and
 * return it. Shape errors name the operation and both shapes; index errors name the shape, the access and
 * the index that is outside, e.g. {@code Matrix(2×3).get(5, 5): row 5 is outside 0…1}. The index checks sit
 * in the public accessors only: the kernels read the row arrays directly.
 */
public final class Matrix {
    static {
        Kernels.warmUpInBackground();
    }

    private final int rows;
    private final int cols;
    private final double[][] data;
    private int version;

    private Matrix(int rows, int cols, double[][] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    // ---------------------------------------------------------------- construction

    /** A rows × cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Matrix.zeros: shape must be non-negative, got " + rows + "×" + cols);
        }
        return new Matrix(rows, cols, new double[rows][cols]);
    }

    /** A rows × cols matrix with every element equal to {@code value}. */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = zeros(rows, cols);
        return m.fillInPlace(value);
    }

    /** The n × n identity. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i][i] = 1;
        }
        return m;
    }

    /** A matrix with the given rows (copied); every row must have the same length. */
    public static Matrix of(double[]... rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Matrix.of: row " + i + " has " + rows[i].length
                        + " values, expected " + cols + " like row 0");
            }
            copy[i] = rows[i].clone();
        }
        return new Matrix(rows.length, cols, copy);
    }

    /**
     * A 1 × n matrix (a row vector, such as a bias): {@code Matrix.rowVector(1, 2, 3)}. Not named {@code row}:
     * JShell would take {@code Matrix.row(5)} for the accessor {@link #row(int)}.
     */
    public static Matrix rowVector(double... values) {
        return new Matrix(1, values.length, new double[][] {values.clone()});
    }

    /**
     * An n × 1 matrix (a column vector, such as regression targets): {@code Matrix.columnVector(1, 2, 3)}.
     * Not named {@code column}: JShell would take {@code Matrix.column(1)} for the accessor {@link #column(int)}.
     */
    public static Matrix columnVector(double... values) {
        Matrix m = zeros(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            m.data[i][0] = values[i];
        }
        return m;
    }

    /** A matrix whose element (i, j) is {@code f(i, j)}. */
    public static Matrix fromFunction(int rows, int cols, IndexFunction f) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i][j] = f.at(i, j);
            }
        }
        return m;
    }

    /** A rows × cols matrix of independent draws from {@code distribution(rng)}. */
    public static Matrix random(int rows, int cols, Rng rng, Distribution distribution) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.data[i][j] = distribution.sample(rng);
            }
        }
        return m;
    }

    /** A value for each index pair, for {@link #fromFunction}. */
    @FunctionalInterface
    public interface IndexFunction {
        /** The value at row i, column j. */
        double at(int i, int j);
    }

    /** One random number drawn from a generator, for {@link #random}. */
    @FunctionalInterface
    public interface Distribution {
        /** Draws one value. */
        double sample(Rng rng);
    }

    // ---------------------------------------------------------------- shape and access

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of elements. */
    public int size() {
        return rows * cols;
    }

    /** The shape as text, e.g. {@code 64×784}. */
    public String shape() {
        return rows + "×" + cols;
    }

    /** {@code true} if {@code other} has the same number of rows and columns. */
    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    /** Element (i, j). */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw outside("get(" + i + ", " + j + ")", i, j);
        }
        return data[i][j];
    }

    /** Sets element (i, j) to {@code value}. */
    public void set(int i, int j, double value) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw outside("set(" + i + ", " + j + ", " + value + ")", i, j);
        }
        data[i][j] = value;
        version++;
    }

    /**
     * How many times this matrix was changed through its own methods ({@code set}, {@code copyFrom} and the
     * {@code ...InPlace} ones), like PyTorch's version counter: a layer compares it between forward and
     * backward to refuse a gradient of values its forward pass never saw. Writes into {@link #row} arrays
     * are not counted.
     */
    public int version() {
        return version;
    }

    /**
     * Row i itself, not a copy: writing into the array changes this matrix. Loops that must be fast
     * (optimizers) read and write rows through this.
     */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw rowOutside("row(" + i + ")", i);
        }
        return data[i];
    }

    /** A copy of row i as a 1 × cols matrix. */
    public Matrix rowMatrix(int i) {
        if (i < 0 || i >= rows) {
            throw rowOutside("rowMatrix(" + i + ")", i);
        }
        return Matrix.rowVector(data[i]);
    }

    /** A copy of column j as an array. */
    public double[] column(int j) {
        if (j < 0 || j >= cols) {
            throw columnOutside("column(" + j + ")", j);
        }
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i][j];
        }
        return c;
    }

    /** The row arrays themselves, for the kernels of this package: no copy and no index checks. */
    double[][] rowArrays() {
        return data;
    }

    /** A copy of the elements, row by row. */
    public double[][] toArray() {
        double[][] copy = new double[rows][];
        for (int i = 0; i < rows; i++) {
            copy[i] = data[i].clone();
        }
        return copy;
    }

    /** A copy of the elements as one array, row after row. */
    public double[] flatten() {
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /** An independent copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, toArray());
    }

    /** The rows at the given indices, in that order (a mini-batch, for example). */
    public Matrix rows(int[] indices) {
        Matrix m = zeros(indices.length, cols);
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("Matrix(" + shape() + ").rows(indices): indices[" + r + "] = "
                        + outsideOf(i, rows, "rows"));
            }
            System.arraycopy(data[i], 0, m.data[r], 0, cols);
        }
        return m;
    }

    /** Rows from (inclusive) to to (exclusive), copied. */
    public Matrix rows(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("Matrix(" + shape() + ").rows(" + from + ", " + to
                    + "): needs 0 ≤ from ≤ to ≤ " + rows);
        }
        Matrix m = zeros(to - from, cols);
        for (int i = from; i < to; i++) {
            System.arraycopy(data[i], 0, m.data[i - from], 0, cols);
        }
        return m;
    }

    // ---------------------------------------------------------------- products

    /** The matrix product this · other. */
    public Matrix times(Matrix other) {
        requireInner("times", cols, other.rows, other);
        Matrix out = zeros(rows, other.cols);
        Kernels.times(this, other, out, false);
        return out;
    }

    /** The product thisᵀ · other, without forming the transpose. */
    public Matrix transposeTimes(Matrix other) {
        requireInner("transposeTimes", rows, other.rows, other);
        Matrix out = zeros(cols, other.cols);
        Kernels.transposeTimes(this, other, out, false);
        return out;
    }

    /** The product this · otherᵀ, without forming the transpose. */
    public Matrix timesTranspose(Matrix other) {
        requireInner("timesTranspose", cols, other.cols, other);
        Matrix out = zeros(rows, other.rows);
        Kernels.timesTranspose(this, other, out, false);
        return out;
    }

    /** this += a · b, with no temporary matrix. */
    public Matrix plusTimesInPlace(Matrix a, Matrix b) {
        a.requireInner("times", a.cols, b.rows, b);
        requireResult("plusTimesInPlace", a.rows, b.cols);
        Kernels.times(a, b, this, true);
        version++;
        return this;
    }

    /** this += aᵀ · b (how a weight gradient accumulates), with no temporary matrix. */
    public Matrix plusTransposeTimesInPlace(Matrix a, Matrix b) {
        a.requireInner("transposeTimes", a.rows, b.rows, b);
        requireResult("plusTransposeTimesInPlace", a.cols, b.cols);
        Kernels.transposeTimes(a, b, this, true);
        version++;
        return this;
    }

    /** this += a · bᵀ, with no temporary matrix. */
    public Matrix plusTimesTransposeInPlace(Matrix a, Matrix b) {
        a.requireInner("timesTranspose", a.cols, b.cols, b);
        requireResult("plusTimesTransposeInPlace", a.rows, b.rows);
        Kernels.timesTranspose(a, b, this, true);
        version++;
        return this;
    }

    /**
     * The solution x of this · x = b for a square, invertible matrix, by Gaussian elimination with
     * partial pivoting (the "closed form" that gradient descent on least squares is compared with).
     */
    public Matrix solve(Matrix b) {
        if (rows != cols) {
            throw new IllegalArgumentException("Matrix.solve: the matrix is " + shape() + ", expected a square one");
        }
        if (b.rows != rows) {
            throw new IllegalArgumentException("Matrix.solve: right-hand side is " + b.shape() + ", expected "
                    + rows + " rows like the " + shape() + " matrix");
        }
        double[][] lu = toArray();
        double[][] x = b.toArray();
        double scale = Math.max(maxAbs(), Double.MIN_NORMAL);
        for (int col = 0; col < rows; col++) {
            int pivot = col;
            for (int i = col + 1; i < rows; i++) {
                if (Math.abs(lu[i][col]) > Math.abs(lu[pivot][col])) {
                    pivot = i;
                }
            }
            if (Math.abs(lu[pivot][col]) <= 1e-13 * scale) {
                throw new ArithmeticException("Matrix.solve: the " + shape() + " matrix is singular (column " + col
                        + " has no usable pivot)");
            }
            double[] swap = lu[col];
            lu[col] = lu[pivot];
            lu[pivot] = swap;
            swap = x[col];
            x[col] = x[pivot];
            x[pivot] = swap;
            for (int i = col + 1; i < rows; i++) {
                double f = lu[i][col] / lu[col][col];
                for (int j = col; j < cols; j++) {
                    lu[i][j] -= f * lu[col][j];
                }
                for (int j = 0; j < b.cols; j++) {
                    x[i][j] -= f * x[col][j];
                }
            }
        }
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = 0; j < b.cols; j++) {
                double s = x[i][j];
                for (int k = i + 1; k < rows; k++) {
                    s -= lu[i][k] * x[k][j];
                }
                x[i][j] = s / lu[i][i];
            }
        }
        return new Matrix(rows, b.cols, x);
    }

    /** The transpose. */
    public Matrix t() {
        Matrix m = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            double[] r = data[i];
            for (int j = 0; j < cols; j++) {
                m.data[j][i] = r[j];
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- element-wise, new result

    /** this + other, element by element. */
    public Matrix plus(Matrix other) {
        return copy().plusInPlace(other);
    }

    /** this − other, element by element. */
    public Matrix minus(Matrix other) {
        return copy().minusInPlace(other);
    }

    /** Every element times {@code factor}. */
    public Matrix times(double factor) {
        return copy().timesInPlace(factor);
    }

    /** Every element plus {@code value}. */
    public Matrix plus(double value) {
        return map(x -> x + value);
    }

    /** The element-wise (Hadamard) product this ⊙ other. */
    public Matrix hadamard(Matrix other) {
        return copy().hadamardInPlace(other);
    }

    /** Element-wise division this / other. */
    public Matrix divide(Matrix other) {
        return zip("divide", other, (a, b) -> a / b);
    }

    /** {@code f} applied to every element. */
    public Matrix map(DoubleUnaryOperator f) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] src = data[i];
            double[] dst = m.data[i];
            for (int j = 0; j < cols; j++) {
                dst[j] = f.applyAsDouble(src[j]);
            }
        }
        return m;
    }

    /** {@code f(this[i][j], other[i][j])} for every element; the shapes must agree. */
    public Matrix zip(String operation, Matrix other, DoubleBinaryOperator f) {
        requireSameShape(operation, other);
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            double[] b = other.data[i];
            double[] dst = m.data[i];
            for (int j = 0; j < cols; j++) {
                dst[j] = f.applyAsDouble(a[j], b[j]);
            }
        }
        return m;
    }

    /** Adds the 1 × cols row {@code bias} to every row (broadcasting, as {@code x·W + b}). */
    public Matrix plusRow(Matrix bias) {
        return copy().plusRowInPlace(bias);
    }

    // ---------------------------------------------------------------- element-wise, in place

    /** this += other. */
    public Matrix plusInPlace(Matrix other) {
        requireSameShape("plusInPlace", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            double[] b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] += b[j];
            }
        }
        version++;
        return this;
    }

    /** this −= other. */
    public Matrix minusInPlace(Matrix other) {
        requireSameShape("minusInPlace", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            double[] b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] -= b[j];
            }
        }
        version++;
        return this;
    }

    /** this += factor · other (the "axpy" of linear algebra libraries). */
    public Matrix plusScaledInPlace(double factor, Matrix other) {
        requireSameShape("plusScaledInPlace", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            double[] b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] += factor * b[j];
            }
        }
        version++;
        return this;
    }

    /** this *= factor. */
    public Matrix timesInPlace(double factor) {
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            for (int j = 0; j < cols; j++) {
                a[j] *= factor;
            }
        }
        version++;
        return this;
    }

    /** this ⊙= other (element-wise). */
    public Matrix hadamardInPlace(Matrix other) {
        requireSameShape("hadamardInPlace", other);
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            double[] b = other.data[i];
            for (int j = 0; j < cols; j++) {
                a[j] *= b[j];
            }
        }
        version++;
        return this;
    }

    /** Replaces every element x by f(x). */
    public Matrix mapInPlace(DoubleUnaryOperator f) {
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            for (int j = 0; j < cols; j++) {
                a[j] = f.applyAsDouble(a[j]);
            }
        }
        version++;
        return this;
    }

    /** Adds the 1 × cols row {@code bias} to every row. */
    public Matrix plusRowInPlace(Matrix bias) {
        if (bias.rows != 1 || bias.cols != cols) {
            throw new IllegalArgumentException("Matrix.plusRow: bias is " + bias.shape() + ", expected 1×" + cols
                    + " to broadcast over " + shape());
        }
        double[] b = bias.data[0];
        for (int i = 0; i < rows; i++) {
            double[] a = data[i];
            for (int j = 0; j < cols; j++) {
                a[j] += b[j];
            }
        }
        version++;
        return this;
    }

    /** Adds the column sums of {@code other} (rows × cols) to this 1 × cols row: how a bias gradient accumulates. */
    public Matrix plusColumnSumsInPlace(Matrix other) {
        if (rows != 1 || cols != other.cols) {
            throw new IllegalArgumentException("Matrix.plusColumnSumsInPlace: target is " + shape()
                    + ", expected 1×" + other.cols + " for the column sums of " + other.shape());
        }
        double[] s = data[0];
        for (int i = 0; i < other.rows; i++) {
            double[] r = other.data[i];
            for (int j = 0; j < cols; j++) {
                s[j] += r[j];
            }
        }
        version++;
        return this;
    }

    /** Sets every element to {@code value}. */
    public Matrix fillInPlace(double value) {
        for (double[] r : data) {
            Arrays.fill(r, value);
        }
        version++;
        return this;
    }

    /** Sets every element to zero. */
    public Matrix zeroInPlace() {
        return fillInPlace(0);
    }

    /** Copies the elements of {@code other}, which must have the same shape. */
    public Matrix copyFrom(Matrix other) {
        requireSameShape("copyFrom", other);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(other.data[i], 0, data[i], 0, cols);
        }
        version++;
        return this;
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements. */
    public double sum() {
        double s = 0;
        for (double[] r : data) {
            for (double x : r) {
                s += x;
            }
        }
        return s;
    }

    /** Mean of all elements. */
    public double mean() {
        return sum() / size();
    }

    /** Largest element. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] r : data) {
            for (double x : r) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    /** Smallest element. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] r : data) {
            for (double x : r) {
                m = Math.min(m, x);
            }
        }
        return m;
    }

    /** Sum of squares of all elements. */
    public double sumOfSquares() {
        double s = 0;
        for (double[] r : data) {
            for (double x : r) {
                s += x * x;
            }
        }
        return s;
    }

    /** The Frobenius (L2) norm: the square root of the sum of squares. */
    public double norm() {
        return Math.sqrt(sumOfSquares());
    }

    /** Largest absolute value (the L∞ norm of the elements). */
    public double maxAbs() {
        double m = 0;
        for (double[] r : data) {
            for (double x : r) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** The sums of each column, as a 1 × cols row. */
    public Matrix columnSums() {
        return zeros(1, cols).plusColumnSumsInPlace(this);
    }

    /** The means of each column, as a 1 × cols row. */
    public Matrix columnMeans() {
        return columnSums().timesInPlace(1.0 / rows);
    }

    /** The sums of each row, as a rows × 1 column. */
    public Matrix rowSums() {
        Matrix m = zeros(rows, 1);
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (double x : data[i]) {
                s += x;
            }
            m.data[i][0] = s;
        }
        return m;
    }

    /** For every row, the column of its largest element (the predicted class of a row of scores). */
    public int[] argmaxRows() {
        int[] arg = new int[rows];
        for (int i = 0; i < rows; i++) {
            double[] r = data[i];
            int best = 0;
            for (int j = 1; j < cols; j++) {
                if (r[j] > r[best]) {
                    best = j;
                }
            }
            arg[i] = best;
        }
        return arg;
    }

    /** {@code true} if every element is finite (no NaN, no infinity). */
    public boolean isFinite() {
        return Kernels.allFinite(this);
    }

    // ---------------------------------------------------------------- comparison and text

    /** {@code true} if the shapes agree and every element differs by at most {@code tolerance}. */
    public boolean approxEquals(Matrix other, double tolerance) {
        if (!sameShape(other)) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!(Math.abs(data[i][j] - other.data[i][j]) <= tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Exact, element-by-element equality of shape and bits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix other && sameShape(other) && Arrays.deepEquals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(data);
    }

    /** The shape and the elements; large matrices show their corners only. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(shape());
        int maxRows = 6;
        int maxCols = 8;
        for (int i = 0; i < rows; i++) {
            if (rows > maxRows && i == maxRows / 2) {
                s.append("\n  …");
                i = rows - maxRows / 2;
            }
            s.append("\n  [");
            for (int j = 0; j < cols; j++) {
                if (cols > maxCols && j == maxCols / 2) {
                    s.append(" …");
                    j = cols - maxCols / 2;
                }
                s.append(String.format(Locale.ROOT, " %10.4g", data[i][j]));
            }
            s.append(" ]");
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- checks

    /** The error of an access to (i, j) outside this matrix; {@code call} is the access as written. */
    private IndexOutOfBoundsException outside(String call, int i, int j) {
        return i < 0 || i >= rows ? rowOutside(call, i) : columnOutside(call, j);
    }

    private IndexOutOfBoundsException rowOutside(String call, int i) {
        return new IndexOutOfBoundsException("Matrix(" + shape() + ")." + call + ": row " + outsideOf(i, rows, "rows"));
    }

    private IndexOutOfBoundsException columnOutside(String call, int j) {
        return new IndexOutOfBoundsException("Matrix(" + shape() + ")." + call + ": column "
                + outsideOf(j, cols, "columns"));
    }

    private static String outsideOf(int index, int size, String what) {
        return size == 0 ? index + " does not exist (the matrix has no " + what + ")"
                : index + " is outside 0…" + (size - 1);
    }

    private void requireSameShape(String operation, Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("Matrix." + operation + ": shapes " + shape() + " and "
                    + other.shape() + " differ");
        }
    }

    private void requireInner(String operation, int left, int right, Matrix other) {
        if (left != right) {
            throw new IllegalArgumentException("Matrix." + operation + ": " + shape() + " and " + other.shape()
                    + " do not fit (inner sizes " + left + " and " + right + ")");
        }
    }

    private void requireResult(String operation, int r, int c) {
        if (rows != r || cols != c) {
            throw new IllegalArgumentException("Matrix." + operation + ": result is " + r + "×" + c
                    + " but this matrix is " + shape());
        }
    }
}
