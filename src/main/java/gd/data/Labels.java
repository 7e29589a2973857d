package gd.data;

import gd.matrix.Matrix;

/**
 * Class labels in their two forms: class indices (an n × 1 column of whole numbers 0 … k−1, as
 * MNIST's targets) and one-hot rows (an n × k matrix with a single 1 per row).
 * <pre>
 *   index form        one-hot form (k = 3)
 *   [2]               [0 0 1]
 *   [0]        ⇄      [1 0 0]
 *   [1]               [0 1 0]
 * </pre>
 */
public final class Labels {

    private Labels() {
    }

    /**
     * The class of every row as an int array: the value itself for an n × 1 column of class indices,
     * the column of the 1 for n × k one-hot rows (k ≥ 2). Anything else is refused.
     */
    public static int[] indices(Matrix y) {
        return indices("Labels.indices", y);
    }

    /** {@link #indices(Matrix)} with error messages that name {@code operation}. */
    static int[] indices(String operation, Matrix y) {
        int[] labels = new int[y.rows()];
        if (y.cols() == 1) {
            for (int i = 0; i < labels.length; i++) {
                double v = y.get(i, 0);
                if (!(v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException(operation + ": target row " + i + " is " + v
                            + ", expected a class index (a whole number ≥ 0)");
                }
                labels[i] = (int) v;
            }
            return labels;
        }
        if (y.cols() == 0) {
            throw new IllegalArgumentException(operation + ": targets are " + y.shape()
                    + ", expected n×1 class indices or n×k one-hot rows");
        }
        for (int i = 0; i < labels.length; i++) {
            double[] row = y.row(i);
            int hot = -1;
            for (int j = 0; j < row.length; j++) {
                if (row[j] == 1 && hot < 0) {
                    hot = j;
                } else if (row[j] != 0) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException(operation + ": target row " + i + " of " + y.shape()
                        + " is not one-hot (expected a single 1 and zeros elsewhere)");
            }
            labels[i] = hot;
        }
        return labels;
    }

    /** One-hot rows for the n × 1 class indices {@code y}: an n × classes matrix with a 1 in column y[i]. */
    public static Matrix oneHot(Matrix y, int classes) {
        if (y.cols() != 1) {
            throw new IllegalArgumentException("Labels.oneHot: targets are " + y.shape()
                    + ", expected an n×1 column of class indices");
        }
        return oneHot("Labels.oneHot", indices("Labels.oneHot", y), classes);
    }

    /** One-hot rows for the class indices {@code labels}: a labels.length × classes matrix. */
    public static Matrix oneHot(int[] labels, int classes) {
        return oneHot("Labels.oneHot", labels, classes);
    }

    private static Matrix oneHot(String operation, int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException(operation + ": classes must be ≥ 1, got " + classes);
        }
        Matrix m = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException(operation + ": label " + c + " in row " + i
                        + " is outside 0…" + (classes - 1));
            }
            m.set(i, c, 1);
        }
        return m;
    }

    /** The class indices as an n × 1 column (for instance predictions, to store beside targets). */
    public static Matrix column(int[] labels) {
        Matrix m = Matrix.zeros(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            m.set(i, 0, labels[i]);
        }
        return m;
    }
}
