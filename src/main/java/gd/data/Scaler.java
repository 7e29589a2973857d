package gd.data;

import gd.matrix.Matrix;
import java.util.Locale;

/**
 * A per-column affine rescaling of the features, fitted on the training data and then applied,
 * unchanged, to every split:
 * <pre>
 *   x′ᵢⱼ = (xᵢⱼ − shiftⱼ) / scaleⱼ
 *
 *   standardize:  shiftⱼ = μⱼ = (1/n) Σᵢ xᵢⱼ,   scaleⱼ = σⱼ = √((1/n) Σᵢ (xᵢⱼ − μⱼ)²)   (mean 0, std 1)
 *   minMax:       shiftⱼ = minᵢ xᵢⱼ,          scaleⱼ = maxᵢ xᵢⱼ − minᵢ xᵢⱼ          (range [0, 1])
 * </pre>
 * The statistics are the training set's only: validation and test examples must be scaled with
 * numbers that did not see them, or the validation score leaks information it should not have. Hence
 * the only way to get a scaler is to fit one on a training set, and the result is then applied:
 * <pre>{@code
 * var parts = data.split(0.8, rng.split());
 * var scaler = Scaler.standardize(parts.train());   // statistics of the training part only
 * var scaled = scaler.transform(parts);              // both parts, with those statistics
 * }</pre>
 * A constant column (all training values equal) has σ = 0 (and max − min = 0); dividing by it would
 * give NaN, so its scale is 1 instead, as in scikit-learn, and its shift is the constant: the column
 * becomes exactly 0 on the training data. σ uses 1/n (the population standard deviation), also as in
 * scikit-learn's {@code StandardScaler}. Immutable.
 */
public final class Scaler {
    private final String method;
    private final double[] shift;
    private final double[] scale;
    private final int fittedOn;

    private Scaler(String method, double[] shift, double[] scale, int fittedOn) {
        this.method = method;
        this.shift = shift;
        this.scale = scale;
        this.fittedOn = fittedOn;
    }

    /** A standardizer fitted on the features of {@code train}: each column will have mean 0 and standard deviation 1 there. */
    public static Scaler standardize(Dataset train) {
        return standardize(train.x());
    }

    /** A standardizer fitted on the training features {@code x} (n × d). */
    public static Scaler standardize(Matrix x) {
        requireFittable("standardize", x);
        int n = x.rows();
        int d = x.cols();
        double[] mean = x.columnMeans().row(0);
        double[] sumSq = new double[d];
        for (int i = 0; i < n; i++) {
            double[] row = x.row(i);
            for (int j = 0; j < d; j++) {
                double dev = row[j] - mean[j];
                sumSq[j] += dev * dev;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(sumSq[j] / n);
        }
        double[] min = columnMin(x);
        double[] max = columnMax(x);
        for (int j = 0; j < d; j++) {
            if (min[j] == max[j]) {
                mean[j] = min[j];
                std[j] = 1;
            }
        }
        return new Scaler("standardize", mean, std, n);
    }

    /** A min-max scaler fitted on the features of {@code train}: each column will span [0, 1] there. */
    public static Scaler minMax(Dataset train) {
        return minMax(train.x());
    }

    /** A min-max scaler fitted on the training features {@code x} (n × d). */
    public static Scaler minMax(Matrix x) {
        requireFittable("minMax", x);
        double[] min = columnMin(x);
        double[] max = columnMax(x);
        double[] range = new double[x.cols()];
        for (int j = 0; j < range.length; j++) {
            range[j] = max[j] == min[j] ? 1 : max[j] - min[j];
        }
        return new Scaler("minMax", min, range, x.rows());
    }

    /** The features {@code x} rescaled (a new matrix); {@code x} must have as many columns as the training data. */
    public Matrix transform(Matrix x) {
        if (x.cols() != shift.length) {
            throw new IllegalArgumentException(this + ".transform: input has " + x.cols() + " columns, expected "
                    + shift.length);
        }
        Matrix out = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double[] src = x.row(i);
            double[] dst = out.row(i);
            for (int j = 0; j < src.length; j++) {
                dst[j] = (src[j] - shift[j]) / scale[j];
            }
        }
        return out;
    }

    /** The dataset with rescaled features; the targets are the same matrix, not a copy. */
    public Dataset transform(Dataset data) {
        return new Dataset(transform(data.x()), data.y());
    }

    /** Both parts of a split rescaled with this scaler's statistics. */
    public Dataset.Split transform(Dataset.Split split) {
        return new Dataset.Split(transform(split.train()), transform(split.validation()));
    }

    /** The per-column shift (the means, or the minima) as a 1 × d row. */
    public Matrix shift() {
        return Matrix.rowVector(shift);
    }

    /** The per-column divisor (the standard deviations, or the ranges; 1 for constant columns) as a 1 × d row. */
    public Matrix scale() {
        return Matrix.rowVector(scale);
    }

    /** The number of feature columns d. */
    public int columns() {
        return shift.length;
    }

    private static void requireFittable(String operation, Matrix x) {
        if (x.rows() == 0) {
            throw new IllegalArgumentException("Scaler." + operation + ": the training data has no examples");
        }
        if (!x.isFinite()) {
            throw new IllegalArgumentException("Scaler." + operation
                    + ": the training data contains NaN or infinite values");
        }
    }

    private static double[] columnMin(Matrix x) {
        double[] min = x.row(0).clone();
        for (int i = 1; i < x.rows(); i++) {
            double[] row = x.row(i);
            for (int j = 0; j < min.length; j++) {
                min[j] = Math.min(min[j], row[j]);
            }
        }
        return min;
    }

    private static double[] columnMax(Matrix x) {
        double[] max = x.row(0).clone();
        for (int i = 1; i < x.rows(); i++) {
            double[] row = x.row(i);
            for (int j = 0; j < max.length; j++) {
                max[j] = Math.max(max[j], row[j]);
            }
        }
        return max;
    }

    /** The method and the fit, e.g. {@code Scaler(standardize, 2 columns, fitted on 800 examples)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Scaler(%s, %d columns, fitted on %d examples)", method, shift.length,
                fittedOn);
    }
}
