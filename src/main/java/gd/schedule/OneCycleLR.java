package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.optim.HasMomentum;
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

    /** Sets the fraction pctStart ∈ [0, 1] of the cycle spent raising the learning rate. */
    public OneCycleLR pctStart(double pctStart) {
        this.pctStart = Args.inRange("OneCycleLR.pctStart", pctStart, 0, 1);
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
        return at(step, true, "momentumAt");
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

    @Override
    protected double lrAt(double baseLr, int step) {
        return at(step, false, "lrAt");
    }

    @Override
    protected void apply(int step) {
        if (cycleMomentum && !(optimizer() instanceof HasMomentum)) {
            throw new IllegalArgumentException("OneCycleLR: " + optimizer().getClass().getSimpleName()
                    + " has no momentum or beta1 to cycle; call .cycleMomentum(false) before maxLr and totalSteps");
        }
        super.apply(step);
        if (cycleMomentum) {
            ((HasMomentum) optimizer()).momentumOrBeta1(at(step, true, "step"));
        }
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

    /** The learning rate (or the momentum) at {@code step}: find the phase, then anneal between its ends. */
    private double at(int step, boolean momentum, String operation) {
        if (step < 0 || step > totalSteps) {
            throw new IllegalArgumentException("OneCycleLR." + operation + ": step " + step + " is outside 0…"
                    + totalSteps + " (totalSteps)");
        }
        double initialLr = maxLr / divFactor;
        double minLr = initialLr / finalDivFactor;
        double[] ends;
        double[][] lrs;
        double[][] momenta;
        if (threePhase) {
            ends = new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1};
            lrs = new double[][] {{initialLr, maxLr}, {maxLr, initialLr}, {initialLr, minLr}};
            momenta = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum},
                {maxMomentum, maxMomentum}};
        } else {
            ends = new double[] {pctStart * totalSteps - 1, totalSteps - 1};
            lrs = new double[][] {{initialLr, maxLr}, {maxLr, minLr}};
            momenta = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum}};
        }
        int i = 0;
        double start = 0.0;
        while (i < ends.length - 1 && step > ends[i]) {
            start = ends[i];
            i++;
        }
        double pct = (step - start) / (ends[i] - start);
        double[] range = momentum ? momenta[i] : lrs[i];
        return anneal(range[0], range[1], pct);
    }

    private double anneal(double start, double end, double pct) {
        if (annealStrategy.equals("cos")) {
            return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
        }
        return (end - start) * pct + start;
    }

    private static double momentumValue(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + Format.repr(value));
        }
        return value;
    }
}
