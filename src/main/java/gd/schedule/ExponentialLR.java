package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Multiplies the learning rate by γ every step, as {@code torch.optim.lr_scheduler.ExponentialLR}.
 * <pre>
 * ηₜ = η₀ · γᵗ
 * </pre>
 * γ is required. torch computes ηₜ = ηₜ₋₁ · γ (recursive form), which drifts from the closed form by a few
 * units in the last place (1.4e-17 after 100 steps with γ = 0.95).
 * <pre>{@code
 * var sched = ExponentialLR.of(opt).gamma(0.95);
 * }</pre>
 */
public final class ExponentialLR extends LRScheduler {
    private double gamma = Double.NaN;

    private ExponentialLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** An ExponentialLR bound to {@code optimizer}; set {@link #gamma(double)} next. */
    public static ExponentialLR of(BaseOptimizer<?> optimizer) {
        return new ExponentialLR(optimizer);
    }

    /** Sets the factor γ &gt; 0 applied every step. */
    public ExponentialLR gamma(double gamma) {
        this.gamma = Args.positive("ExponentialLR.gamma", gamma);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.Exponential(baseLr, gamma);
    }

    @Override
    protected String missing() {
        return Double.isNaN(gamma) ? "gamma" : null;
    }

    /** The settings and the step count, e.g. {@code ExponentialLR(gamma=0.95, step=0)}. */
    @Override
    public String toString() {
        return "ExponentialLR(gamma=" + (Double.isNaN(gamma) ? "unset" : Format.repr(gamma)) + ", step=" + stepCount()
                + ")";
    }
}
