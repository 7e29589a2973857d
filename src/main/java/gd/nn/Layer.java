package gd.nn;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.ArrayList;
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

    /**
     * Switches between training behaviour (dropout on, batch statistics) and evaluation; default: no difference.
     * A layer that behaves differently in the two modes keeps its mode and reports it with {@link #training()}.
     */
    default void train(boolean training) {
    }

    /**
     * Whether the layer is in training mode, as torch's {@code module.training}: the mode last set with
     * {@link #train(boolean)}. A layer that behaves the same in both modes (Dense, ReLU, ...) keeps no mode and
     * answers true; containers keep their own.
     */
    default boolean training() {
        return true;
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

    /**
     * Whether this layer's next forward pass draws random numbers (a {@link Dropout} in training mode whose mask
     * is not fixed). Numeric derivatives through such a layer are noise, so a gradient check first holds them
     * fixed with {@link #fixRandomness}. False by default.
     */
    default boolean random() {
        return false;
    }

    /**
     * Makes training forward passes reuse the random numbers drawn last (true) or draw new ones (false), as
     * {@link Dropout#fixMask}; does nothing by default.
     */
    default void fixRandomness(boolean fixed) {
    }

    /**
     * The random generators that this layer's forward passes draw from, its children's included (a
     * {@link Dropout}'s mask generator): what a checkpoint saves so that a resumed run draws the masks the
     * uninterrupted run would have drawn. By default, those of the {@link #children()}, in order.
     */
    default List<Rng> generators() {
        List<Rng> all = new ArrayList<>();
        for (Layer child : children()) {
            all.addAll(child.generators());
        }
        return all;
    }

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }
}
