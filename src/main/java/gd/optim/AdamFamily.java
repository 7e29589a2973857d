package gd.optim;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Args;
import gd.util.Format;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Adam}, {@link AdamW}, {@link NAdam} and {@link RAdam} share: the two running averages of
 * every parameter's gradient (the moments m and v, torch's {@code exp_avg} and {@code exp_avg_sq}), the
 * hyper-parameters β₁, β₂, ε and the weight decay λ, and whether that decay is decoupled (torch's
 * {@code decoupled_weight_decay}). Each subclass states its own update rule.
 *
 * <p>Two branches: {@link BaseAdam} is torch's Adam update, with coupled weight decay in {@link Adam} and
 * decoupled weight decay in {@link AdamW} (in torch ≥ 2.6, {@code AdamW} is {@code Adam} with
 * {@code decoupled_weight_decay=True}); {@link AdamVariant} is {@link NAdam} and {@link RAdam}, which change
 * the step and let the user choose either kind of weight decay.
 *
 * @param <O> the optimizer itself, so that the setters return it for chaining
 */
public abstract class AdamFamily<O extends AdamFamily<O>> extends AdaptiveOptimizer<O> implements HasMomentum {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    /**
     * Whether weight decay shrinks θ directly (AdamW) rather than being added to the gradient (Adam): set by the
     * constructor, and for NAdam and RAdam also by {@link AdamVariant#decoupledWeightDecay(boolean)}.
     */
    boolean decoupledWeightDecay;
    private final Map<Parameter, Moments> moments = new IdentityHashMap<>();

    /** One parameter's running averages and step count. */
    protected static final class Moments {
        /** The number of steps taken, t. */
        protected int step;
        /** NAdam's product of momentum coefficients Π (1 for the others). */
        protected double muProduct = 1;
        /** The first moment m, the running average of the gradient. */
        protected final Matrix m;
        /** The second moment v, the running average of the squared gradient. */
        protected final Matrix v;
        /** AMSGrad's largest v so far, or null. */
        protected Matrix vMax;

        private Moments(Matrix m, Matrix v) {
            this.m = m;
            this.v = v;
        }
    }

    /**
     * An optimizer of this family on {@code params} (group 0) with the given default η and λ, and weight decay
     * decoupled or not.
     */
    protected AdamFamily(List<Parameter> params, double lr, double weightDecay, boolean decoupledWeightDecay) {
        super(params, lr, weightDecay, 1e-8);
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    /** The decay rate β₁ of the first moment. */
    public final double beta1() {
        return beta1;
    }

    /** Sets β₁ ∈ [0, 1), the decay rate of the first moment (the momentum). */
    public final O beta1(double beta1) {
        this.beta1 = Args.inUnitInterval(name() + ".beta1", beta1);
        return self();
    }

    /** The decay rate β₂ of the second moment. */
    public final double beta2() {
        return beta2;
    }

    /** Sets β₂ ∈ [0, 1), the decay rate of the second moment. */
    public final O beta2(double beta2) {
        this.beta2 = Args.inUnitInterval(name() + ".beta2", beta2);
        return self();
    }

    /** Sets both decay rates, as torch's {@code betas=(β₁, β₂)}. */
    public final O betas(double beta1, double beta2) {
        Args.inUnitInterval(name() + ".beta1", beta1);
        Args.inUnitInterval(name() + ".beta2", beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        return self();
    }

    /**
     * Whether weight decay is decoupled, θ ← θ·(1 − η·λ), rather than added to the gradient, g ← g + λ·θ
     * (torch's {@code decoupled_weight_decay}): always for {@link AdamW}, never for {@link Adam}, as chosen for
     * {@link NAdam} and {@link RAdam}.
     */
    public final boolean decoupledWeightDecay() {
        return decoupledWeightDecay;
    }

    /** Whether this step adds λ·θ to the gradient: λ ≠ 0 and weight decay coupled. */
    protected final boolean decaysGradient() {
        return weightDecay() != 0 && !decoupledWeightDecay;
    }

    /** Whether this step shrinks θ by the factor 1 − η·λ first: λ ≠ 0 and weight decay decoupled. */
    protected final boolean decaysParameters() {
        return weightDecay() != 0 && decoupledWeightDecay;
    }

    /** β₁ (what {@code OneCycleLR} cycles). */
    @Override
    public final double momentumOrBeta1() {
        return beta1;
    }

    /** Sets β₁, as {@link #beta1(double)}. */
    @Override
    public final void momentumOrBeta1(double value) {
        beta1(value);
    }

    /** The moments of {@code p}, created at zero on its first step; with {@code amsgrad}, also vMax. */
    protected final Moments moments(Parameter p, boolean amsgrad) {
        Matrix theta = p.value();
        Moments s = moments.computeIfAbsent(p, key -> new Moments(Matrix.zeros(theta.rows(), theta.cols()),
                Matrix.zeros(theta.rows(), theta.cols())));
        if (amsgrad && s.vMax == null) {
            s.vMax = Matrix.zeros(theta.rows(), theta.cols());
        }
        return s;
    }

    /** torch's names: {@code step}, {@code exp_avg}, {@code exp_avg_sq} and {@code max_exp_avg_sq} (AMSGrad). */
    @Override
    protected Map<String, Object> stateOf(Parameter p) {
        Map<String, Object> map = new LinkedHashMap<>();
        Moments s = moments.get(p);
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

    /** Puts back the moments, the step count and, where saved, vMax (AMSGrad) and Π (NAdam's {@code mu_product}). */
    @Override
    protected void restoreState(Parameter p, Map<String, Object> saved) {
        if (saved.isEmpty()) {
            moments.remove(p);
            return;
        }
        Moments s = new Moments(((Matrix) required(p, saved, "exp_avg")).copy(),
                ((Matrix) required(p, saved, "exp_avg_sq")).copy());
        s.step = (Integer) required(p, saved, "step");
        s.vMax = copyOf(saved, "max_exp_avg_sq");
        if (saved.get("mu_product") instanceof Double muProduct) {
            s.muProduct = muProduct;
        }
        moments.put(p, s);
    }

    /** The shared part of {@code toString()}: {@code lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0}. */
    protected final String hyperParameters() {
        return "lr=" + lrText() + ", betas=(" + Format.repr(beta1) + ", " + Format.repr(beta2) + "), eps="
                + Format.repr(eps()) + ", weightDecay=" + Format.repr(weightDecay());
    }
}
