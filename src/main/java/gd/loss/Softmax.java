package gd.loss;

import gd.matrix.Matrix;

/**
 * The softmax function, row by row: turns a row of scores (logits) into probabilities that are positive
 * and sum to 1.
 * <pre>
 * softmax(z)ⱼ = e^(zⱼ − m) / Σₖ e^(zₖ − m)          with m = maxₖ zₖ
 * log softmax(z)ⱼ = (zⱼ − m) − log Σₖ e^(zₖ − m)
 * </pre>
 * Subtracting the row maximum m changes nothing mathematically but keeps every exponent ≤ 0, so no
 * e^z overflows (e^1000 is infinite in double precision). In a notebook:
 * <pre>{@code
 * Matrix probs = Softmax.probabilities(model.forward(x));   // one row of class probabilities per example
 * }</pre>
 */
public final class Softmax {
    private Softmax() {
    }

    /** softmax of every row of {@code logits}: a new matrix of the same shape whose rows sum to 1. */
    public static Matrix probabilities(Matrix logits) {
        requireColumns("probabilities", logits);
        Matrix p = Matrix.zeros(logits.rows(), logits.cols());
        for (int i = 0; i < logits.rows(); i++) {
            double[] z = logits.row(i);
            double[] out = p.row(i);
            double m = max(z);
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                out[j] = Math.exp(z[j] - m);
                sum += out[j];
            }
            for (int j = 0; j < z.length; j++) {
                out[j] /= sum;
            }
        }
        return p;
    }

    /** log softmax of every row of {@code logits}, computed without forming the probabilities (no log 0). */
    public static Matrix logProbabilities(Matrix logits) {
        requireColumns("logProbabilities", logits);
        Matrix out = Matrix.zeros(logits.rows(), logits.cols());
        for (int i = 0; i < logits.rows(); i++) {
            double[] z = logits.row(i);
            double m = max(z);
            double logSum = logSumExpShifted(z, m);
            double[] o = out.row(i);
            for (int j = 0; j < z.length; j++) {
                o[j] = (z[j] - m) - logSum;
            }
        }
        return out;
    }

    /** The largest element of a row. */
    static double max(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** log Σₖ e^(zₖ − m) for the row maximum m: the log-sum-exp of the row minus m. */
    static double logSumExpShifted(double[] z, double m) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - m);
        }
        return Math.log(sum);
    }

    private static void requireColumns(String operation, Matrix logits) {
        if (logits.cols() == 0) {
            throw new IllegalArgumentException("Softmax." + operation + ": logits are " + logits.shape()
                    + ", expected at least one column");
        }
    }
}
