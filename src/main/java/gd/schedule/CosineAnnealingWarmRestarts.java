package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Cosine annealing that restarts from η₀, with each period {@code tMult} times longer than the last, as
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}.
 * <pre>
 * periods T₀, T₀·m, T₀·m², ...             (m = tMult)
 * tcur = steps since the last restart,  Tᵢ = length of the current period
 * ηₜ = ηmin + (η₀ − ηmin) · (1 + cos(π·tcur / Tᵢ)) / 2
 * </pre>
 * Defaults: m = 1, ηmin = 0; T₀ is required. torch counts tcur and Tᵢ step by step; this computes them from
 * t with whole numbers, which gives the same values. Loshchilov &amp; Hutter,
 * <a href="https://arxiv.org/abs/1608.03983">SGDR: Stochastic Gradient Descent with Warm Restarts (2017)</a>.
 * <pre>{@code
 * var sched = CosineAnnealingWarmRestarts.of(opt).t0(20).tMult(2);   // restarts at 20, 60, 140, ...
 * }</pre>
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private int t0;
    private int tMult = 1;
    private double etaMin = 0;

    private CosineAnnealingWarmRestarts(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A CosineAnnealingWarmRestarts bound to {@code optimizer}; set {@link #t0(int)} next. */
    public static CosineAnnealingWarmRestarts of(BaseOptimizer<?> optimizer) {
        return new CosineAnnealingWarmRestarts(optimizer);
    }

    /** Sets the length T₀ &gt; 0 of the first period, in steps. */
    public CosineAnnealingWarmRestarts t0(int t0) {
        this.t0 = Args.positive("CosineAnnealingWarmRestarts.t0", t0);
        reapply();
        return this;
    }

    /** Sets the factor m ≥ 1 by which each period is longer than the previous one. */
    public CosineAnnealingWarmRestarts tMult(int tMult) {
        if (tMult < 1) {
            throw new IllegalArgumentException("CosineAnnealingWarmRestarts.tMult must be at least 1, got " + tMult);
        }
        this.tMult = tMult;
        reapply();
        return this;
    }

    /** Sets the lowest learning rate ηmin ≥ 0, reached at the end of each period. */
    public CosineAnnealingWarmRestarts etaMin(double etaMin) {
        this.etaMin = Args.nonNegative("CosineAnnealingWarmRestarts.etaMin", etaMin);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.WarmRestarts(baseLr, t0, tMult, etaMin);
    }

    @Override
    protected String missing() {
        return t0 == 0 ? "t0" : null;
    }

    /**
     * The settings and the step count, e.g. {@code CosineAnnealingWarmRestarts(t0=20, tMult=2, etaMin=0.0, step=0)}.
     */
    @Override
    public String toString() {
        return "CosineAnnealingWarmRestarts(t0=" + (t0 == 0 ? "unset" : t0) + ", tMult=" + tMult + ", etaMin="
                + Format.repr(etaMin) + ", step=" + stepCount() + ")";
    }
}
