package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Changes the learning rate linearly from η₀·startFactor to η₀·endFactor over {@code totalIters} steps and
 * keeps it there, as {@code torch.optim.lr_scheduler.LinearLR}; the usual learning-rate warm-up.
 * <pre>
 * ηₜ = η₀ · (s + (e − s) · min(t, totalIters) / totalIters)      (s = startFactor, e = endFactor)
 * </pre>
 * Defaults: s = 1/3, e = 1, totalIters = 5. torch computes it recursively,
 * ηₜ = ηₜ₋₁ · (1 + (e − s) / (totalIters·s + (t − 1)·(e − s))), which differs from this closed form in the
 * last bits (4.2e-17 over 10 steps).
 * <pre>{@code
 * var warmup = LinearLR.of(opt).startFactor(0.1).totalIters(10);
 * }</pre>
 */
public final class LinearLR extends LRScheduler {
    private double startFactor = 1.0 / 3;
    private double endFactor = 1.0;
    private int totalIters = 5;

    private LinearLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A LinearLR with torch's defaults bound to {@code optimizer}; this sets the learning rate to η₀/3. */
    public static LinearLR of(BaseOptimizer<?> optimizer) {
        return new LinearLR(optimizer);
    }

    /** Sets the factor s ∈ (0, 1] of the first step's learning rate. */
    public LinearLR startFactor(double startFactor) {
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR.startFactor must be in (0, 1], got " + Format.repr(startFactor));
        }
        this.startFactor = startFactor;
        reapply();
        return this;
    }

    /** Sets the factor e ∈ [0, 1] reached after {@code totalIters} steps. */
    public LinearLR endFactor(double endFactor) {
        this.endFactor = Args.inRange("LinearLR.endFactor", endFactor, 0, 1);
        reapply();
        return this;
    }

    /** Sets the number of steps (&gt; 0) of the linear change. */
    public LinearLR totalIters(int totalIters) {
        this.totalIters = Args.positive("LinearLR.totalIters", totalIters);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.Linear(baseLr, startFactor, endFactor, totalIters);
    }

    @Override
    protected String missing() {
        return null;
    }

    /**
     * The settings and the step count, e.g. {@code LinearLR(startFactor=0.1, endFactor=1.0, totalIters=10, step=0)}.
     */
    @Override
    public String toString() {
        return "LinearLR(startFactor=" + Format.repr(startFactor) + ", endFactor=" + Format.repr(endFactor) + ", totalIters="
                + totalIters + ", step=" + stepCount() + ")";
    }
}
