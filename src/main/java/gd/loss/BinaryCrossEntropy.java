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
 * exponentiates a positive number. Logits and target have the same shape.
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
        return logits.zip("losses", target, BinaryCrossEntropy::loss);
    }

    @Override
    public double value(Matrix logits, Matrix target) {
        LossChecks.requireSameShape(this, "value", logits, target);
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

    /** max(z, 0) − z·y + log(1 + e^−|z|). */
    private static double loss(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
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
