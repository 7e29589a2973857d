package gd.nn;

import gd.matrix.Matrix;
import gd.util.Format;
import java.util.List;

/**
 * Batch normalisation over features, torch's {@code BatchNorm1d} for an n × features batch: each feature
 * (column) is standardised with the batch's mean and variance, then scaled and shifted by learned γ and β.
 * <pre>
 * training:   μⱼ = (1/n) Σᵢ xᵢⱼ      σ²ⱼ = (1/n) Σᵢ (xᵢⱼ − μⱼ)²        (biased variance)
 *             x̂ᵢⱼ = (xᵢⱼ − μⱼ) / √(σ²ⱼ + ε)       yᵢⱼ = γⱼ x̂ᵢⱼ + βⱼ
 *             running mean ← (1 − momentum)·running mean + momentum·μ
 *             running var  ← (1 − momentum)·running var  + momentum·σ²·n/(n − 1)   (unbiased variance)
 * evaluation: x̂ᵢⱼ = (xᵢⱼ − running meanⱼ) / √(running varⱼ + ε),  y = γ x̂ + β
 * backward:   ∂L/∂γⱼ += Σᵢ ∂L/∂yᵢⱼ · x̂ᵢⱼ       ∂L/∂βⱼ += Σᵢ ∂L/∂yᵢⱼ       g = ∂L/∂y ⊙ γ
 *   training:   ∂L/∂xᵢⱼ = 1/(n √(σ²ⱼ + ε)) · (n gᵢⱼ − Σₖ gₖⱼ − x̂ᵢⱼ Σₖ gₖⱼ x̂ₖⱼ)
 *   evaluation: ∂L/∂xᵢⱼ = gᵢⱼ / √(running varⱼ + ε)
 * </pre>
 * In training the batch statistics depend on every row, hence the two sums in ∂L/∂x. Defaults as torch:
 * ε = 1e-5, momentum = 0.1, γ = 1, β = 0, running mean 0, running variance 1. A new layer is in training
 * mode; a training batch needs at least two rows. Parameters: {@code weight} (γ, 1×features) and
 * {@code bias} (β, 1×features); buffers: the running mean and variance.
 * Ioffe &amp; Szegedy 2015, <a href="https://arxiv.org/abs/1502.03167">Batch Normalization</a>.
 */
public final class BatchNorm implements Layer {
    /** Whether backward has used the last forward pass, and how often the gradients were zeroed by then. */
    private boolean spent;
    private long zeroingsAtBackward;
    private final int features;
    private final Parameter gamma;
    private final Parameter beta;
    private final List<Parameter> parameters;
    private final Matrix runningMean;
    private final Matrix runningVar;
    private double eps = 1e-5;
    private double momentum = 0.1;
    private boolean training = true;
    /** x̂ of the last forward pass. */
    private Matrix xHat;
    /** 1/√(σ² + ε) per feature, of the statistics the last forward pass used. */
    private double[] invStd;
    /** Whether the last forward pass used batch statistics. */
    private boolean usedBatchStatistics;

    private BatchNorm(int features) {
        this.features = features;
        this.gamma = new Parameter("weight", Matrix.filled(1, features, 1));
        this.beta = new Parameter("bias", Matrix.zeros(1, features));
        this.parameters = List.of(gamma, beta);
        this.runningMean = Matrix.zeros(1, features);
        this.runningVar = Matrix.filled(1, features, 1);
    }

    /** Batch normalisation of {@code features} columns, with torch's defaults. */
    public static BatchNorm of(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("BatchNorm.of: features must be at least 1, got " + features);
        }
        return new BatchNorm(features);
    }

    /** Sets ε &gt; 0, added to the variance before the square root; returns this layer. */
    public BatchNorm eps(double eps) {
        if (!(eps > 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("BatchNorm.eps must be positive and finite, got " + eps);
        }
        this.eps = eps;
        return this;
    }

    /** Sets the momentum of the running statistics, in [0, 1]; returns this layer. */
    public BatchNorm momentum(double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm.momentum must be in [0, 1], got " + momentum);
        }
        this.momentum = momentum;
        return this;
    }

    /** ε. */
    public double eps() {
        return eps;
    }

    /** The momentum of the running statistics. */
    public double momentum() {
        return momentum;
    }

    /** Number of features (columns). */
    public int features() {
        return features;
    }

    /** The scale γ (torch's {@code weight}), 1×features. */
    public Parameter gamma() {
        return gamma;
    }

    /** The shift β (torch's {@code bias}), 1×features. */
    public Parameter beta() {
        return beta;
    }

    /** The running mean, 1×features (live: training forward passes update it in place). */
    public Matrix runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance, 1×features (live: training forward passes update it in place). */
    public Matrix runningVar() {
        return runningVar;
    }

    /** Whether the layer is in training mode (batch statistics). */
    @Override
    public boolean training() {
        return training;
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    /** Normalises with batch statistics (training, updating the running ones) or the running ones (evaluation). */
    @Override
    public Matrix forward(Matrix x) {
        spent = false;
        LayerChecks.requireInput(this, x);
        if (x.cols() != features) {
            throw new IllegalArgumentException(this + ".forward: input has " + x.cols() + " columns, expected "
                    + features);
        }
        int n = x.rows();
        double[] mean;
        double[] var;
        if (training) {
            if (n < 2) {
                throw new IllegalArgumentException(this + ".forward: a training batch needs at least 2 rows, got "
                        + x.shape() + " (the variance of one example is undefined; use eval() for single examples)");
            }
            mean = x.columnMeans().row(0);
            var = new double[features];
            for (int i = 0; i < n; i++) {
                double[] r = x.row(i);
                for (int j = 0; j < features; j++) {
                    double d = r[j] - mean[j];
                    var[j] += d * d;
                }
            }
            double[] rm = runningMean.row(0);
            double[] rv = runningVar.row(0);
            for (int j = 0; j < features; j++) {
                var[j] /= n;
                rm[j] = (1 - momentum) * rm[j] + momentum * mean[j];
                rv[j] = (1 - momentum) * rv[j] + momentum * var[j] * n / (n - 1);
            }
        } else {
            mean = runningMean.row(0).clone();
            var = runningVar.row(0).clone();
        }
        invStd = new double[features];
        for (int j = 0; j < features; j++) {
            invStd[j] = 1 / Math.sqrt(var[j] + eps);
        }
        usedBatchStatistics = training;
        xHat = Matrix.zeros(n, features);
        Matrix y = Matrix.zeros(n, features);
        double[] g = gamma.value().row(0);
        double[] b = beta.value().row(0);
        for (int i = 0; i < n; i++) {
            double[] r = x.row(i);
            double[] h = xHat.row(i);
            double[] out = y.row(i);
            for (int j = 0; j < features; j++) {
                h[j] = (r[j] - mean[j]) * invStd[j];
                out[j] = g[j] * h[j] + b[j];
            }
        }
        return y;
    }

    /** Accumulates ∂L/∂γ and ∂L/∂β, returns ∂L/∂x for the statistics the last forward pass used. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        LayerChecks.requireForward(this, "backward", xHat);
        LayerChecks.requireNewBackward(this, "backward", spent, gamma.zeroings(), zeroingsAtBackward);
        LayerChecks.requireGradShape(this, "backward", gradOutput, xHat.rows(), features);
        spent = true;
        zeroingsAtBackward = gamma.zeroings();
        int n = xHat.rows();
        double[] g = gamma.value().row(0);
        double[] sumDy = new double[features];
        double[] sumDyXHat = new double[features];
        for (int i = 0; i < n; i++) {
            double[] dy = gradOutput.row(i);
            double[] h = xHat.row(i);
            for (int j = 0; j < features; j++) {
                sumDy[j] += dy[j];
                sumDyXHat[j] += dy[j] * h[j];
            }
        }
        double[] dGamma = gamma.grad().row(0);
        double[] dBeta = beta.grad().row(0);
        for (int j = 0; j < features; j++) {
            dGamma[j] += sumDyXHat[j];
            dBeta[j] += sumDy[j];
        }
        Matrix dx = Matrix.zeros(n, features);
        for (int i = 0; i < n; i++) {
            double[] dy = gradOutput.row(i);
            double[] h = xHat.row(i);
            double[] d = dx.row(i);
            if (usedBatchStatistics) {
                // γ is the same for every row, so Σₖ gₖⱼ = γⱼ Σₖ dyₖⱼ and Σₖ gₖⱼ x̂ₖⱼ = γⱼ Σₖ dyₖⱼ x̂ₖⱼ
                for (int j = 0; j < features; j++) {
                    d[j] = g[j] * invStd[j] / n * (n * dy[j] - sumDy[j] - h[j] * sumDyXHat[j]);
                }
            } else {
                for (int j = 0; j < features; j++) {
                    d[j] = g[j] * invStd[j] * dy[j];
                }
            }
        }
        return dx;
    }

    /** {@code weight} (γ) and {@code bias} (β), always the same list. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The running mean and the running variance (live). */
    @Override
    public List<Matrix> buffers() {
        return List.of(runningMean, runningVar);
    }

    /** For example {@code BatchNorm(256, eps=1e-05, momentum=0.1)}. */
    @Override
    public String toString() {
        return "BatchNorm(" + features + ", eps=" + Format.repr(eps) + ", momentum="
                + Format.repr(momentum) + ")";
    }
}
