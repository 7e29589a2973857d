package gd.optim;

import gd.nn.Parameter;
import gd.util.Args;
import java.util.List;

/**
 * What {@link AdaGrad}, {@link RmsProp} and the {@link AdamFamily} share: each coordinate's step is divided by
 * a running measure of the size of its gradients plus a small ε, which keeps the division finite. Each
 * subclass states its own update rule and where ε enters it.
 *
 * @param <O> the optimizer itself, so that the setters return it for chaining
 */
public abstract class AdaptiveOptimizer<O extends AdaptiveOptimizer<O>> extends BaseOptimizer<O> {
    private double eps;

    /** The first group: {@code params} with the subclass's default η, λ and ε. */
    protected AdaptiveOptimizer(List<Parameter> params, double lr, double weightDecay, double eps) {
        super(params, lr, weightDecay);
        this.eps = eps;
    }

    /** The ε added to the denominator. */
    public final double eps() {
        return eps;
    }

    /**
     * Sets ε &gt; 0, added to the denominator so that it is never zero (see the class's update rule): with ε = 0 a
     * coordinate whose gradients have all been 0 divides 0 by 0, and its weight becomes NaN.
     */
    public final O eps(double eps) {
        this.eps = Args.positive(name() + ".eps", eps);
        return self();
    }
}
