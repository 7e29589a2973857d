package gd.optim;

import gd.nn.Parameter;
import gd.util.Args;
import gd.util.Format;
import java.util.List;

/**
 * A set of parameters that share a learning rate: torch's {@code param_group}. An optimizer has one
 * group per {@code of}/{@link BaseOptimizer#addParamGroup addParamGroup} call; layer-specific learning
 * rates are groups with different {@link #lr()}.
 *
 * <p>A learning-rate schedule reads the group's {@link #initialLr()} (recorded once, when the first
 * schedule is attached, as torch's {@code initial_lr}) and writes {@link #lr(double)} at every step.
 */
public final class ParamGroup {
    private final String name;
    private final List<Parameter> params;
    private double lr;
    private double initialLr = Double.NaN;

    ParamGroup(String name, List<Parameter> params, double lr) {
        this.name = name;
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /** The parameters, in the order they were given. */
    public List<Parameter> params() {
        return params;
    }

    /** The learning rate η used by the next step. */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate (non-negative) used from the next step on. */
    public ParamGroup lr(double lr) {
        this.lr = Args.nonNegative(name + ".lr", lr);
        return this;
    }

    /**
     * The learning rate recorded when the first schedule was attached to the optimizer (torch's
     * {@code initial_lr}), or NaN if no schedule has been attached.
     */
    public double initialLr() {
        return initialLr;
    }

    /**
     * Records the current learning rate as {@link #initialLr()} unless one is recorded already (torch's
     * {@code group.setdefault('initial_lr', group['lr'])}), and returns the recorded value. Schedules call
     * this when they are created; every later schedule therefore starts from the same base learning rate.
     */
    public double recordInitialLr() {
        if (Double.isNaN(initialLr)) {
            initialLr = lr;
        }
        return initialLr;
    }

    /** Sets the recorded initial learning rate (NaN: none), when an optimizer's state is restored. */
    void initialLr(double initialLr) {
        this.initialLr = initialLr;
    }

    /** The number of parameters and the learning rate, e.g. {@code ParamGroup(2 parameters, lr=0.1)}. */
    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + (params.size() == 1 ? " parameter" : " parameters") + ", lr="
                + Format.repr(lr) + ")";
    }
}
