package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.optim.ParamGroup;
import gd.util.Args;
import gd.util.Format;
import java.util.List;

/**
 * Multiplies the learning rate by {@code factor} when a metric (usually the validation loss) has stopped
 * improving for more than {@code patience} steps, as {@code torch.optim.lr_scheduler.ReduceLROnPlateau}.
 * Driven by the metric: call {@link #step(double)} once per epoch after validating.
 * <pre>
 * better(a) = a &lt; best·(1 − threshold)       mode "min", thresholdMode "rel"
 *           = a &lt; best − threshold           mode "min", thresholdMode "abs"
 *           = a &gt; best·(1 + threshold)       mode "max", thresholdMode "rel"
 *           = a &gt; best + threshold           mode "max", thresholdMode "abs"
 * step(a):  if better(a): best ← a, bad ← 0  else bad ← bad + 1
 *           if cooldownCounter &gt; 0: cooldownCounter ← cooldownCounter − 1, bad ← 0
 *           if bad &gt; patience:  for each group: η′ = max(η·factor, minLr), applied if η − η′ &gt; eps
 *                               cooldownCounter ← cooldown, bad ← 0
 * </pre>
 * best starts at +∞ ("min") or −∞ ("max"). Defaults: mode "min", factor 0.1, patience 10,
 * threshold 1e-4, thresholdMode "rel", cooldown 0, minLr 0, eps 1e-8. Unlike the other schedules it does not
 * change the learning rate when it is created.
 * <pre>{@code
 * var sched = ReduceLROnPlateau.of(opt).factor(0.5).patience(3);
 * for (...) { train(opt); sched.step(validationLoss()); }
 * }</pre>
 */
public final class ReduceLROnPlateau implements ResumableScheduler {
    private final BaseOptimizer<?> optimizer;
    private String mode = "min";
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private String thresholdMode = "rel";
    private int cooldown = 0;
    private double minLr = 0;
    private double eps = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private int numBadEpochs;
    private int cooldownCounter;
    private int stepCount;

    private ReduceLROnPlateau(BaseOptimizer<?> optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("ReduceLROnPlateau.of: optimizer is null");
        }
        this.optimizer = optimizer;
    }

    /** A ReduceLROnPlateau with torch's defaults bound to {@code optimizer}. */
    public static ReduceLROnPlateau of(BaseOptimizer<?> optimizer) {
        return new ReduceLROnPlateau(optimizer);
    }

    /** Sets the mode, {@code "min"} (the metric should fall: a loss) or {@code "max"} (an accuracy); resets best. */
    public ReduceLROnPlateau mode(String mode) {
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.mode must be \"min\" or \"max\", got "
                    + Format.quoted(mode));
        }
        this.mode = mode;
        this.best = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return this;
    }

    /** Sets the factor ∈ (0, 1) by which the learning rate is multiplied. */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.factor must be in (0, 1), got " + Format.repr(factor));
        }
        this.factor = factor;
        return this;
    }

    /** Sets how many steps ≥ 0 without improvement are tolerated before the learning rate is reduced. */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = Args.nonNegative("ReduceLROnPlateau.patience", patience);
        return this;
    }

    /** Sets the threshold ≥ 0 an improvement must exceed (relative or absolute, see {@link #thresholdMode}). */
    public ReduceLROnPlateau threshold(double threshold) {
        this.threshold = Args.nonNegative("ReduceLROnPlateau.threshold", threshold);
        return this;
    }

    /** Sets whether the threshold is relative ({@code "rel"}: best·(1 ∓ threshold)) or absolute ({@code "abs"}). */
    public ReduceLROnPlateau thresholdMode(String thresholdMode) {
        if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.thresholdMode must be \"rel\" or \"abs\", got "
                    + Format.quoted(thresholdMode));
        }
        this.thresholdMode = thresholdMode;
        return this;
    }

    /** Sets how many steps ≥ 0 to wait after a reduction before counting bad steps again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = Args.nonNegative("ReduceLROnPlateau.cooldown", cooldown);
        return this;
    }

    /** Sets the lower bound ≥ 0 of every group's learning rate. */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = Args.nonNegative("ReduceLROnPlateau.minLr", minLr);
        return this;
    }

    /** Sets eps ≥ 0: reductions smaller than eps are skipped. */
    public ReduceLROnPlateau eps(double eps) {
        this.eps = Args.nonNegative("ReduceLROnPlateau.eps", eps);
        return this;
    }

    /** Records the metric of this epoch and reduces the learning rates if it has not improved for too long. */
    public void step(double metric) {
        if (Double.isNaN(metric)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.step: the metric is NaN; a NaN is never better or"
                    + " worse than the best, so it would count as a bad epoch and cut the learning rate: find where it"
                    + " came from (a validation set with values that are not finite, or a run that diverged)");
        }
        stepCount++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (ParamGroup group : groups) {
                double newLr = Math.max(group.lr() * factor, minLr);
                if (group.lr() - newLr > eps) {
                    group.lr(newLr);
                }
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
    }

    /** The same as {@link #step(double)}: a training loop steps it after every epoch with the metric it watches. */
    @Override
    public void afterEpoch(double metric) {
        step(metric);
    }

    /** The current learning rate of the optimizer's first parameter group. */
    public double lr() {
        return optimizer.lr();
    }

    /** The best metric so far (+∞ in mode "min", −∞ in mode "max", before the first step). */
    public double best() {
        return best;
    }

    /** The number of steps since the last improvement (or reduction, or cooldown step). */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** The number of cooldown steps left. */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** How many times {@link #step(double)} has been called. */
    public int stepCount() {
        return stepCount;
    }

    /** The best metric, the bad epochs, the cooldown left and the step count, as plain data. */
    @Override
    public SchedulerState state() {
        return new SchedulerState.Plateau(best, numBadEpochs, cooldownCounter, stepCount);
    }

    /** Puts back a {@link #state()}: the next {@link #step(double)} is the one that followed it. */
    @Override
    public void restore(SchedulerState state) {
        if (!(state instanceof SchedulerState.Plateau plateau)) {
            throw new IllegalArgumentException("ReduceLROnPlateau.restore: expected the state of a ReduceLROnPlateau,"
                    + " a SchedulerState.Plateau, got " + state);
        }
        Args.nonNegative("ReduceLROnPlateau.restore: numBadEpochs", plateau.numBadEpochs());
        Args.nonNegative("ReduceLROnPlateau.restore: cooldownCounter", plateau.cooldownCounter());
        Args.nonNegative("ReduceLROnPlateau.restore: stepCount", plateau.stepCount());
        best = plateau.best();
        numBadEpochs = plateau.numBadEpochs();
        cooldownCounter = plateau.cooldownCounter();
        stepCount = plateau.stepCount();
    }

    /** The optimizer whose learning rates this schedule reduces. */
    @Override
    public BaseOptimizer<?> optimizer() {
        return optimizer;
    }

    /**
     * The settings and the state, e.g.
     * {@code ReduceLROnPlateau(mode=min, factor=0.5, patience=3, ..., best=0.3, numBadEpochs=1, cooldownCounter=0)}.
     */
    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode + ", factor=" + Format.repr(factor) + ", patience=" + patience
                + ", threshold=" + Format.repr(threshold) + ", thresholdMode=" + thresholdMode + ", cooldown=" + cooldown
                + ", minLr=" + Format.repr(minLr) + ", eps=" + Format.repr(eps) + ", best=" + Format.repr(best)
                + ", numBadEpochs=" + numBadEpochs + ", cooldownCounter=" + cooldownCounter + ")";
    }

    private boolean isBetter(double a) {
        boolean relative = thresholdMode.equals("rel");
        if (mode.equals("min")) {
            return relative ? a < best * (1.0 - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1.0) : a > best + threshold;
    }

}
