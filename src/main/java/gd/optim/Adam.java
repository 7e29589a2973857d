package gd.optim;

import gd.nn.Parameter;
import java.util.List;

/**
 * Adam: momentum on the gradient, divided by a running root-mean-square of the gradient, both
 * bias-corrected, exactly as {@code torch.optim.Adam}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 (coupled L2 weight decay)
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                      if amsgrad
 * d ← √v / √(1 − β₂ᵗ) + ε                  (√v̂max with amsgrad)
 * θ ← θ − η / (1 − β₁ᵗ) · m / d
 * </pre>
 * Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0, amsgrad off.
 * <a href="https://arxiv.org/abs/1412.6980">Kingma &amp; Ba, Adam: A Method for Stochastic Optimization
 * (2015)</a>; amsgrad from <a href="https://openreview.net/forum?id=ryQu7f-RZ">Reddi, Kale &amp; Kumar,
 * On the Convergence of Adam and Beyond (2018)</a>. PyTorch's variant, which this is, adds ε to the
 * bias-corrected root √v̂ (the paper's "ε-hat" form differs slightly) and adds weight decay to the gradient;
 * for decoupled weight decay use {@link AdamW}.
 *
 * <p>Moments below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}): when a
 * gradient stays exactly zero for thousands of steps the moments would otherwise decay into slow subnormal
 * numbers. This changes a moment by less than 2.3e-308 and a parameter by at most about η·2.3e-308/ε.
 * <pre>{@code
 * var opt = Adam.of(model.parameters()).lr(1e-3).betas(0.9, 0.999);
 * }</pre>
 */
public final class Adam extends BaseAdam<Adam> {

    private Adam(List<Parameter> params) {
        super(params, 0, false);
    }

    /** Adam with torch's defaults (η = 0.001, β = (0.9, 0.999)) on {@code params}, which become group 0. */
    public static Adam of(List<Parameter> params) {
        return new Adam(params);
    }
}
