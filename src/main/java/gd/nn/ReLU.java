package gd.nn;

import gd.matrix.Matrix;

/**
 * The rectified linear unit, element by element.
 * <pre>
 * forward:   y = max(x, 0)                 (NaN for a NaN x, as torch.relu)
 * backward:  ∂L/∂x = ∂L/∂y · [x &gt; 0]      (the derivative at the kink x = 0 is taken as 0, as in torch)
 * </pre>
 * A NaN input stays NaN: a ReLU that turned it into 0 would hide a diverged layer behind a finite output.
 * The backward pass passes no gradient where x is not &gt; 0, a NaN x included. Any shape; no parameters.
 */
public final class ReLU implements Layer {
    private Matrix input;
    private int inputVersion;

    private ReLU() {
    }

    /** A ReLU layer. */
    public static ReLU of() {
        return new ReLU();
    }

    /** max(x, 0) as {@link Math#max(double, double)}: NaN for NaN and +0 for −0; remembers x. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        input = x;
        inputVersion = input.version();
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double[] a = x.row(i);
            double[] b = y.row(i);
            for (int j = 0; j < a.length; j++) {
                b[j] = Math.max(a[j], 0);   // NaN for NaN, +0 for −0; the JIT vectorises it
            }
        }
        return y;
    }

    /** dy where x &gt; 0, else 0. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        LayerChecks.requireForward(this, "backward", input);
        LayerChecks.requireUnchanged(this, "backward", "input", input, inputVersion);
        LayerChecks.requireGradShape(this, "backward", gradOutput, input.rows(), input.cols());
        Matrix dx = Matrix.zeros(input.rows(), input.cols());
        for (int i = 0; i < input.rows(); i++) {
            double[] x = input.row(i);
            double[] dy = gradOutput.row(i);
            double[] d = dx.row(i);
            for (int j = 0; j < x.length; j++) {
                d[j] = x[j] > 0 ? dy[j] : 0;
            }
        }
        return dx;
    }

    /** Inputs of the last forward pass with |x| ≤ distance. */
    @Override
    public int inputsNearKink(double distance) {
        return LayerChecks.countNear(input, distance);
    }

    /** {@code ReLU()}. */
    @Override
    public String toString() {
        return "ReLU()";
    }
}
