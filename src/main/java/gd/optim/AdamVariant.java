package gd.optim;

import gd.nn.Parameter;
import java.util.List;

/**
 * What {@link NAdam} and {@link RAdam} add to the {@link AdamFamily}: a step rule of their own, and the
 * choice between L2 weight decay on the gradient (as {@link Adam}, the default) and decoupled weight decay (as
 * {@link AdamW}), torch's {@code decoupled_weight_decay}.
 *
 * @param <O> the optimizer itself, so that the setters return it for chaining
 */
public abstract class AdamVariant<O extends AdamVariant<O>> extends AdamFamily<O> {

    /** A variant on {@code params} (group 0) with the given default η, λ = 0 and coupled weight decay. */
    protected AdamVariant(List<Parameter> params, double lr) {
        super(params, lr, 0, false);
    }

    /** Chooses decoupled weight decay (as AdamW) or L2 weight decay on the gradient (as Adam). */
    public final O decoupledWeightDecay(boolean decoupled) {
        this.decoupledWeightDecay = decoupled;
        return self();
    }
}
