package gd.data;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.Arrays;

/**
 * A set of examples: features {@code x} (n × d, one example per row) and targets {@code y} (n × 1 for
 * regression values or class indices, n × k for several outputs or one-hot rows). Row i of {@code y}
 * belongs to row i of {@code x}.
 *
 * <p>Methods that select examples ({@link #rows}, {@link #head}, {@link #slice}, {@link #shuffled},
 * {@link #split}) copy the selected rows, so the result never shares storage with this dataset.
 * <pre>{@code
 * var data = Synthetic.twoMoons(1000, 0.1, rng.split());
 * var parts = data.split(0.8, rng.split());     // Split(train: 800 examples, validation: 200 examples)
 * parts.train().x();                             // 800 × 2
 * }</pre>
 *
 * @param x the features, one example per row
 * @param y the targets, one row per example
 */
public record Dataset(Matrix x, Matrix y) {

    /** Checks that both matrices are present and have the same number of rows. */
    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Dataset: features and targets must not be null, got x="
                    + (x == null ? "null" : x.shape()) + ", y=" + (y == null ? "null" : y.shape()));
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("Dataset: features have " + x.rows() + " rows (" + x.shape()
                    + ") but targets have " + y.rows() + " (" + y.shape() + "); expected one target row per example");
        }
    }

    /**
     * {@code data} if it has at least one example; otherwise an IllegalArgumentException that names it, e.g.
     * {@code Trainer.fit: the training set is empty, expected at least one example}.
     */
    public static Dataset requireExamples(String what, Dataset data) {
        if (data == null || data.size() == 0) {
            throw new IllegalArgumentException(what + " is " + (data == null ? "null" : "empty")
                    + ", expected at least one example");
        }
        return data;
    }

    /** The dataset of features {@code x} and targets {@code y} (not copied). */
    public static Dataset of(Matrix x, Matrix y) {
        return new Dataset(x, y);
    }

    /**
     * A train/validation pair, as returned by {@link Dataset#split}.
     *
     * @param train the part to fit the model (and any scaling) on
     * @param validation the held-out part, only to evaluate on
     */
    public record Split(Dataset train, Dataset validation) {
        @Override
        public String toString() {
            return "Split(train: " + train.size() + " examples, validation: " + validation.size() + " examples)";
        }
    }

    // ---------------------------------------------------------------- shape

    /** Number of examples n. */
    public int size() {
        return x.rows();
    }

    /** Number of features d (columns of {@code x}). */
    public int featureCount() {
        return x.cols();
    }

    /** Number of target columns (1 for regression values or class indices, k for one-hot rows). */
    public int targetCount() {
        return y.cols();
    }

    // ---------------------------------------------------------------- selecting examples

    /** The examples at the given indices, in that order (copied). */
    public Dataset rows(int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("Dataset.rows: index " + i + " is outside 0…" + (size() - 1));
            }
        }
        return new Dataset(x.rows(indices), y.rows(indices));
    }

    /** The first {@code n} examples (copied); {@code n} must be in 0…size(). */
    public Dataset head(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("Dataset.head: n must be in 0…" + size() + ", got " + n);
        }
        return slice(0, n);
    }

    /** The examples from {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("Dataset.slice: range " + from + "…" + to
                    + " must satisfy 0 ≤ from ≤ to ≤ " + size());
        }
        return new Dataset(x.rows(from, to), y.rows(from, to));
    }

    /** The examples in a random order drawn from {@code rng} (copied). */
    public Dataset shuffled(Rng rng) {
        requireRng("shuffled", rng);
        return rows(rng.permutation(size()));
    }

    /**
     * A random split into a training part with {@code round(trainFraction · n)} examples and a
     * validation part with the rest; the examples are shuffled with {@code rng} first, so the same
     * seed gives the same split. Both parts must end up non-empty.
     */
    public Split split(double trainFraction, Rng rng) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("Dataset.split: trainFraction must be in (0, 1), got " + trainFraction);
        }
        requireRng("split", rng);
        int nTrain = (int) Math.round(trainFraction * size());
        if (nTrain == 0 || nTrain == size()) {
            throw new IllegalArgumentException("Dataset.split: a fraction of " + trainFraction + " of " + size()
                    + " examples leaves " + (nTrain == 0 ? "the training" : "the validation") + " part empty");
        }
        int[] order = rng.permutation(size());
        return new Split(rows(Arrays.copyOfRange(order, 0, nTrain)),
                rows(Arrays.copyOfRange(order, nTrain, size())));
    }

    // ---------------------------------------------------------------- class-index targets

    /**
     * {@code true} if the targets are class indices: one column of whole numbers ≥ 0. Regression
     * targets that happen to be whole numbers look the same; this is only a reading of the values.
     */
    public boolean hasClassTargets() {
        if (y.cols() != 1) {
            return false;
        }
        for (int i = 0; i < y.rows(); i++) {
            double v = y.get(i, 0);
            if (!(v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of classes: for n × 1 class indices the largest index plus one (a class that never
     * occurs below the largest still counts), for n × k one-hot rows k. Other targets are refused.
     */
    public int classes() {
        return classes(Labels.indices("Dataset.classes", y));
    }

    /** How many examples each class has: element c counts the examples of class c (length {@link #classes()}). */
    public int[] classCounts() {
        int[] labels = Labels.indices("Dataset.classCounts", y);
        int[] counts = new int[classes(labels)];
        for (int c : labels) {
            counts[c]++;
        }
        return counts;
    }

    private int classes(int[] labels) {
        if (y.cols() > 1) {
            return y.cols();
        }
        int max = -1;
        for (int c : labels) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /** This dataset with its n × 1 class indices replaced by n × {@code classes} one-hot rows (features shared). */
    public Dataset oneHot(int classes) {
        return new Dataset(x, Labels.oneHot(y, classes));
    }

    private static void requireRng(String operation, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Dataset." + operation + ": rng must not be null; pass one, e.g. Rng.seed(42)");
        }
    }

    /** Size and shape, e.g. {@code Dataset(60000 examples, 784 features, 10 classes)}. */
    @Override
    public String toString() {
        String targets = hasClassTargets() && size() > 0 ? classes() + (classes() == 1 ? " class" : " classes")
                : y.cols() + (y.cols() == 1 ? " target" : " targets");
        return "Dataset(" + size() + (size() == 1 ? " example, " : " examples, ") + x.cols()
                + (x.cols() == 1 ? " feature, " : " features, ") + targets + ")";
    }
}
