package gd.nn;

import gd.matrix.Matrix;

/**
 * The hyperbolic tangent, element by element: squashes any number into (−1, 1), centred on 0.
 * <pre>
 * forward:   y = tanh(x)
 * backward:  ∂L/∂x = ∂L/∂y · (1 − y²)
 * </pre>
 * Any shape; no parameters.
 */
public final class Tanh implements Layer {
    private Matrix output;
    private int outputVersion;

    private Tanh() {
    }

    /** A tanh layer. */
    public static Tanh of() {
        return new Tanh();
    }

    /** tanh(x); remembers y. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double[] v = x.row(i);
            double[] out = y.row(i);
            for (int j = 0; j < v.length; j++) {
                out[j] = Math.tanh(v[j]);
            }
        }
        output = y;
        outputVersion = output.version();
        return y;
    }

    /** dy · (1 − y²). */
    @Override
    public Matrix backward(Matrix gradOutput) {
        LayerChecks.requireForward(this, "backward", output);
        LayerChecks.requireUnchanged(this, "backward", "output", output, outputVersion);
        LayerChecks.requireGradShape(this, "backward", gradOutput, output.rows(), output.cols());
        Matrix dx = Matrix.zeros(output.rows(), output.cols());
        for (int i = 0; i < output.rows(); i++) {
            double[] y = output.row(i);
            double[] dy = gradOutput.row(i);
            double[] d = dx.row(i);
            for (int j = 0; j < y.length; j++) {
                d[j] = dy[j] * (1 - y[j] * y[j]);
            }
        }
        return dx;
    }

    /** {@code Tanh()}. */
    @Override
    public String toString() {
        return "Tanh()";
    }
}
