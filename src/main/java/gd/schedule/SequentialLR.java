package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several schedules one after another, switching at the milestone steps, as
 * {@code torch.optim.lr_scheduler.SequentialLR}; typically a warm-up followed by a decay.
 * <pre>
 * ηₜ = schedule₀(t)                        for t &lt; milestone₁
 * ηₜ = scheduleᵢ(t − milestoneᵢ)            for milestoneᵢ ≤ t &lt; milestoneᵢ₊₁
 * </pre>
 * Each schedule starts from its own step 0 at its milestone. The schedules must be bound to the same
 * optimizer; step only the SequentialLR (it drives the others). The formula is {@link Schedule#sequential}.
 * torch restarts the next schedule at its milestone through its closed form and continues recursively; this uses
 * the closed forms throughout.
 * <pre>{@code
 * var warmup = LinearLR.of(opt).startFactor(0.1).totalIters(10);
 * var decay = CosineAnnealingLR.of(opt).tMax(90);
 * var sched = SequentialLR.of(opt).schedulers(warmup, decay).milestones(10);
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {
    private LRScheduler[] schedulers;
    private int[] milestones;

    private SequentialLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
    }

    /** A SequentialLR bound to {@code optimizer}; set {@link #schedulers} and {@link #milestones} next. */
    public static SequentialLR of(BaseOptimizer<?> optimizer) {
        return new SequentialLR(optimizer);
    }

    /** Sets the schedules to run in order; each must be bound to this optimizer and fully configured. */
    public SequentialLR schedulers(LRScheduler... schedulers) {
        if (schedulers == null || schedulers.length == 0) {
            throw new IllegalArgumentException("SequentialLR.schedulers: got no schedulers");
        }
        for (int i = 0; i < schedulers.length; i++) {
            LRScheduler s = schedulers[i];
            if (s == null || s == this) {
                throw new IllegalArgumentException("SequentialLR.schedulers: scheduler " + i + " is "
                        + (s == null ? "null" : "this SequentialLR"));
            }
            if (s.optimizer() != optimizer()) {
                throw new IllegalArgumentException("SequentialLR.schedulers: scheduler " + i + " (" + s.name()
                        + ") is bound to a different optimizer");
            }
            if (s.missing() != null) {
                throw new IllegalArgumentException("SequentialLR.schedulers: scheduler " + i + " (" + s.name()
                        + ") is not ready: " + s.missing() + " is not set");
            }
        }
        if (milestones != null) {
            requireCounts(schedulers.length, milestones.length);
        }
        this.schedulers = schedulers.clone();
        reapply();
        return this;
    }

    /** Sets the steps (positive, increasing; one fewer than the schedules) at which the next schedule starts. */
    public SequentialLR milestones(int... milestones) {
        int[] checked = Args.increasing("SequentialLR.milestones", milestones);
        if (schedulers != null) {
            requireCounts(schedulers.length, checked.length);
        }
        this.milestones = checked;
        reapply();
        return this;
    }

    /** The parts' formulas for this base learning rate, in sequence. */
    @Override
    protected Schedule schedule(double baseLr) {
        List<Schedule> parts = new ArrayList<>(schedulers.length);
        for (LRScheduler s : schedulers) {
            parts.add(s.schedule(baseLr));
        }
        return Schedule.sequential(parts, milestones);
    }

    @Override
    protected String missing() {
        return schedulers == null ? "schedulers" : milestones == null ? "milestones" : null;
    }

    /**
     * The schedules and milestones, e.g.
     * {@code SequentialLR([LinearLR(...), CosineAnnealingLR(...)], milestones=[10], step=0)}.
     */
    @Override
    public String toString() {
        return "SequentialLR(" + (schedulers == null ? "unset" : Arrays.toString(schedulers)) + ", milestones="
                + (milestones == null ? "unset" : Arrays.toString(milestones)) + ", step=" + stepCount() + ")";
    }

    private static void requireCounts(int schedulers, int milestones) {
        if (milestones != schedulers - 1) {
            throw new IllegalArgumentException("SequentialLR: " + schedulers + " schedulers need " + (schedulers - 1)
                    + " milestones, got " + milestones);
        }
    }
}
