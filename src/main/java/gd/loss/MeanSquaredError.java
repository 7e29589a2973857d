package gd.loss;

import gd.matrix.Matrix;

/**
 * Mean squared error, as torch's {@code mse_loss}: the average of the squared differences over all
 * n × k elements.
 * <pre>
 * MEAN:  L = (1 / nk) Σᵢⱼ (pᵢⱼ − yᵢⱼ)²      ∂L/∂pᵢⱼ = 2 (pᵢⱼ − yᵢⱼ) / nk
 * SUM:   L = Σᵢⱼ (pᵢⱼ − yᵢⱼ)²              ∂L/∂pᵢⱼ = 2 (pᵢⱼ − yᵢⱼ)
 * </pre>
 * Prediction and target have the same shape. Linear regression is one {@code Dense} layer with this loss:
 * <pre>{@code
 * var model = Dense.of(features, 1, rng);
 * var loss = MeanSquaredError.of();               // or Loss.mse()
 * double l = loss.value(model.forward(x), y);
 * }</pre>
 */
public final class MeanSquaredError implements Loss {
    private Reduction reduction = Reduction.MEAN;

    private MeanSquaredError() {
    }

    /** Mean squared error with {@link Reduction#MEAN}. */
    public static MeanSquaredError of() {
        return new MeanSquaredError();
    }

    /** Sets the reduction (MEAN divides by the number of elements n·k) and returns this loss. */
    public MeanSquaredError reduction(Reduction reduction) {
        this.reduction = LossChecks.requireReduction("MeanSquaredError", reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** The squared error of every element, (pᵢⱼ − yᵢⱼ)², before reduction (torch's {@code reduction='none'}). */
    public Matrix losses(Matrix prediction, Matrix target) {
        LossChecks.requireSameShape(this, "losses", prediction, target);
        return prediction.zip("losses", target, (p, y) -> (p - y) * (p - y));
    }

    @Override
    public double value(Matrix prediction, Matrix target) {
        LossChecks.requireSameShape(this, "value", prediction, target);
        double sum = 0;
        for (int i = 0; i < prediction.rows(); i++) {
            double[] p = prediction.row(i);
            double[] y = target.row(i);
            for (int j = 0; j < p.length; j++) {
                double d = p[j] - y[j];
                sum += d * d;
            }
        }
        return reduction == Reduction.MEAN ? sum / prediction.size() : sum;
    }

    @Override
    public Matrix gradient(Matrix prediction, Matrix target) {
        LossChecks.requireSameShape(this, "gradient", prediction, target);
        double scale = reduction == Reduction.MEAN ? 2.0 / prediction.size() : 2.0;
        Matrix grad = Matrix.zeros(prediction.rows(), prediction.cols());
        for (int i = 0; i < prediction.rows(); i++) {
            double[] p = prediction.row(i);
            double[] y = target.row(i);
            double[] g = grad.row(i);
            for (int j = 0; j < p.length; j++) {
                g[j] = scale * (p[j] - y[j]);
            }
        }
        return grad;
    }

    /** For example {@code MeanSquaredError(reduction=MEAN)}. */
    @Override
    public String toString() {
        return "MeanSquaredError(reduction=" + reduction + ")";
    }
}
