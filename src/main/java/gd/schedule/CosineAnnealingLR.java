package gd.schedule;

import gd.optim.BaseOptimizer;
import gd.util.Args;
import gd.util.Format;

/**
 * Anneals the learning rate from η₀ to ηmin along half a cosine over {@code tMax} steps, as
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}.
 * <pre>
 * ηₜ = ηmin + (η₀ − ηmin) · (1 + cos(π·t / tMax)) / 2
 * </pre>
 * Defaults: ηmin = 0; {@code tMax} is required. Past {@code tMax} the cosine continues (the rate rises
 * again), as in torch. torch computes the same curve recursively,
 * ηₜ = ηmin + (ηₜ₋₁ − ηmin)·(1 + cos(π·t/tMax)) / (1 + cos(π·(t−1)/tMax)), which differs from this closed
 * form in the last bits (3.5e-17 over 100 steps). Loshchilov &amp; Hutter,
 * <a href="https://arxiv.org/abs/1608.03983">SGDR: Stochastic Gradient Descent with Warm Restarts (2017)</a>.
 * <pre>{@code
 * var sched = CosineAnnealingLR.of(opt).tMax(100).etaMin(1e-3);
 * }</pre>
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin = 0;

    private CosineAnnealingLR(BaseOptimizer<?> optimizer) {
        super(optimizer);
        reapply();
    }

    /** A CosineAnnealingLR bound to {@code optimizer}; set {@link #tMax(int)} next. */
    public static CosineAnnealingLR of(BaseOptimizer<?> optimizer) {
        return new CosineAnnealingLR(optimizer);
    }

    /** Sets the number of steps (&gt; 0) of the half cosine, from η₀ down to ηmin. */
    public CosineAnnealingLR tMax(int tMax) {
        this.tMax = Args.positive("CosineAnnealingLR.tMax", tMax);
        reapply();
        return this;
    }

    /** Sets the final learning rate ηmin ≥ 0. */
    public CosineAnnealingLR etaMin(double etaMin) {
        this.etaMin = Args.nonNegative("CosineAnnealingLR.etaMin", etaMin);
        reapply();
        return this;
    }

    @Override
    protected Schedule schedule(double baseLr) {
        return new Schedule.Cosine(baseLr, tMax, etaMin);
    }

    @Override
    protected String missing() {
        return tMax == 0 ? "tMax" : null;
    }

    /** The settings and the step count, e.g. {@code CosineAnnealingLR(tMax=100, etaMin=0.001, step=0)}. */
    @Override
    public String toString() {
        return "CosineAnnealingLR(tMax=" + (tMax == 0 ? "unset" : tMax) + ", etaMin=" + Format.repr(etaMin) + ", step="
                + stepCount() + ")";
    }
}
