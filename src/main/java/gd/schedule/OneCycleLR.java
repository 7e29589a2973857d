package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * The one-cycle policy: the learning rate rises from maxLr/divFactor to maxLr, then falls far below the
 * start, while the momentum (β₁ for the Adam family) moves the opposite way, as
 * {@code torch.optim.lr_scheduler.OneCycleLR}. Step it after every batch.
 * <pre>
 * η_initial = maxLr / divFactor,   η_min = η_initial / finalDivFactor
 * e₁ = pctStart·totalSteps − 1,     e₂ = totalSteps − 1
 * t ≤ e₁:  η = anneal(η_initial → maxLr, t/e₁),          μ = anneal(maxMomentum → baseMomentum, t/e₁)
 * t &gt; e₁:  η = anneal(maxLr → η_min, (t−e₁)/(e₂−e₁)),  μ = anneal(baseMomentum → maxMomentum, same)
 * anneal(a → b, p) = b + (a − b)/2 · (cos(π·p) + 1)       ("cos", default)
 *                  = (b − a)·p + a                       ("linear")
 * </pre>
 * With {@code threePhase(true)} the phases are: rise to maxLr until e₁, fall back to η_initial until
 * 2·pctStart·totalSteps − 2, then fall to η_min (momentum: down, up, constant at maxMomentum).
 * Defaults: pctStart = 0.3, "cos", cycleMomentum on, baseMomentum = 0.85, maxMomentum = 0.95,
 * divFactor = 25, finalDivFactor = 1e4, threePhase off; maxLr and totalSteps are required.
 * Like torch, the schedule ignores the optimizer's own learning rate (maxLr is the same for every group),
 * overwrites the momentum with maxMomentum when it is created, and refuses to step more than totalSteps
 * times. torch computes the same formula directly (no recursion).
 * Leslie Smith, <a href="https://arxiv.org/abs/1708.07120">Super-Convergence (2018)</a>.
 * <pre>{@code
 * var sched = OneCycleLR.of(opt).maxLr(0.1).totalSteps(epochs * batchesPerEpoch);
 * }</pre>
 */
public final class OneCycleLR extends LRScheduler {
    private double maxLr = Double.NaN;
    private int totalSteps;
    private double pctStart = 0.3;
    private String annealStrategy = "cos";
    private boolean cycleMomentum = true;
    private double baseMomentum = 0.85;
    private double maxMomentum = 0.95;
    private double divFactor = 25.0;
    private double finalDivFactor = 1e4;
    private boolean threePhase = false;

    private OneCycleLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
    }

    /** A OneCycleLR bound to {@code optimizer}; set {@link #maxLr(double)} and {@link #totalSteps(int)} next. */
    public static OneCycleLR of(BaseOptimizer<?> optimizer) {
        return new OneCycleLR(optimizer);
    }

    /** Sets the peak learning rate maxLr &gt; 0. */
    public OneCycleLR maxLr(double maxLr) {
        this.maxLr = Args.positive("OneCycleLR.maxLr", maxLr);
        reapply();
        return this;
    }

    /** Sets the number of steps (&gt; 0) of the whole cycle: epochs × batches per epoch. */
    public OneCycleLR totalSteps(int totalSteps) {
        this.totalSteps = Args.positive("OneCycleLR.totalSteps", totalSteps);
        reapply();
        return this;
    }

    /** Sets the fraction pctStart ∈ (0, 1) of the cycle spent raising the learning rate (at 0 or 1 a phase has no steps). */
    public OneCycleLR pctStart(double pctStart) {
        this.pctStart = Args.inOpenUnitInterval("OneCycleLR.pctStart", pctStart);
        reapply();
        return this;
    }

    /** Sets how the values move between phase ends: {@code "cos"} (default) or {@code "linear"}. */
    public OneCycleLR annealStrategy(String annealStrategy) {
        if (!"cos".equals(annealStrategy) && !"linear".equals(annealStrategy)) {
            throw new IllegalArgumentException("OneCycleLR.annealStrategy must be \"cos\" or \"linear\", got "
                    + (annealStrategy == null ? "null" : "\"" + annealStrategy + "\""));
        }
        this.annealStrategy = annealStrategy;
        reapply();
        return this;
    }

    /** Turns momentum (β₁) cycling on (default) or off; off is needed for optimizers without momentum. */
    public OneCycleLR cycleMomentum(boolean cycleMomentum) {
        this.cycleMomentum = cycleMomentum;
        reapply();
        return this;
    }

    /** Sets the lowest momentum ∈ [0, 1), reached when the learning rate peaks. */
    public OneCycleLR baseMomentum(double baseMomentum) {
        this.baseMomentum = momentumValue("OneCycleLR.baseMomentum", baseMomentum);
        reapply();
        return this;
    }

    /** Sets the highest momentum ∈ [0, 1), at the start and the end of the cycle. */
    public OneCycleLR maxMomentum(double maxMomentum) {
        this.maxMomentum = momentumValue("OneCycleLR.maxMomentum", maxMomentum);
        reapply();
        return this;
    }

    /** Sets divFactor &gt; 0: the cycle starts at maxLr / divFactor. */
    public OneCycleLR divFactor(double divFactor) {
        this.divFactor = Args.positive("OneCycleLR.divFactor", divFactor);
        reapply();
        return this;
    }

    /** Sets finalDivFactor &gt; 0: the cycle ends at maxLr / divFactor / finalDivFactor. */
    public OneCycleLR finalDivFactor(double finalDivFactor) {
        this.finalDivFactor = Args.positive("OneCycleLR.finalDivFactor", finalDivFactor);
        reapply();
        return this;
    }

    /** Chooses three phases (up, back down to the start, then annihilation) instead of two. */
    public OneCycleLR threePhase(boolean threePhase) {
        this.threePhase = threePhase;
        reapply();
        return this;
    }

    /** The momentum (or β₁) after {@code step} steps; pure, like {@link #lrAt(int)}. */
    public double momentumAt(int step) {
        requireConfigured("momentumAt");
        checkStep("momentumAt", step);
        return schedule(Double.NaN).momentum(step);
    }

    /** Advances one step; past totalSteps this is an IllegalStateException, as in torch. */
    @Override
    public void step() {
        if (missing() == null && stepCount() + 1 > totalSteps) {
            throw new IllegalStateException("OneCycleLR.step: Tried to step " + (stepCount() + 1)
                    + " times. The specified number of total steps is " + totalSteps);
        }
        super.step();
    }

    /** {@link Schedule#oneCycle} with these settings; its rates are absolute, so the base learning rate plays no part. */
    @Override
    protected Schedule.OneCycle schedule(double baseLr) {
        return new Schedule.OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum,
                maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /** Steps 0 … totalSteps. */
    @Override
    protected void checkStep(String operation, int step) {
        if (step < 0 || step > totalSteps) {
            throw new IllegalArgumentException("OneCycleLR." + operation + ": step " + step + " is outside 0…"
                    + totalSteps + " (totalSteps)");
        }
    }

    @Override
    protected String momentumAdvice() {
        return "call .cycleMomentum(false) before maxLr and totalSteps";
    }

    @Override
    protected String missing() {
        return Double.isNaN(maxLr) ? "maxLr" : totalSteps == 0 ? "totalSteps" : null;
    }

    /** The settings and the step count. */
    @Override
    public String toString() {
        return "OneCycleLR(maxLr=" + (Double.isNaN(maxLr) ? "unset" : Format.repr(maxLr)) + ", totalSteps="
                + (totalSteps == 0 ? "unset" : totalSteps) + ", pctStart=" + Format.repr(pctStart) + ", annealStrategy="
                + annealStrategy + ", cycleMomentum=" + cycleMomentum + ", baseMomentum=" + Format.repr(baseMomentum)
                + ", maxMomentum=" + Format.repr(maxMomentum) + ", divFactor=" + Format.repr(divFactor) + ", finalDivFactor="
                + Format.repr(finalDivFactor) + ", threePhase=" + threePhase + ", step=" + stepCount() + ")";
    }

    private static double momentumValue(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + Format.repr(value));
        }
        return value;
    }
}
