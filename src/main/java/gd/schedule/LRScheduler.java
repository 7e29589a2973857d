package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.optim.HasMomentum;
import gd.optim.Optimizer;
import gd.optim.ParamGroup;
import java.util.List;

/**
 * A {@link Schedule} bound to an optimizer, as torch's {@code LRScheduler}: {@link #step()} after each
 * {@code optimizer.step()} advances the step count t and sets every parameter group's learning rate to the
 * schedule's value at t (and the momentum, for the schedules that move it).
 *
 * <p>Each parameter group follows the schedule from its own base learning rate: its {@link ParamGroup#initialLr()},
 * the learning rate it had when the first schedule was attached (torch's {@code initial_lr}). Creating a
 * schedule (and changing one of its settings) sets the learning rate of the current step, as torch does at
 * construction. The torch-named subclasses ({@link StepLR}, {@link CosineAnnealingLR}, ...) hold their settings
 * and build the formula, one {@link Schedule} value per base learning rate; {@link #of(Optimizer, Schedule)}
 * binds any schedule, a lambda included.
 * <pre>{@code
 * var sched = CosineAnnealingLR.of(opt).tMax(100);                     // torch: CosineAnnealingLR(opt, T_max=100)
 * var mine = LRScheduler.of(opt, t -> 0.1 * Math.pow(0.97, t));         // any formula
 * for (...) { opt.step(); sched.step(); }
 * }</pre>
 */
public abstract class LRScheduler implements ResumableScheduler {
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

    /**
     * Binds {@code schedule} to {@code optimizer}: step t sets the first group's learning rate to
     * {@code schedule.lr(t)} and every other group's to the same value times the group's base learning rate
     * over the first group's, so that per-group ratios stay as they were. Sets the learning rate of step 0 now.
     */
    public static LRScheduler of(Optimizer optimizer, Schedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("LRScheduler.of: the schedule is null");
        }
        if (!(optimizer instanceof BaseOptimizer<?> withGroups)) {
            throw new IllegalArgumentException("LRScheduler.of: a schedule sets the learning rate of an optimizer's"
                    + " parameter groups, but " + optimizer + " has none; use one of the library's optimizers");
        }
        return new Bound(withGroups, schedule);
    }

    /** The optimizer whose learning rates this schedule sets. */
    @Override
    public final BaseOptimizer<?> optimizer() {
        return optimizer;
    }

    /** How many times {@link #step()} has been called (torch's {@code last_epoch}). */
    public final int stepCount() {
        return stepCount;
    }

    /** How many steps this schedule has taken, as plain data. */
    @Override
    public final SchedulerState state() {
        return new SchedulerState.Steps(stepCount);
    }

    /**
     * Puts back a {@link #state()}: the step count, and the learning rates (and momentum) of that step, as the
     * schedule sets them.
     */
    @Override
    public final void restore(SchedulerState state) {
        if (!(state instanceof SchedulerState.Steps steps) || steps.stepCount() < 0) {
            throw new IllegalArgumentException(name() + ".restore: expected the state of an LRScheduler, a"
                    + " non-negative SchedulerState.Steps, got " + state);
        }
        if (missing() == null) {
            checkStep("restore", steps.stepCount());
        }
        stepCount = steps.stepCount();
        reapply();
    }

    /** The base learning rate of each parameter group (their initial learning rates). */
    public final double[] baseLrs() {
        return baseLrs.clone();
    }

    /** The current learning rate of the optimizer's first parameter group. */
    public double lr() {
        return optimizer.lr();
    }

    /** Advances one step and sets the optimizer's learning rates (and momentum, if the schedule moves it). */
    public void step() {
        requireConfigured("step");
        requireSameGroups();
        stepCount++;
        apply(stepCount);
    }

    /** The same as {@link #step()}: a training loop steps the schedule after every optimizer step. */
    @Override
    public void afterStep() {
        step();
    }

    /**
     * This schedule stepped once per epoch instead, for a training loop: its {@code afterEpoch} calls
     * {@link #step()} and its {@code afterStep} does nothing.
     */
    public final Scheduler perEpoch() {
        LRScheduler bound = this;
        return new ResumableScheduler() {
            @Override
            public void afterEpoch(double metric) {
                bound.step();
            }

            @Override
            public SchedulerState state() {
                return bound.state();
            }

            @Override
            public void restore(SchedulerState state) {
                bound.restore(state);
            }

            @Override
            public BaseOptimizer<?> optimizer() {
                return bound.optimizer();
            }

            @Override
            public String toString() {
                return bound + " per epoch";
            }
        };
    }

    /** The learning rate of the first parameter group after {@code step} calls of {@link #step()}; pure. */
    public final double lrAt(int step) {
        requireConfigured("lrAt");
        checkStep("lrAt", step);
        return schedule(baseLrs[0]).lr(step);
    }

    /** The formula this schedule follows for the first parameter group, as a value: plot it, compare it. */
    public final Schedule schedule() {
        requireConfigured("schedule");
        return schedule(baseLrs[0]);
    }

    /** The formula for a group whose base learning rate is {@code baseLr}. */
    protected abstract Schedule schedule(double baseLr);

    /**
     * The name of a required setting that is still missing (e.g. {@code "tMax"}), or null when the schedule
     * is ready.
     */
    protected abstract String missing();

    /** Refuses a step the schedule is not defined for (a negative one, by default). */
    protected void checkStep(String operation, int step) {
        if (step < 0) {
            throw new IllegalArgumentException(name() + "." + operation + ": step must be non-negative, got " + step);
        }
    }

    /** What to do when the schedule moves the momentum but the optimizer has none (said in its error). */
    protected String momentumAdvice() {
        return "bind a schedule that leaves the momentum alone";
    }

    /** Sets every group's learning rate for {@code step}, and the momentum if the schedule moves it. */
    private void apply(int step) {
        List<ParamGroup> groups = optimizer.paramGroups();
        Schedule first = schedule(baseLrs[0]);
        double momentum = first.momentum(step);
        if (!Double.isNaN(momentum) && !(optimizer instanceof HasMomentum)) {
            throw new IllegalArgumentException(name() + ": " + optimizer.getClass().getSimpleName()
                    + " has no momentum or beta1 to cycle; " + momentumAdvice());
        }
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr((g == 0 ? first : schedule(baseLrs[g])).lr(step));
        }
        if (optimizer instanceof HasMomentum withMomentum && !Double.isNaN(momentum)) {
            withMomentum.momentumOrBeta1(momentum);
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
    protected String name() {
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

    /** Any {@link Schedule} bound to an optimizer (see {@link LRScheduler#of(BaseOptimizer, Schedule)}). */
    private static final class Bound extends LRScheduler {
        private final Schedule schedule;

        Bound(BaseOptimizer<?> optimizer, Schedule schedule) {
            super(optimizer);
            this.schedule = schedule;
            reapply();
        }

        /** The schedule for the first group, scaled by baseLr / (the first group's base) for the others. */
        @Override
        protected Schedule schedule(double baseLr) {
            double first = baseLrs()[0];
            if (baseLr == first) {
                return schedule;
            }
            double ratio = baseLr / first;
            return new Schedule() {
                @Override
                public double lr(int step) {
                    return schedule.lr(step) * ratio;
                }

                @Override
                public double momentum(int step) {
                    return schedule.momentum(step);
                }
            };
        }

        @Override
        protected String missing() {
            return null;
        }

        @Override
        protected String name() {
            return "LRScheduler";
        }

        /** For example {@code LRScheduler(cosine(0.1, tMax=100, etaMin=0.0), step=3)}. */
        @Override
        public String toString() {
            return "LRScheduler(" + schedule + ", step=" + stepCount() + ")";
        }
    }
}
