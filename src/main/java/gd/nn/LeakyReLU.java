package gd.nn;

import gd.matrix.Matrix;
import gd.util.Format;

/**
 * ReLU with a small slope a for negative inputs, so that a unit never stops passing gradient.
 * <pre>
 * forward:   y = x if x &gt; 0, else a·x                 (NaN for a NaN x: a·NaN is NaN, as in torch)
 * backward:  ∂L/∂x = ∂L/∂y if x &gt; 0, else a·∂L/∂y     (a at the kink x = 0 and at a NaN x, as in torch)
 * </pre>
 * Default a = 0.01 (torch's {@code negative_slope}); {@code LeakyReLU.of().negativeSlope(0.2)}.
 * Any shape; no parameters.
 */
public final class LeakyReLU implements Layer {
    private double negativeSlope = 0.01;
    private Matrix input;
    private int inputVersion;

    private LeakyReLU() {
    }

    /** A leaky ReLU with negative slope 0.01. */
    public static LeakyReLU of() {
        return new LeakyReLU();
    }

    /** Sets the slope a for negative inputs, in [0, 1); returns this layer. */
    public LeakyReLU negativeSlope(double negativeSlope) {
        if (!(negativeSlope >= 0 && negativeSlope < 1)) {
            throw new IllegalArgumentException("LeakyReLU.negativeSlope must be in [0, 1), got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
        return this;
    }

    /** The slope a for negative inputs. */
    public double negativeSlope() {
        return negativeSlope;
    }

    /** x if x &gt; 0, else a·x; remembers x. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        input = x;
        inputVersion = input.version();
        double a = negativeSlope;
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double[] v = x.row(i);
            double[] out = y.row(i);
            for (int j = 0; j < v.length; j++) {
                out[j] = v[j] > 0 ? v[j] : a * v[j];
            }
        }
        return y;
    }

    /** dy if x &gt; 0, else a·dy. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        LayerChecks.requireForward(this, "backward", input);
        LayerChecks.requireUnchanged(this, "backward", "input", input, inputVersion);
        LayerChecks.requireGradShape(this, "backward", gradOutput, input.rows(), input.cols());
        double a = negativeSlope;
        Matrix dx = Matrix.zeros(input.rows(), input.cols());
        for (int i = 0; i < input.rows(); i++) {
            double[] x = input.row(i);
            double[] dy = gradOutput.row(i);
            double[] d = dx.row(i);
            for (int j = 0; j < x.length; j++) {
                d[j] = x[j] > 0 ? dy[j] : a * dy[j];
            }
        }
        return dx;
    }

    /** Inputs of the last forward pass with |x| ≤ distance. */
    @Override
    public int inputsNearKink(double distance) {
        return LayerChecks.countNear(input, distance);
    }

    /** For example {@code LeakyReLU(negativeSlope=0.01)}. */
    @Override
    public String toString() {
        return "LeakyReLU(negativeSlope=" + Format.repr(negativeSlope) + ")";
    }
}
