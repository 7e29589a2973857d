package gd.optim;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import java.util.List;

/**
 * RAdam: Adam whose adaptive step is switched on only once the variance of the second-moment estimate is
 * small enough, and then rectified, exactly as {@code torch.optim.RAdam}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 and not decoupled
 * θ ← θ·(1 − η·λ)                          if λ ≠ 0 and decoupled
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ ← m / (1 − β₁ᵗ)
 * ρ∞ ← 2/(1 − β₂) − 1
 * ρₜ ← ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
 * if ρₜ &gt; 5:
 *     r ← √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))
 *     θ ← θ − m̂·η · √(1 − β₂ᵗ)/(√v + ε) · r
 * else:
 *     θ ← θ − m̂·η                           (plain momentum SGD; the first 5 steps with β₂ = 0.999)
 * </pre>
 * Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0, decoupled weight decay off.
 * <a href="https://arxiv.org/abs/1908.03265">Liu et al., On the Variance of the Adaptive Learning Rate and
 * Beyond (2020)</a>; PyTorch's variant adds ε to √v (not to the bias-corrected root) and offers decoupled
 * weight decay (as in {@link AdamW}, giving "RAdamW").
 *
 * <p>Moments below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}), which
 * changes a moment by less than 2.3e-308.
 * <pre>{@code
 * var opt = RAdam.of(model.parameters()).lr(1e-3);
 * }</pre>
 */
public final class RAdam extends AdamVariant<RAdam> {

    private RAdam(List<Parameter> params) {
        super(params, 0.001);
    }

    /** RAdam with torch's defaults (η = 0.001, β = (0.9, 0.999)) on {@code params}, which become group 0. */
    public static RAdam of(List<Parameter> params) {
        return new RAdam(params);
    }

    @Override
    protected void update(Parameter p, double lr) {
        double beta1 = beta1();
        double beta2 = beta2();
        double eps = eps();
        double weightDecay = weightDecay();
        Matrix theta = p.value();
        Matrix grad = p.grad();
        Moments s = moments(p, false);
        s.step++;
        double biasCorrection1 = 1 - Math.pow(beta1, s.step);
        double biasCorrection2 = 1 - Math.pow(beta2, s.step);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * s.step * Math.pow(beta2, s.step) / biasCorrection2;
        boolean rectified = rhoT > 5.0;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
                : 0;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        boolean decaysGradient = decaysGradient();
        boolean decaysParameters = decaysParameters();
        double decay = 1 - lr * weightDecay;
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        boolean sweep = sweepsSubnormals();
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                double[] m = s.m.row(i);
                double[] v = s.v.row(i);
                for (int j = 0; j < w.length; j++) {
                    if (decaysParameters) {
                        w[j] *= decay;
                    }
                    double d = decaysGradient ? g[j] + weightDecay * w[j] : g[j];
                    m[j] = lerp(m[j], d, oneMinusBeta1);
                    v[j] = v[j] * beta2 + (oneMinusBeta2 * d) * d;
                    double mHat = m[j] / biasCorrection1;
                    if (rectified) {
                        double adaptive = biasCorrection2Sqrt / (Math.sqrt(v[j]) + eps);
                        w[j] -= mHat * lr * adaptive * rect;
                    } else {
                        w[j] -= mHat * lr;
                    }
                }
                if (sweep) {
                    flushSubnormals(m);
                    flushSubnormals(v);
                }
            }
        });
    }

    /**
     * The hyper-parameters, e.g.
     * {@code RAdam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, decoupledWeightDecay=false)}.
     */
    @Override
    public String toString() {
        return "RAdam(" + hyperParameters() + ", decoupledWeightDecay=" + decoupledWeightDecay() + ")";
    }
}
