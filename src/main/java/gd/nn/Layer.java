package gd.nn;

import gd.matrix.Matrix;
import java.util.List;

/**
 * One step of a network: a function of a batch (one example per row) with a hand-written derivative.
 *
 * <p>{@code forward} remembers what {@code backward} needs. {@code backward} takes ∂L/∂output,
 * <em>adds</em> ∂L/∂parameter into each parameter's gradient and returns ∂L/∂input.
 * Calling {@code backward} before {@code forward} is an {@link IllegalStateException}.
 */
public interface Layer {
    /** The output for a batch of inputs. */
    Matrix forward(Matrix input);

    /** Given ∂L/∂output of the last forward call, accumulates parameter gradients and returns ∂L/∂input. */
    Matrix backward(Matrix gradOutput);

    /**
     * Like {@link #backward}, for a caller that has no use for ∂L/∂input (the first layer of a network,
     * whose input is the data): a layer may skip that work. By default it calls {@code backward}.
     */
    default void backwardParametersOnly(Matrix gradOutput) {
        backward(gradOutput);
    }

    /** The trainable parameters (none by default). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Switches between training behaviour (dropout on, batch statistics) and evaluation; default: no difference. */
    default void train(boolean training) {
    }

    /** Training mode, as torch's {@code model.train()}: the same as {@code train(true)}. */
    default void train() {
        train(true);
    }

    /** Evaluation mode, as torch's {@code model.eval()}: the same as {@code train(false)}. */
    default void eval() {
        train(false);
    }

    /** The layers this one is made of, in order (a container's children); none by default. */
    default List<Layer> children() {
        return List.of();
    }

    /**
     * State that is not trained by gradients but that forward passes change (torch's buffers, such as
     * {@code BatchNorm}'s running statistics), as live matrices; none by default. A gradient check saves
     * and restores them.
     */
    default List<Matrix> buffers() {
        return List.of();
    }

    /**
     * How many inputs of the last forward pass lie within {@code distance} of a point where this layer is
     * not differentiable (0 for ReLU). There a numeric derivative straddles the kink and is meaningless, so
     * a gradient check reports them. None by default.
     */
    default int inputsNearKink(double distance) {
        return 0;
    }

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }
}
