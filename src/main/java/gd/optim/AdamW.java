package gd.optim;

import gd.nn.Parameter;
import java.util.List;

/**
 * AdamW: {@link Adam} with decoupled weight decay, which shrinks the parameters directly instead of adding
 * λ·θ to the gradient, exactly as {@code torch.optim.AdamW}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * θ ← θ·(1 − η·λ)                          (decoupled weight decay)
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                      if amsgrad
 * d ← √v / √(1 − β₂ᵗ) + ε                  (√v̂max with amsgrad)
 * θ ← θ − η / (1 − β₁ᵗ) · m / d
 * </pre>
 * Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01, amsgrad off.
 * <a href="https://arxiv.org/abs/1711.05101">Loshchilov &amp; Hutter, Decoupled Weight Decay Regularization
 * (2019)</a>. PyTorch's variant, which this is, multiplies the decay by the learning rate η (the paper uses a
 * separate schedule multiplier) and adds ε to the bias-corrected root. The only difference from Adam is the
 * first line: with Adam's coupled decay, λ·θ would pass through the division by d and be rescaled per
 * coordinate.
 *
 * <p>Moments below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}), which
 * changes a moment by less than 2.3e-308 and a parameter by at most about η·2.3e-308/ε.
 * <pre>{@code
 * var opt = AdamW.of(model.parameters()).lr(1e-3).weightDecay(0.01);
 * }</pre>
 */
public final class AdamW extends BaseAdam<AdamW> {

    private AdamW(List<Parameter> params) {
        super(params, 0.01, true);
    }

    /** AdamW with torch's defaults (η = 0.001, β = (0.9, 0.999), λ = 0.01) on {@code params}, which become group 0. */
    public static AdamW of(List<Parameter> params) {
        return new AdamW(params);
    }
}
