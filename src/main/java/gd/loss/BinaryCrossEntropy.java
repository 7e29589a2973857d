package gd.loss;

import gd.matrix.Matrix;

/**
 * Binary cross-entropy on logits, as torch's {@code binary_cross_entropy_with_logits}: each element
 * zᵢⱼ is the logit of an independent yes/no probability σ(z) = 1 / (1 + e⁻ᶻ), and the target yᵢⱼ is
 * the probability of "yes" (usually 0 or 1).
 * <pre>
 * ℓ(z, y) = −y log σ(z) − (1 − y) log(1 − σ(z))
 *         = max(z, 0) − z·y + log(1 + e^−|z|)      (the stable form computed here)
 * ∂ℓ/∂z   = σ(z) − y
 * MEAN:  L = (1 / nk) Σᵢⱼ ℓ(zᵢⱼ, yᵢⱼ)      ∂L/∂zᵢⱼ = (σ(zᵢⱼ) − yᵢⱼ) / nk
 * SUM:   L = Σᵢⱼ ℓ(zᵢⱼ, yᵢⱼ)              ∂L/∂zᵢⱼ = σ(zᵢⱼ) − yᵢⱼ
 * </pre>
 * Taking logits rather than probabilities avoids log(0) when σ(z) rounds to 0 or 1: the stable form never
 * exponentiates a positive number, and an infinite logit gives the exact limit (0 when the label agrees). Logits
 * and target have the same shape; targets lie in [0, 1].
 *
 * <p>Logistic regression is one {@code Dense} layer with one output and this loss:
 * <pre>{@code
 * var model = Dense.of(features, 1, rng);
 * var loss = BinaryCrossEntropy.of();             // or Loss.binaryCrossEntropy()
 * Matrix logits = model.forward(x);               // n×1; y is n×1 of 0s and 1s
 * model.backward(loss.gradient(logits, y));
 * }</pre>
 */
public final class BinaryCrossEntropy implements Loss {
    private Reduction reduction = Reduction.MEAN;

    private BinaryCrossEntropy() {
    }

    /** Binary cross-entropy on logits with {@link Reduction#MEAN}. */
    public static BinaryCrossEntropy of() {
        return new BinaryCrossEntropy();
    }

    /** Sets the reduction (MEAN divides by the number of elements n·k) and returns this loss. */
    public BinaryCrossEntropy reduction(Reduction reduction) {
        this.reduction = LossChecks.requireReduction("BinaryCrossEntropy", reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** The loss ℓ(zᵢⱼ, yᵢⱼ) of every element before reduction (torch's {@code reduction='none'}). */
    public Matrix losses(Matrix logits, Matrix target) {
        LossChecks.requireSameShape(this, "losses", logits, target);
        requireLabels("losses", target);
        return logits.zip("losses", target, BinaryCrossEntropy::loss);
    }

    @Override
    public double value(Matrix logits, Matrix target) {
        LossChecks.requireSameShape(this, "value", logits, target);
        requireLabels("value", target);
        double sum = 0;
        for (int i = 0; i < logits.rows(); i++) {
            double[] z = logits.row(i);
            double[] y = target.row(i);
            for (int j = 0; j < z.length; j++) {
                sum += loss(z[j], y[j]);
            }
        }
        return reduction == Reduction.MEAN ? sum / logits.size() : sum;
    }

    @Override
    public Matrix gradient(Matrix logits, Matrix target) {
        LossChecks.requireSameShape(this, "gradient", logits, target);
        requireLabels("gradient", target);
        double scale = reduction == Reduction.MEAN ? 1.0 / logits.size() : 1.0;
        Matrix grad = Matrix.zeros(logits.rows(), logits.cols());
        for (int i = 0; i < logits.rows(); i++) {
            double[] z = logits.row(i);
            double[] y = target.row(i);
            double[] g = grad.row(i);
            for (int j = 0; j < z.length; j++) {
                g[j] = scale * (sigmoid(z[j]) - y[j]);
            }
        }
        return grad;
    }

    /**
     * max(z, 0) − z·y + log(1 + e^−|z|); at an infinite logit, its limit: (1 − y)·∞ for z = +∞ and y·∞ for
     * z = −∞, which is 0 when the label agrees (a certain, right prediction costs nothing).
     */
    private static double loss(double z, double y) {
        if (Double.isInfinite(z)) {
            double weight = z > 0 ? 1 - y : y;
            return weight == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** Every target in [0, 1]: a label 0 or 1, or a probability (torch's soft labels). */
    private void requireLabels(String operation, Matrix target) {
        for (int i = 0; i < target.rows(); i++) {
            double[] y = target.row(i);
            for (int j = 0; j < y.length; j++) {
                if (!(y[j] >= 0 && y[j] <= 1)) {
                    throw new IllegalArgumentException(this + "." + operation + ": target[" + i + "][" + j + "] is "
                            + y[j] + ", expected a label 0 or 1 (or a probability in [0, 1]); labels −1/+1 are for a"
                            + " hinge loss: map them with (y + 1) / 2, and for more than two classes use"
                            + " SoftmaxCrossEntropy");
                }
            }
        }
    }

    /** σ(z) without overflow: for z &lt; 0 it is computed as eᶻ / (1 + eᶻ). */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** For example {@code BinaryCrossEntropy(reduction=MEAN)}. */
    @Override
    public String toString() {
        return "BinaryCrossEntropy(reduction=" + reduction + ")";
    }
}
