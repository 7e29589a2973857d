package gd.nn;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.util.Format;
import java.util.List;

/**
 * Inverted dropout: in training, each element is zeroed with probability p and the survivors are scaled
 * by 1/(1 − p), so that the expected output equals the input and evaluation needs no rescaling.
 * <pre>
 * training:    mᵢⱼ = 0 with probability p, else 1/(1 − p)      (a fresh mask each forward pass)
 *              forward: y = x ⊙ m          backward: ∂L/∂x = ∂L/∂y ⊙ m
 * evaluation:  forward: y = x              backward: ∂L/∂x = ∂L/∂y
 * </pre>
 * The mask is drawn from the given {@link Rng}, element by element, row after row: the same seed gives the
 * same masks. {@link #fixMask(boolean) fixMask(true)} reuses one mask for every forward pass, which turns
 * the layer into a fixed function of its input (what a gradient check needs; {@code GradientCheck} does it
 * by itself). A new layer is in training mode.
 * <pre>{@code
 * var model = Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dropout.of(0.5, rng.split()),
 *                           Dense.of(256, 10, rng.split()));
 * model.eval();   // dropout off for testing
 * }</pre>
 * Any shape; no parameters. Srivastava et al. 2014,
 * <a href="https://jmlr.org/papers/v15/srivastava14a.html">Dropout: a simple way to prevent neural networks
 * from overfitting</a>.
 */
public final class Dropout implements Layer {
    private final double p;
    private final Rng rng;
    private boolean training = true;
    private boolean maskFixed;
    /** The mask of the last training forward pass (0 or 1/(1 − p)). */
    private Matrix mask;
    /** The mask the last forward pass applied, or null if it ran in evaluation mode. */
    private Matrix applied;
    /** The input of the last forward pass (for its shape), or null before the first one. */
    private Matrix lastInput;

    private Dropout(double p, Rng rng) {
        this.p = p;
        this.rng = rng;
    }

    /** Dropout with drop probability p ∈ [0, 1), drawing masks from {@code rng}. */
    public static Dropout of(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout.p must be in [0, 1), got " + p);
        }
        if (rng == null) {
            throw new IllegalArgumentException("Dropout.of: rng is null, pass a seeded Rng");
        }
        return new Dropout(p, rng);
    }

    /** The drop probability p. */
    public double p() {
        return p;
    }

    /**
     * While fixed, training forward passes reuse the current mask instead of drawing a new one (a mask is
     * drawn only when there is none of the input's shape). {@code fixMask(false)} draws fresh masks again.
     * Returns this layer.
     */
    public Dropout fixMask(boolean fixed) {
        this.maskFixed = fixed;
        return this;
    }

    /** Whether training forward passes reuse one mask. */
    public boolean maskFixed() {
        return maskFixed;
    }

    /** Whether the layer is in training mode (dropout on). */
    @Override
    public boolean training() {
        return training;
    }

    /** In training mode with a mask that is not fixed: the next forward pass draws a new mask. */
    @Override
    public boolean random() {
        return training && !maskFixed;
    }

    /** The same as {@link #fixMask(boolean)}. */
    @Override
    public void fixRandomness(boolean fixed) {
        fixMask(fixed);
    }

    /** The generator of the masks. */
    @Override
    public List<Rng> generators() {
        return List.of(rng);
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    /** Training: x ⊙ m with a new (or the fixed) mask m. Evaluation: x itself. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        lastInput = x;
        if (!training) {
            applied = null;
            return x;
        }
        if (!maskFixed || mask == null || !mask.sameShape(x)) {
            mask = drawMask(x.rows(), x.cols());
        }
        applied = mask;
        return x.hadamard(mask);
    }

    private Matrix drawMask(int rows, int cols) {
        double scale = 1 / (1 - p);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] r = m.row(i);
            for (int j = 0; j < cols; j++) {
                r[j] = rng.uniform() < p ? 0 : scale;
            }
        }
        return m;
    }

    /** dy ⊙ m after a training forward pass, dy itself after an evaluation one. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        LayerChecks.requireForward(this, "backward", lastInput);
        LayerChecks.requireGradShape(this, "backward", gradOutput, lastInput.rows(), lastInput.cols());
        return applied == null ? gradOutput : gradOutput.hadamard(applied);
    }

    /** For example {@code Dropout(p=0.5)}. */
    @Override
    public String toString() {
        return "Dropout(p=" + Format.repr(p) + ")";
    }
}
