package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Multiplies the learning rate by γ every {@code stepSize} steps, as {@code torch.optim.lr_scheduler.StepLR}.
 * <pre>
 * ηₜ = η₀ · γ^⌊t / stepSize⌋
 * </pre>
 * Defaults: γ = 0.1; {@code stepSize} is required. torch multiplies the current rate by γ at every multiple
 * of {@code stepSize} (recursive form); this closed form gives the same values (here bit for bit).
 * <pre>{@code
 * var sched = StepLR.of(opt).stepSize(30).gamma(0.1);
 * }</pre>
 */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma = 0.1;

    private StepLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A StepLR bound to {@code optimizer}; set {@link #stepSize(int)} next. */
    public static StepLR of(BaseOptimizer<?> optimizer) {
        return new StepLR(optimizer);
    }

    /** Sets the period (&gt; 0, in steps) of the decay. */
    public StepLR stepSize(int stepSize) {
        this.stepSize = Args.positive("StepLR.stepSize", stepSize);
        reapply();
        return this;
    }

    /** Sets the factor γ &gt; 0 applied every {@code stepSize} steps. */
    public StepLR gamma(double gamma) {
        this.gamma = Args.positive("StepLR.gamma", gamma);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.StepDecay(baseLr, stepSize, gamma);
    }

    @Override
    protected String missing() {
        return stepSize == 0 ? "stepSize" : null;
    }

    /** The settings and the step count, e.g. {@code StepLR(stepSize=30, gamma=0.1, step=0)}. */
    @Override
    public String toString() {
        return "StepLR(stepSize=" + (stepSize == 0 ? "unset" : stepSize) + ", gamma=" + Format.repr(gamma) + ", step="
                + stepCount() + ")";
    }
}
