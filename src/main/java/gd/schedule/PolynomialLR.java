package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Decays the learning rate to zero along a polynomial over {@code totalIters} steps, as
 * {@code torch.optim.lr_scheduler.PolynomialLR}.
 * <pre>
 * ηₜ = η₀ · (1 − min(t, totalIters) / totalIters)^p               (p = power)
 * </pre>
 * Defaults: totalIters = 5, p = 1 (linear decay). torch computes it recursively,
 * ηₜ = ηₜ₋₁ · ((1 − t/totalIters) / (1 − (t−1)/totalIters))^p, which differs from this closed form in the
 * last bits (5.6e-17 over 100 steps).
 * <pre>{@code
 * var sched = PolynomialLR.of(opt).totalIters(100).power(2.0);
 * }</pre>
 */
public final class PolynomialLR extends LRScheduler {
    private int totalIters = 5;
    private double power = 1.0;

    private PolynomialLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A PolynomialLR with torch's defaults (5 steps, power 1) bound to {@code optimizer}. */
    public static PolynomialLR of(BaseOptimizer<?> optimizer) {
        return new PolynomialLR(optimizer);
    }

    /** Sets the number of steps (&gt; 0) until the learning rate reaches zero. */
    public PolynomialLR totalIters(int totalIters) {
        this.totalIters = Args.positive("PolynomialLR.totalIters", totalIters);
        reapply();
        return this;
    }

    /** Sets the power p ≥ 0 of the polynomial. */
    public PolynomialLR power(double power) {
        this.power = Args.nonNegative("PolynomialLR.power", power);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.Polynomial(baseLr, totalIters, power);
    }

    @Override
    protected String missing() {
        return null;
    }

    /** The settings and the step count, e.g. {@code PolynomialLR(totalIters=100, power=2.0, step=0)}. */
    @Override
    public String toString() {
        return "PolynomialLR(totalIters=" + totalIters + ", power=" + Format.repr(power) + ", step=" + stepCount() + ")";
    }
}
