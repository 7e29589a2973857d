package gd.optim;

import gd.nn.Parameter;
import java.util.List;

/**
 * Anything that updates parameters from their gradients, one step at a time.
 *
 * <p>The training loop calls it in this order, once per batch:
 * <pre>
 * zero the gradients → forward → loss → backward (gradients accumulate) → optimizer.step()
 * </pre>
 * The library's optimizers ({@link Sgd}, {@link Adam}, ...) extend {@link BaseOptimizer}; a learner can
 * also write one as a lambda, e.g. plain gradient descent θ ← θ − η·∇L:
 * <pre>{@code
 * Optimizer mine = () -> { for (Parameter p : params) p.value().plusScaledInPlace(-0.1, p.grad()); };
 * }</pre>
 * A lambda has no learning rate a schedule could set or a history could record ({@link #lr()} is NaN), does
 * not list its parameters ({@link #parameters()} is empty) and has no state a checkpoint could save
 * ({@link #state()} is null: variables it keeps of its own are not saved).
 */
@FunctionalInterface
public interface Optimizer {
    /** Updates every parameter in place from its current gradient. */
    void step();

    /** The learning rate the next step uses (of the first parameter group), or NaN if there is none to read. */
    default double lr() {
        return Double.NaN;
    }

    /** The parameters this optimizer updates, in order, or an empty list if it cannot say (a lambda). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Everything stepping has changed, as plain data ({@link BaseOptimizer#state()}), or null if it cannot say. */
    default OptimizerState state() {
        return null;
    }

    /** Puts back a {@link #state()} ({@link BaseOptimizer#restore}); an optimizer without one refuses. */
    default void restore(OptimizerState state) {
        throw new UnsupportedOperationException("Optimizer.restore: " + this + " has no state to restore; use one"
                + " of the library's optimizers");
    }
}
