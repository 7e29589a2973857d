package gd.optim;

import gd.matrix.Matrix;
import gd.matrix.Repr;
import gd.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class RAdam extends BaseOptimizer<RAdam> implements HasMomentum {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay = 0;
    private boolean decoupledWeightDecay = false;
    private final Map<Parameter, State> state = new IdentityHashMap<>();

    private static final class State {
        int step;
        final Matrix m;
        final Matrix v;

        State(Matrix m, Matrix v) {
            this.m = m;
            this.v = v;
        }
    }

    private RAdam(List<Parameter> params) {
        super(params, 0.001);
    }

    /** RAdam with torch's defaults (η = 0.001, β = (0.9, 0.999)) on {@code params}, which become group 0. */
    public static RAdam of(List<Parameter> params) {
        return new RAdam(params);
    }

    /** The decay rate β₁ of the first moment. */
    public double beta1() {
        return beta1;
    }

    /** Sets β₁ ∈ [0, 1), the decay rate of the first moment (the momentum). */
    public RAdam beta1(double beta1) {
        this.beta1 = Check.inUnitInterval("RAdam.beta1", beta1);
        return this;
    }

    /** The decay rate β₂ of the second moment. */
    public double beta2() {
        return beta2;
    }

    /** Sets β₂ ∈ [0, 1), the decay rate of the second moment. */
    public RAdam beta2(double beta2) {
        this.beta2 = Check.inUnitInterval("RAdam.beta2", beta2);
        return this;
    }

    /** Sets both decay rates, as torch's {@code betas=(β₁, β₂)}. */
    public RAdam betas(double beta1, double beta2) {
        Check.inUnitInterval("RAdam.beta1", beta1);
        Check.inUnitInterval("RAdam.beta2", beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /** The ε added to the root of the second moment. */
    public double eps() {
        return eps;
    }

    /** Sets ε ≥ 0, added to √v to avoid dividing by zero. */
    public RAdam eps(double eps) {
        this.eps = Check.nonNegative("RAdam.eps", eps);
        return this;
    }

    /** The weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    /** Sets the weight decay λ ≥ 0 (L2 on the gradient, or decoupled, see {@link #decoupledWeightDecay(boolean)}). */
    public RAdam weightDecay(double weightDecay) {
        this.weightDecay = Check.nonNegative("RAdam.weightDecay", weightDecay);
        return this;
    }

    /** Whether weight decay is decoupled (θ ← θ·(1 − η·λ)) rather than added to the gradient. */
    public boolean decoupledWeightDecay() {
        return decoupledWeightDecay;
    }

    /** Chooses decoupled weight decay (as AdamW) or L2 weight decay on the gradient (as Adam). */
    public RAdam decoupledWeightDecay(boolean decoupled) {
        this.decoupledWeightDecay = decoupled;
        return this;
    }

    /** β₁ (what {@code OneCycleLR} cycles). */
    @Override
    public double momentumOrBeta1() {
        return beta1;
    }

    /** Sets β₁, as {@link #beta1(double)}. */
    @Override
    public void momentumOrBeta1(double value) {
        beta1(value);
    }

    @Override
    protected void update(Parameter p, double lr) {
        Matrix theta = p.value();
        Matrix grad = p.grad();
        State s = state.computeIfAbsent(p, key -> new State(Matrix.zeros(theta.rows(), theta.cols()),
                Matrix.zeros(theta.rows(), theta.cols())));
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
        boolean coupled = weightDecay != 0 && !decoupledWeightDecay;
        boolean decoupled = weightDecay != 0 && decoupledWeightDecay;
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
                    if (decoupled) {
                        w[j] *= decay;
                    }
                    double d = coupled ? g[j] + weightDecay * w[j] : g[j];
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
                }
                if (sweep) {
                    flushSubnormals(v);
                }
            }
        });
    }

    @Override
    protected Map<String, Object> stateOf(Parameter p) {
        Map<String, Object> map = new LinkedHashMap<>();
        State s = state.get(p);
        if (s != null) {
            map.put("step", s.step);
            map.put("exp_avg", s.m.copy());
            map.put("exp_avg_sq", s.v.copy());
        }
        return map;
    }

    /**
     * The hyper-parameters, e.g.
     * {@code RAdam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, decoupledWeightDecay=false)}.
     */
    @Override
    public String toString() {
        return "RAdam(lr=" + lrText() + ", betas=(" + Repr.of(beta1) + ", " + Repr.of(beta2) + "), eps=" + Repr.of(eps)
                + ", weightDecay=" + Repr.of(weightDecay) + ", decoupledWeightDecay=" + decoupledWeightDecay + ")";
    }
}
