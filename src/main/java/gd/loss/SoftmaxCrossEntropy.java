package gd.loss;

import gd.matrix.Matrix;
import gd.util.Format;

/**
 * Cross-entropy of a softmax over logits, as torch's {@code CrossEntropyLoss}: each row zᵢ of the n × k
 * logits scores k classes, p = softmax(zᵢ) (see {@link Softmax}), and the loss is the negative
 * log-probability of the target.
 * <pre>
 * ℓᵢ = −Σⱼ yᵢⱼ log pᵢⱼ = Σⱼ yᵢⱼ (lseᵢ − zᵢⱼ)       lseᵢ = log Σⱼ e^zᵢⱼ (computed as m + log Σⱼ e^(zᵢⱼ − m))
 * ∂ℓᵢ/∂zᵢⱼ = (Σₖ yᵢₖ) pᵢⱼ − yᵢⱼ                 = pᵢⱼ − yᵢⱼ when the row of y sums to 1
 * MEAN:  L = (1 / n) Σᵢ ℓᵢ     (divides by the batch size n, not by n·k)
 * SUM:   L = Σᵢ ℓᵢ
 * </pre>
 * The target is either
 * <ul>
 *   <li>an n × 1 matrix of class indices cᵢ ∈ {0, …, k−1} (y is then one-hot: ℓᵢ = lseᵢ − zᵢ,cᵢ and the
 *       gradient is p − onehot(c)), or</li>
 *   <li>an n × k matrix of class probabilities (one-hot rows, or soft labels), the same shape as the logits.</li>
 * </ul>
 * A target with the logits' shape is always read as probabilities, and its rows must sum to 1. Logits need at
 * least two columns (one column is refused: its softmax is always 1; use {@link BinaryCrossEntropy}). Softmax
 * regression is one {@code Dense} layer with this loss:
 * <pre>{@code
 * var model = Dense.of(784, 10, rng);
 * var loss = SoftmaxCrossEntropy.of();            // or Loss.crossEntropy(); .reduction(Reduction.SUM)
 * Matrix logits = model.forward(images);          // labels: n×1 class indices
 * model.backward(loss.gradient(logits, labels));
 * }</pre>
 */
public final class SoftmaxCrossEntropy implements Loss {
    private Reduction reduction = Reduction.MEAN;

    private SoftmaxCrossEntropy() {
    }

    /** Softmax cross-entropy with {@link Reduction#MEAN}. */
    public static SoftmaxCrossEntropy of() {
        return new SoftmaxCrossEntropy();
    }

    /** Sets the reduction (MEAN divides by the batch size n) and returns this loss. */
    public SoftmaxCrossEntropy reduction(Reduction reduction) {
        this.reduction = LossChecks.requireReduction("SoftmaxCrossEntropy", reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** The loss ℓᵢ of every example before reduction, as an n × 1 column (torch's {@code reduction='none'}). */
    public Matrix losses(Matrix logits, Matrix target) {
        boolean indices = checkTarget("losses", logits, target);
        Matrix out = Matrix.zeros(logits.rows(), 1);
        for (int i = 0; i < logits.rows(); i++) {
            out.set(i, 0, rowLoss(logits.row(i), target.row(i), indices));
        }
        return out;
    }

    @Override
    public double value(Matrix logits, Matrix target) {
        boolean indices = checkTarget("value", logits, target);
        double sum = 0;
        for (int i = 0; i < logits.rows(); i++) {
            sum += rowLoss(logits.row(i), target.row(i), indices);
        }
        return reduction == Reduction.MEAN ? sum / logits.rows() : sum;
    }

    @Override
    public Matrix gradient(Matrix logits, Matrix target) {
        boolean indices = checkTarget("gradient", logits, target);
        double scale = reduction == Reduction.MEAN ? 1.0 / logits.rows() : 1.0;
        Matrix grad = Softmax.probabilities(logits);
        for (int i = 0; i < logits.rows(); i++) {
            double[] g = grad.row(i);
            double[] y = target.row(i);
            if (indices) {
                g[(int) y[0]] -= 1;
            } else {
                double mass = 0;
                for (double v : y) {
                    mass += v;
                }
                for (int j = 0; j < g.length; j++) {
                    g[j] = mass * g[j] - y[j];
                }
            }
            for (int j = 0; j < g.length; j++) {
                g[j] *= scale;
            }
        }
        return grad;
    }

    /** ℓ = Σⱼ yⱼ (lse − zⱼ), written as (m − zⱼ) + log Σ e^(z − m) so that a small loss keeps its digits. */
    private static double rowLoss(double[] z, double[] y, boolean indices) {
        double m = Softmax.max(z);
        double logSum = Softmax.logSumExpShifted(z, m);
        if (indices) {
            return (m - z[(int) y[0]]) + logSum;
        }
        double loss = 0;
        for (int j = 0; j < z.length; j++) {
            if (y[j] != 0) {
                loss += y[j] * ((m - z[j]) + logSum);
            }
        }
        return loss;
    }

    /**
     * Checks the shapes, the class indices or the class probabilities (each row finite, non-negative, summing to 1
     * within 1e-6); returns true if the target holds class indices.
     */
    private boolean checkTarget(String operation, Matrix logits, Matrix target) {
        LossChecks.requireNonEmpty(this, operation, logits, target);
        int k = logits.cols();
        if (k < 2) {
            throw new IllegalArgumentException(this + "." + operation + ": logits are " + logits.shape() + ", one"
                    + " column: a softmax over one class gives it probability 1, so the loss is always 0 and nothing"
                    + " trains. For two classes use BinaryCrossEntropy (one logit per example, labels 0 or 1), or give"
                    + " the model 2 outputs and class indices 0 and 1");
        }
        if (target.sameShape(logits)) {
            for (int i = 0; i < target.rows(); i++) {
                double mass = 0;
                for (double p : target.row(i)) {
                    if (!(p >= 0 && p <= 1)) {
                        throw new IllegalArgumentException(this + "." + operation + ": target row " + i + " holds "
                                + p + ", expected class probabilities in [0, 1] (one-hot rows or soft labels)");
                    }
                    mass += p;
                }
                if (Math.abs(mass - 1) > 1e-6) {
                    throw new IllegalArgumentException(this + "." + operation + ": target row " + i + " sums to "
                            + Format.number(mass, 6) + ", expected class probabilities that sum to 1 (one-hot rows or"
                            + " soft labels); for class indices pass an " + logits.rows() + "×1 column");
                }
            }
            return false;
        }
        if (target.rows() != logits.rows() || target.cols() != 1) {
            throw new IllegalArgumentException(this + "." + operation + ": logits are " + logits.shape()
                    + " but target is " + target.shape() + ", expected " + logits.rows() + "×1 class indices or "
                    + logits.shape() + " class probabilities");
        }
        for (int i = 0; i < target.rows(); i++) {
            double c = target.get(i, 0);
            if (!(c >= 0 && c < k && c == Math.rint(c))) {
                throw new IllegalArgumentException(this + "." + operation + ": target row " + i + " holds class "
                        + index(c) + ", expected a class index in 0…" + (k - 1) + " (logits have " + k + " columns)");
            }
        }
        return true;
    }

    /** A class label as text: 10 rather than 10.0, but 2.5 stays 2.5. */
    private static String index(double c) {
        return c == Math.rint(c) && Math.abs(c) < 1e15 ? Long.toString((long) c) : Double.toString(c);
    }

    /** For example {@code SoftmaxCrossEntropy(reduction=MEAN)}. */
    @Override
    public String toString() {
        return "SoftmaxCrossEntropy(reduction=" + reduction + ")";
    }
}
