package gd.optim;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Args;
import gd.util.Format;
import java.util.List;
import java.util.Map;

/**
 * NAdam: Adam with Nesterov momentum, whose momentum coefficient warms up over the first steps, exactly as
 * {@code torch.optim.NAdam}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 and not decoupled
 * θ ← θ·(1 − η·λ)                          if λ ≠ 0 and decoupled
 * μₜ ← β₁·(1 − ½·0.96^(t·ψ))               (ψ = momentumDecay)
 * μₜ₊₁ ← β₁·(1 − ½·0.96^((t+1)·ψ))
 * Π ← Π·μₜ                                 (Π starts at 1)
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * d ← √(v / (1 − β₂ᵗ)) + ε
 * θ ← θ − η·(1 − μₜ)/(1 − Π) · g / d
 * θ ← θ − η·μₜ₊₁/(1 − Π·μₜ₊₁) · m / d
 * </pre>
 * Defaults: η = 0.002, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0, ψ = 0.004, decoupled weight decay off.
 * Timothy Dozat, <a href="https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ">Incorporating Nesterov
 * Momentum into Adam (2016)</a>; PyTorch's variant adds ε outside the square root and offers decoupled
 * weight decay (as in {@link AdamW}, giving "NAdamW").
 *
 * <p>Moments below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}), which
 * changes a moment by less than 2.3e-308.
 * <pre>{@code
 * var opt = NAdam.of(model.parameters()).lr(2e-3);
 * }</pre>
 */
public final class NAdam extends AdamVariant<NAdam> {
    private double momentumDecay = 0.004;

    private NAdam(List<Parameter> params) {
        super(params, 0.002);
    }

    /** NAdam with torch's defaults (η = 0.002, β = (0.9, 0.999), ψ = 0.004) on {@code params}, which become group 0. */
    public static NAdam of(List<Parameter> params) {
        return new NAdam(params);
    }

    /** The momentum decay ψ. */
    public double momentumDecay() {
        return momentumDecay;
    }

    /** Sets the momentum decay ψ ≥ 0, the speed of the momentum warm-up μₜ = β₁·(1 − ½·0.96^(t·ψ)). */
    public NAdam momentumDecay(double momentumDecay) {
        this.momentumDecay = Args.nonNegative("NAdam.momentumDecay", momentumDecay);
        return this;
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
        double biasCorrection2 = 1 - Math.pow(beta2, s.step);
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, s.step * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (s.step + 1) * momentumDecay));
        s.muProduct *= mu;
        double muProductNext = s.muProduct * muNext;
        double gradScale = -lr * (1.0 - mu) / (1.0 - s.muProduct);
        double momentumScale = -lr * muNext / (1.0 - muProductNext);
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
                    double denom = Math.sqrt(v[j] / biasCorrection2) + eps;
                    w[j] += (gradScale * d) / denom;
                    w[j] += (momentumScale * m[j]) / denom;
                }
                if (sweep) {
                    flushSubnormals(m);
                    flushSubnormals(v);
                }
            }
        });
    }

    /** As the others' state, plus torch's {@code mu_product}, the product Π of the momentum coefficients. */
    @Override
    protected Map<String, Object> stateOf(Parameter p) {
        Map<String, Object> state = super.stateOf(p);
        if (!state.isEmpty()) {
            state.put("mu_product", moments(p, false).muProduct);
        }
        return state;
    }

    /**
     * The hyper-parameters, e.g. {@code NAdam(lr=0.002, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0,
     * momentumDecay=0.004, decoupledWeightDecay=false)}.
     */
    @Override
    public String toString() {
        return "NAdam(" + hyperParameters() + ", momentumDecay=" + Format.repr(momentumDecay)
                + ", decoupledWeightDecay=" + decoupledWeightDecay() + ")";
    }
}
