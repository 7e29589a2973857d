package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;
import java.util.Arrays;

/**
 * Multiplies the learning rate by γ at each milestone step, as {@code torch.optim.lr_scheduler.MultiStepLR}.
 * <pre>
 * ηₜ = η₀ · γ^(number of milestones ≤ t)
 * </pre>
 * Defaults: γ = 0.1; the milestones (positive, increasing) are required. torch multiplies the current rate
 * by γ at each milestone (recursive form); this closed form gives the same values.
 * <pre>{@code
 * var sched = MultiStepLR.of(opt).milestones(30, 60, 90).gamma(0.1);
 * }</pre>
 */
public final class MultiStepLR extends LRScheduler {
    private int[] milestones;
    private double gamma = 0.1;

    private MultiStepLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A MultiStepLR bound to {@code optimizer}; set {@link #milestones(int...)} next. */
    public static MultiStepLR of(BaseOptimizer<?> optimizer) {
        return new MultiStepLR(optimizer);
    }

    /** Sets the steps (positive, increasing) at which the learning rate is multiplied by γ. */
    public MultiStepLR milestones(int... milestones) {
        this.milestones = Args.increasing("MultiStepLR.milestones", milestones);
        reapply();
        return this;
    }

    /** Sets the factor γ &gt; 0 applied at each milestone. */
    public MultiStepLR gamma(double gamma) {
        this.gamma = Args.positive("MultiStepLR.gamma", gamma);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return Schedule.multiStep(baseLr, milestones).gamma(gamma);
    }

    @Override
    protected String missing() {
        return milestones == null ? "milestones" : null;
    }

    /** The settings and the step count, e.g. {@code MultiStepLR(milestones=[30, 60, 90], gamma=0.1, step=0)}. */
    @Override
    public String toString() {
        return "MultiStepLR(milestones=" + (milestones == null ? "unset" : Arrays.toString(milestones)) + ", gamma="
                + Format.repr(gamma) + ", step=" + stepCount() + ")";
    }
}
