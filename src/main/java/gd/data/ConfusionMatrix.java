package gd.data;

import gd.matrix.Matrix;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs: row a, column p holds how many examples of class a
 * were predicted as class p, so the diagonal holds the correct predictions.
 * <pre>
 *   precision(c) = count(c, c) / Σₐ count(a, c)     (of the examples predicted as c, the share that are c)
 *   recall(c)    = count(c, c) / Σₚ count(c, p)     (of the examples of class c, the share found)
 *   accuracy     = Σ count(c, c) / n
 * </pre>
 * A precision or recall whose denominator is zero (a class never predicted, or absent) is NaN and
 * printed as {@code -}. Immutable.
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final int total;

    private ConfusionMatrix(int[][] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * The confusion matrix of an n × k score matrix (predicted class = the column of the largest score
     * in each row) against the targets {@code y} (n × 1 class indices or n × k one-hot rows); k classes.
     */
    public static ConfusionMatrix of(Matrix scores, Matrix y) {
        if (scores.rows() != y.rows()) {
            throw new IllegalArgumentException("ConfusionMatrix.of: scores have " + scores.rows()
                    + " rows but targets have " + y.rows());
        }
        if (scores.cols() < 2) {
            throw new IllegalArgumentException("ConfusionMatrix.of: scores are " + scores.shape()
                    + ", expected one column per class (at least 2)");
        }
        return build(Metrics.predictions("ConfusionMatrix.of", scores), Labels.indices("ConfusionMatrix.of", y), scores.cols());
    }

    /** The confusion matrix of the predicted classes against the actual classes, both in 0 … classes−1. */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int classes) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("ConfusionMatrix.of: " + predicted.length + " predictions but "
                    + actual.length + " actual classes");
        }
        return build(predicted, actual, classes);
    }

    private static ConfusionMatrix build(int[] predicted, int[] actual, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("ConfusionMatrix.of: classes must be ≥ 1, got " + classes);
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            int a = actual[i];
            int p = predicted[i];
            if (a < 0 || a >= classes || p < 0 || p >= classes) {
                throw new IllegalArgumentException("ConfusionMatrix.of: example " + i + " has actual class " + a
                        + " and predicted class " + p + ", expected both in 0…" + (classes - 1));
            }
            counts[a][p]++;
        }
        return new ConfusionMatrix(counts, actual.length);
    }

    /** The number of classes k. */
    public int classes() {
        return counts.length;
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        requireClass("count", actual);
        requireClass("count", predicted);
        return counts[actual][predicted];
    }

    /** A copy of the counts: element [a][p] is {@link #count(int, int) count(a, p)}. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    /** The number of examples n. */
    public int total() {
        return total;
    }

    /** The number of correct predictions (the sum of the diagonal). */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** The fraction of correct predictions; NaN when there are no examples. */
    public double accuracy() {
        return (double) correct() / total;
    }

    /** The share of the examples predicted as class c that are of class c; NaN if c was never predicted. */
    public double precision(int c) {
        requireClass("precision", c);
        int predictedAsC = 0;
        for (int[] row : counts) {
            predictedAsC += row[c];
        }
        return (double) counts[c][c] / predictedAsC;
    }

    /** The share of the examples of class c that were predicted as c; NaN if class c has no examples. */
    public double recall(int c) {
        requireClass("recall", c);
        int ofClassC = 0;
        for (int n : counts[c]) {
            ofClassC += n;
        }
        return (double) counts[c][c] / ofClassC;
    }

    private void requireClass(String operation, int c) {
        if (c < 0 || c >= counts.length) {
            throw new IllegalArgumentException("ConfusionMatrix." + operation + ": class " + c + " is outside 0…"
                    + (counts.length - 1));
        }
    }

    /**
     * A text table: one row per actual class, one column per predicted class, then each class's
     * recall; the last row holds each predicted class's precision.
     */
    @Override
    public String toString() {
        int k = counts.length;
        int width = 6;
        for (int[] row : counts) {
            for (int n : row) {
                width = Math.max(width, Integer.toString(n).length() + 1);
            }
        }
        width = Math.max(width, Integer.toString(k - 1).length() + 1);
        String label = "actual\\predicted";
        int first = label.length() + 1;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "ConfusionMatrix(%d classes, %d examples, accuracy %.4f)\n", k, total, accuracy()));
        s.append(pad(label, first));
        for (int p = 0; p < k; p++) {
            s.append(pad(Integer.toString(p), width));
        }
        s.append(pad("recall", 8)).append("\n");
        for (int a = 0; a < k; a++) {
            s.append(pad(Integer.toString(a), first));
            for (int p = 0; p < k; p++) {
                s.append(pad(Integer.toString(counts[a][p]), width));
            }
            s.append(pad(ratio(recall(a)), 8)).append("\n");
        }
        s.append(pad("precision", first));
        for (int p = 0; p < k; p++) {
            s.append(pad(ratio(precision(p)), width));
        }
        return s.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(1, width - text.length())) + text;
    }
}
