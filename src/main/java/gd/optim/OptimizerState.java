package gd.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an optimizer changes by stepping, as plain data (torch's {@code optimizer.state_dict()}): taken by
 * {@link BaseOptimizer#state()} and put back, into the same optimizer or a new one with the same parameter groups,
 * by {@link BaseOptimizer#restore(OptimizerState)}. The hyper-parameters are not in it: they are the code that
 * builds the optimizer.
 * <pre>{@code
 * OptimizerState saved = opt.state();      // copies of every running average
 * ...
 * opt.restore(saved);                      // the next step is the one that followed the snapshot
 * }</pre>
 *
 * @param optimizer the optimizer's class, e.g. {@code "Adam"}
 * @param steps how many times {@code step()} has run; it times the sweep for subnormal numbers, which changes bits
 * @param groups each parameter group's size and learning rates
 * @param parameters each parameter's state, in the order of {@link BaseOptimizer#parameters()}, under torch's
 *                   names: {@code step} (an Integer), {@code mu_product} (a Double), and the running averages
 *                   ({@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq}, {@code momentum_buffer},
 *                   {@code sum}, {@code square_avg}, {@code grad_avg}) as matrices of the parameter's shape; empty
 *                   before the parameter's first step
 */
public record OptimizerState(String optimizer, long steps, List<Group> groups, List<Map<String, Object>> parameters) {

    /**
     * One parameter group's part of the state.
     *
     * @param size the number of parameters in the group
     * @param lr the learning rate of the next step (schedules change it)
     * @param initialLr the learning rate recorded when the first schedule was attached, or NaN (torch's
     *                  {@code initial_lr})
     */
    public record Group(int size, double lr, double initialLr) {
    }

    /** Keeps unmodifiable copies of the lists and maps (the matrices themselves are not copied). */
    public OptimizerState {
        groups = List.copyOf(groups);
        parameters = parameters.stream().map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
    }
}
