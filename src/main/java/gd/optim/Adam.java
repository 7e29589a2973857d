package gd.optim;

import gd.matrix.Matrix;
import gd.matrix.Repr;
import gd.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam: momentum on the gradient, divided by a running root-mean-square of the gradient, both
 * bias-corrected, exactly as {@code torch.optim.Adam}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 (coupled L2 weight decay)
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                      if amsgrad
 * d ← √v / √(1 − β₂ᵗ) + ε                  (√v̂max with amsgrad)
 * θ ← θ − η / (1 − β₁ᵗ) · m / d
 * </pre>
 * Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0, amsgrad off.
 * <a href="https://arxiv.org/abs/1412.6980">Kingma &amp; Ba, Adam: A Method for Stochastic Optimization
 * (2015)</a>; amsgrad from <a href="https://openreview.net/forum?id=ryQu7f-RZ">Reddi, Kale &amp; Kumar,
 * On the Convergence of Adam and Beyond (2018)</a>. PyTorch's variant, which this is, adds ε to the
 * bias-corrected root √v̂ (the paper's "ε-hat" form differs slightly) and adds weight decay to the gradient;
 * for decoupled weight decay use {@link AdamW}.
 *
 * <p>Moments below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}): when a
 * gradient stays exactly zero for thousands of steps the moments would otherwise decay into slow subnormal
 * numbers. This changes a moment by less than 2.3e-308 and a parameter by at most about η·2.3e-308/ε.
 * <pre>{@code
 * var opt = Adam.of(model.parameters()).lr(1e-3).betas(0.9, 0.999);
 * }</pre>
 */
public final class Adam extends BaseOptimizer<Adam> implements HasMomentum {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay = 0;
    private boolean amsgrad = false;
    private final Map<Parameter, State> state = new IdentityHashMap<>();

    private static final class State {
        int step;
        final Matrix m;
        final Matrix v;
        Matrix vMax;

        State(Matrix m, Matrix v) {
            this.m = m;
            this.v = v;
        }
    }

    private Adam(List<Parameter> params) {
        super(params, 0.001);
    }

    /** Adam with torch's defaults (η = 0.001, β = (0.9, 0.999)) on {@code params}, which become group 0. */
    public static Adam of(List<Parameter> params) {
        return new Adam(params);
    }

    /** The decay rate β₁ of the first moment. */
    public double beta1() {
        return beta1;
    }

    /** Sets β₁ ∈ [0, 1), the decay rate of the first moment (the momentum). */
    public Adam beta1(double beta1) {
        this.beta1 = Check.inUnitInterval("Adam.beta1", beta1);
        return this;
    }

    /** The decay rate β₂ of the second moment. */
    public double beta2() {
        return beta2;
    }

    /** Sets β₂ ∈ [0, 1), the decay rate of the second moment. */
    public Adam beta2(double beta2) {
        this.beta2 = Check.inUnitInterval("Adam.beta2", beta2);
        return this;
    }

    /** Sets both decay rates, as torch's {@code betas=(β₁, β₂)}. */
    public Adam betas(double beta1, double beta2) {
        Check.inUnitInterval("Adam.beta1", beta1);
        Check.inUnitInterval("Adam.beta2", beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /** The ε added to the denominator. */
    public double eps() {
        return eps;
    }

    /** Sets ε ≥ 0, added to the denominator to avoid dividing by zero. */
    public Adam eps(double eps) {
        this.eps = Check.nonNegative("Adam.eps", eps);
        return this;
    }

    /** The weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    /** Sets the coupled L2 weight decay λ ≥ 0: the gradient becomes g + λ·θ (for decoupled decay use AdamW). */
    public Adam weightDecay(double weightDecay) {
        this.weightDecay = Check.nonNegative("Adam.weightDecay", weightDecay);
        return this;
    }

    /** Whether the AMSGrad variant is on. */
    public boolean amsgrad() {
        return amsgrad;
    }

    /** Turns AMSGrad on or off: divide by the largest second moment seen so far. */
    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
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
        if (amsgrad && s.vMax == null) {
            s.vMax = Matrix.zeros(theta.rows(), theta.cols());
        }
        s.step++;
        double biasCorrection1 = 1 - Math.pow(beta1, s.step);
        double biasCorrection2 = 1 - Math.pow(beta2, s.step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        boolean sweep = sweepsSubnormals();
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                double[] m = s.m.row(i);
                double[] v = s.v.row(i);
                double[] vMax = amsgrad ? s.vMax.row(i) : null;
                for (int j = 0; j < w.length; j++) {
                    double d = weightDecay != 0 ? g[j] + weightDecay * w[j] : g[j];
                    m[j] = lerp(m[j], d, oneMinusBeta1);
                    v[j] = v[j] * beta2 + (oneMinusBeta2 * d) * d;
                    double denom;
                    if (amsgrad) {
                        vMax[j] = Math.max(vMax[j], v[j]);
                        denom = Math.sqrt(vMax[j]) / biasCorrection2Sqrt + eps;
                    } else {
                        denom = Math.sqrt(v[j]) / biasCorrection2Sqrt + eps;
                    }
                    w[j] += (-stepSize * m[j]) / denom;
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
            if (s.vMax != null) {
                map.put("max_exp_avg_sq", s.vMax.copy());
            }
        }
        return map;
    }

    /**
     * The hyper-parameters, e.g. {@code Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, amsgrad=false)}.
     */
    @Override
    public String toString() {
        return "Adam(lr=" + lrText() + ", betas=(" + Repr.of(beta1) + ", " + Repr.of(beta2) + "), eps=" + Repr.of(eps)
                + ", weightDecay=" + Repr.of(weightDecay) + ", amsgrad=" + amsgrad + ")";
    }
}
