package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.optim.ParamGroup;
import java.util.List;

/**
 * What the step-driven schedules share, as torch's {@code LRScheduler}: the bound optimizer, each group's
 * base learning rate and the number of steps taken.
 *
 * <p>The base learning rate of a group is its {@link ParamGroup#initialLr()}: the learning rate it had when
 * the first schedule was attached (torch's {@code initial_lr}). Every step sets each group's learning rate to
 * {@code lrAt(baseLr, step)}, a closed formula of the step; creating a schedule (and changing one of its
 * settings) sets the learning rate at the current step, as torch does at construction. A subclass states the
 * formula and whether torch computes the same sequence recursively.
 */
public abstract class LRScheduler implements Scheduler {
    private final BaseOptimizer<?> optimizer;
    private final double[] baseLrs;
    private int stepCount;

    /** Binds to {@code optimizer} and records each group's base learning rate. */
    protected LRScheduler(BaseOptimizer<?> optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".of: optimizer is null");
        }
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = groups.get(g).recordInitialLr();
        }
    }

    /** The optimizer whose learning rates this schedule sets. */
    public final BaseOptimizer<?> optimizer() {
        return optimizer;
    }

    /** How many times {@link #step()} has been called (torch's {@code last_epoch}). */
    public final int stepCount() {
        return stepCount;
    }

    /** The base learning rate of each parameter group (their initial learning rates). */
    public final double[] baseLrs() {
        return baseLrs.clone();
    }

    @Override
    public double lr() {
        return optimizer.lr();
    }

    @Override
    public void step() {
        requireConfigured("step");
        requireSameGroups();
        stepCount++;
        apply(stepCount);
    }

    @Override
    public final double lrAt(int step) {
        requireConfigured("lrAt");
        if (step < 0) {
            throw new IllegalArgumentException(name() + ".lrAt: step must be non-negative, got " + step);
        }
        return lrAt(baseLrs[0], step);
    }

    /** The formula: the learning rate at {@code step} of a group whose base learning rate is {@code baseLr}. */
    protected abstract double lrAt(double baseLr, int step);

    /**
     * The name of a required setting that is still missing (e.g. {@code "tMax"}), or null when the schedule
     * is ready.
     */
    protected abstract String missing();

    /** Sets every group's learning rate for {@code step}. */
    protected void apply(int step) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(lrAt(baseLrs[g], step));
        }
    }

    /** Sets the learning rates for the current step once every required setting is there; setters call this. */
    protected final void reapply() {
        if (missing() == null) {
            requireSameGroups();
            apply(stepCount);
        }
    }

    /** The class name used in messages, e.g. {@code StepLR}. */
    protected final String name() {
        return getClass().getSimpleName();
    }

    final void requireConfigured(String operation) {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(name() + "." + operation + ": " + missing + " is not set; call ."
                    + missing + "(...) first");
        }
    }

    private void requireSameGroups() {
        int groups = optimizer.paramGroups().size();
        if (groups != baseLrs.length) {
            throw new IllegalStateException(name() + ": the optimizer has " + groups + " parameter groups but had "
                    + baseLrs.length + " when this schedule was created; create the schedule after the last"
                    + " addParamGroup");
        }
    }
}
