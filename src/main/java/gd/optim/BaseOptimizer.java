package gd.optim;

import gd.matrix.Matrix;
import gd.matrix.Parallel;
import gd.nn.Parameter;
import gd.util.Args;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the library's optimizers share, as in torch's {@code torch.optim.Optimizer}: parameter groups with
 * their own learning rates, the weight decay λ, per-parameter state, {@link #zeroGrad()} and a {@link #step()}
 * that visits every parameter of every group.
 *
 * <p>Layer-specific learning rates are parameter groups:
 * <pre>{@code
 * var opt = Sgd.of(body.parameters()).lr(0.1).momentum(0.9)
 *              .addParamGroup(head.parameters(), 0.01);   // torch: add_param_group({'params': ..., 'lr': 0.01})
 * }</pre>
 * {@link #lr(double)} sets the learning rate of every group; {@link ParamGroup#lr(double)} sets one.
 *
 * <p>Below it: {@link Sgd}, and the {@link AdaptiveOptimizer}s ({@link AdaGrad}, {@link RmsProp} and the
 * {@link AdamFamily}); the package documentation draws the whole tree with the hyper-parameters each level holds.
 *
 * @param <O> the optimizer class itself, so that the fluent setters return it
 */
public abstract class BaseOptimizer<O extends BaseOptimizer<O>> implements Optimizer {
    /** Steps between two sweeps of the running averages for subnormal numbers. */
    protected static final int SWEEP_EVERY = 32;
    /** The cost of one element's update relative to a multiply-add, for deciding when to use threads. */
    private static final long WORK_PER_ELEMENT = 8;

    private final List<ParamGroup> groups = new ArrayList<>();
    private double weightDecay;
    private long steps;

    /**
     * The first group: {@code params} with learning rate {@code lr}, and weight decay {@code weightDecay} (the
     * subclass's defaults).
     */
    protected BaseOptimizer(List<Parameter> params, double lr, double weightDecay) {
        addGroup("of", params, lr);
        this.weightDecay = weightDecay;
    }

    // ---------------------------------------------------------------- learning rate and groups

    /** The learning rate of the first group. */
    public final double lr() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate η (non-negative) of every group. */
    public final O lr(double lr) {
        Args.nonNegative(name() + ".lr", lr);
        for (ParamGroup group : groups) {
            group.lr(lr);
        }
        return self();
    }

    /**
     * Adds a group of parameters with its own learning rate (torch's {@code add_param_group}). The
     * parameters must not be in another group already.
     */
    public final O addParamGroup(List<Parameter> params, double lr) {
        addGroup("addParamGroup", params, lr);
        return self();
    }

    /** The parameter groups, first the one from {@code of}, then one per {@link #addParamGroup}. */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Every parameter of every group, in order. */
    public final List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (ParamGroup group : groups) {
            all.addAll(group.params());
        }
        return all;
    }

    /** Sets the gradient of every parameter to zero. */
    public final void zeroGrad() {
        for (ParamGroup group : groups) {
            List<Parameter> params = group.params();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).zeroGrad();
            }
        }
    }

    // ---------------------------------------------------------------- weight decay

    /** The weight decay λ (0: none). */
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * Sets the weight decay λ ≥ 0: added to the gradient as λ·θ (L2 weight decay) or, where the class's update
     * rule says decoupled ({@link AdamW}), applied as θ ← θ·(1 − η·λ) before the step.
     */
    public final O weightDecay(double weightDecay) {
        this.weightDecay = Args.nonNegative(name() + ".weightDecay", weightDecay);
        return self();
    }

    // ---------------------------------------------------------------- the step

    /** Updates every parameter of every group with that group's learning rate. */
    @Override
    public final void step() {
        steps++;
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            List<Parameter> params = group.params();
            for (int i = 0; i < params.size(); i++) {
                update(params.get(i), group.lr());
            }
        }
    }

    /** The update rule for one parameter, with its group's learning rate {@code lr}. */
    protected abstract void update(Parameter p, double lr);

    // ---------------------------------------------------------------- state

    /**
     * A snapshot of the optimizer's state for {@code p}, under torch's names ({@code step},
     * {@code momentum_buffer}, {@code exp_avg}, {@code exp_avg_sq}, ...); buffers are copies. Empty before
     * the first step and for optimizers without state (plain SGD), as in torch.
     */
    public final Map<String, Object> state(Parameter p) {
        for (ParamGroup group : groups) {
            for (Parameter held : group.params()) {
                if (held.value() == p.value()) {
                    return stateOf(held);
                }
            }
        }
        throw new IllegalArgumentException(name() + ".state: parameter " + p.name() + " is not optimized by this "
                + name());
    }

    /** The state snapshot for a parameter of this optimizer (see {@link #state(Parameter)}). */
    protected abstract Map<String, Object> stateOf(Parameter p);

    /**
     * Everything this optimizer has changed by stepping, as plain data (torch's {@code state_dict()}): the step
     * count, each group's learning rates, and a copy of every parameter's {@link #state(Parameter) state}.
     */
    @Override
    public final OptimizerState state() {
        List<OptimizerState.Group> groupStates = new ArrayList<>();
        List<Map<String, Object>> parameterStates = new ArrayList<>();
        for (ParamGroup group : groups) {
            groupStates.add(new OptimizerState.Group(group.params().size(), group.lr(), group.initialLr()));
            for (Parameter p : group.params()) {
                parameterStates.add(stateOf(p));
            }
        }
        return new OptimizerState(name(), steps, groupStates, parameterStates);
    }

    /**
     * Puts back a {@link #state()} of an optimizer of this class with groups of the same sizes and parameters of
     * the same shapes (this one, or the one of an earlier run): the next step is the one that followed it. The
     * hyper-parameters stay as this optimizer has them.
     */
    @Override
    public final void restore(OptimizerState state) {
        String where = name() + ".restore";
        if (state == null || !state.optimizer().equals(name())) {
            throw new IllegalArgumentException(where + ": expected a state from " + name() + ".state(), got "
                    + (state == null ? "null" : "one from " + state.optimizer() + ".state()"));
        }
        List<Parameter> params = parameters();
        List<Integer> sizes = groups.stream().map(g -> g.params().size()).toList();
        List<Integer> savedSizes = state.groups().stream().map(OptimizerState.Group::size).toList();
        if (!sizes.equals(savedSizes) || state.parameters().size() != params.size()) {
            throw new IllegalArgumentException(where + ": the state has parameter groups of " + savedSizes
                    + " parameters, this optimizer of " + sizes + "; create it with the same groups");
        }
        for (int i = 0; i < params.size(); i++) {
            checkParameterState(where, params.get(i), state.parameters().get(i));
        }
        steps = state.steps();
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(state.groups().get(g).lr());
            groups.get(g).initialLr(state.groups().get(g).initialLr());
        }
        for (int i = 0; i < params.size(); i++) {
            restoreState(params.get(i), state.parameters().get(i));
        }
    }

    /**
     * Puts back the state of one parameter of this optimizer from {@link #stateOf} (empty: as before its first
     * step). The values have the types and shapes {@link OptimizerState#parameters()} describes.
     */
    protected abstract void restoreState(Parameter p, Map<String, Object> saved);

    /** A copy of the matrix saved under {@code key}, or null when the saved state has none. */
    protected static Matrix copyOf(Map<String, Object> saved, String key) {
        return saved.get(key) instanceof Matrix m ? m.copy() : null;
    }

    /** The value saved under {@code key}, which a non-empty state of this optimizer always has. */
    protected final Object required(Parameter p, Map<String, Object> saved, String key) {
        Object value = saved.get(key);
        if (value == null) {
            throw new IllegalArgumentException(name() + ".restore: the state of parameter " + p.name() + " has no "
                    + key + " (it has " + saved.keySet() + "); expected a state from " + name() + ".state()");
        }
        return value;
    }

    /** Refuses a value of the wrong type, or a matrix of another shape than the parameter's. */
    private static void checkParameterState(String where, Parameter p, Map<String, Object> saved) {
        for (Map.Entry<String, Object> entry : saved.entrySet()) {
            Object value = entry.getValue();
            boolean fits = switch (entry.getKey()) {
                case "step" -> value instanceof Integer;
                case "mu_product" -> value instanceof Double;
                default -> value instanceof Matrix m && m.sameShape(p.value());
            };
            if (!fits) {
                throw new IllegalArgumentException(where + ": parameter " + p.name() + " is " + p.value().shape()
                        + " but its saved " + entry.getKey() + " is " + (value instanceof Matrix m ? m.shape()
                        : value == null ? "null" : "a " + value.getClass().getSimpleName()) + "; restore the state"
                        + " into an optimizer of the same model");
            }
        }
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /** The class name used in messages and {@code toString()}, e.g. {@code Adam}. */
    protected final String name() {
        return getClass().getSimpleName();
    }

    /** The learning rate as {@code toString()} shows it: one number, or one per group in brackets. */
    protected final String lrText() {
        if (groups.size() == 1) {
            return Format.repr(lr());
        }
        StringBuilder s = new StringBuilder("[");
        for (int g = 0; g < groups.size(); g++) {
            s.append(g == 0 ? "" : ", ").append(Format.repr(groups.get(g).lr()));
        }
        return s.append(']').toString();
    }

    /**
     * Linear interpolation a + w·(b − a) exactly as torch's {@code lerp} computes it: that formula for
     * |w| &lt; 0.5, and b − (b − a)·(1 − w) otherwise.
     */
    protected static double lerp(double a, double b, double w) {
        return Math.abs(w) < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
    }

    /**
     * Runs {@code rows} over all rows of {@code theta}, split between the matrix kernels' threads when the
     * parameter is large ({@link Parallel#forRows}). Every element's update depends on that element alone,
     * so the result is the same for any number of threads.
     */
    protected static void forRows(Matrix theta, Parallel.RowRange rows) {
        Parallel.forRows(theta.rows(), theta.cols() * WORK_PER_ELEMENT, rows);
    }

    /**
     * Whether this step sweeps the running averages for subnormal numbers ({@link #flushSubnormals}): every
     * {@value #SWEEP_EVERY}th call of {@link #step()}.
     */
    protected final boolean sweepsSubnormals() {
        return steps % SWEEP_EVERY == 0;
    }

    /**
     * Sets the elements of {@code values} below {@link Double#MIN_NORMAL} (≈ 2.2e-308) in magnitude to zero.
     * A running average of a gradient that stays exactly zero (an MNIST border pixel) decays geometrically
     * into the subnormal range, where x86 arithmetic on it is about ten times slower; flushing changes the
     * average by less than 2.3e-308 and keeps later steps fast. Optimizers call this on each row of their
     * running averages after the update loop (which stays simple enough to be vectorised), on the steps where
     * {@link #sweepsSubnormals()} holds: a number left alone needs about 340 steps of decay by 0.9 to pass
     * through the subnormal range, so a sweep every {@value #SWEEP_EVERY} steps removes almost all of that
     * slow arithmetic at a small fraction of the cost of sweeping every step.
     */
    protected static void flushSubnormals(double[] values) {
        for (int j = 0; j < values.length; j++) {
            if (Math.abs(values[j]) < Double.MIN_NORMAL) {
                values[j] = 0;
            }
        }
    }

    /** This optimizer as its own class, for the fluent setters. */
    @SuppressWarnings("unchecked")
    protected final O self() {
        return (O) this;
    }

    private void addGroup(String operation, List<Parameter> params, double lr) {
        String where = name() + "." + operation;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(where + ": got an empty parameter list");
        }
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException(where + ": parameter " + i + " is null");
            }
            for (int j = 0; j < i; j++) {
                if (params.get(j).value() == p.value()) {
                    throw new IllegalArgumentException(where + ": parameter " + p.name() + " appears twice");
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                for (Parameter held : groups.get(g).params()) {
                    if (held.value() == p.value()) {
                        throw new IllegalArgumentException(where + ": parameter " + p.name()
                                + " is already in parameter group " + g);
                    }
                }
            }
        }
        Args.nonNegative(name() + ".lr", lr);
        groups.add(new ParamGroup(name() + ".paramGroups[" + groups.size() + "]", params, lr));
    }
}
