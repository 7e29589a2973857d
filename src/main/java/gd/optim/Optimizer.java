package gd.optim;

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
 */
@FunctionalInterface
public interface Optimizer {
    /** Updates every parameter in place from its current gradient. */
    void step();
}
