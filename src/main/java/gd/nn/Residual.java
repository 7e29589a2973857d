package gd.nn;

import gd.matrix.Matrix;
import java.util.List;

/**
 * A skip connection around a layer f (He et al. 2015, <a href="https://arxiv.org/abs/1512.03385">Deep
 * Residual Learning</a>): the input is added to f's output, so the gradient reaches earlier layers
 * through the identity even when f's gradient is small.
 * <pre>
 * forward:   y = x + f(x)                 f must keep the shape of its input
 * backward:  ∂L/∂x = ∂L/∂y + f.backward(∂L/∂y)
 * </pre>
 * Parameters are f's, under f's own names.
 * <pre>{@code
 * var block = Residual.of(Sequential.of(Dense.of(64, 64, rng), ReLU.of()));
 * }</pre>
 */
public final class Residual implements Layer {
    private final Layer f;
    private boolean training = true;

    private Residual(Layer f) {
        this.f = f;
    }

    /** x + f(x). */
    public static Residual of(Layer f) {
        if (f == null) {
            throw new IllegalArgumentException("Residual.of: the inner layer is null");
        }
        return new Residual(f);
    }

    /** The wrapped layer f. */
    public Layer inner() {
        return f;
    }

    /** x + f(x); f must return the shape of x. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        Matrix fx = f.forward(x);
        if (!fx.sameShape(x)) {
            throw new IllegalArgumentException(this + ".forward: the inner layer maps " + x.shape() + " to "
                    + fx.shape() + ", expected the same shape to add the input");
        }
        return x.plus(fx);
    }

    /** dy + f.backward(dy). */
    @Override
    public Matrix backward(Matrix gradOutput) {
        return gradOutput.plus(f.backward(gradOutput));
    }

    /** f's parameter gradients only: the skip path has none. */
    @Override
    public void backwardParametersOnly(Matrix gradOutput) {
        f.backwardParametersOnly(gradOutput);
    }

    @Override
    public List<Parameter> parameters() {
        return f.parameters();
    }

    /** Switches f. */
    @Override
    public void train(boolean training) {
        this.training = training;
        f.train(training);
    }

    /** The mode last set on this layer (a new one is in training mode). */
    @Override
    public boolean training() {
        return training;
    }

    /** f. */
    @Override
    public List<Layer> children() {
        return List.of(f);
    }

    @Override
    public List<Matrix> buffers() {
        return f.buffers();
    }

    /** For example {@code Residual(Dense(4→4))}; a multi-line f goes on its own lines, as torch prints it. */
    @Override
    public String toString() {
        String inner = Sequential.describe(f);
        if (!inner.contains("\n")) {
            return "Residual(" + inner + ")";
        }
        return "Residual(\n  " + inner.replace("\n", "\n  ") + "\n)";
    }
}
