package gd.nn;

import gd.matrix.Matrix;

/**
 * The logistic sigmoid, element by element: squashes any number into (0, 1).
 * <pre>
 * forward:   y = σ(x) = 1 / (1 + e⁻ˣ)
 * backward:  ∂L/∂x = ∂L/∂y · y (1 − y)
 * </pre>
 * The derivative is at most 1/4, which is why deep sigmoid networks see vanishing gradients.
 * For a binary classifier, do not end the model with this layer: give the logits to
 * {@code BinaryCrossEntropy}, which applies σ itself in a numerically stable way.
 * Any shape; no parameters.
 */
public final class Sigmoid implements Layer {
    private Matrix output;
    private int outputVersion;

    private Sigmoid() {
    }

    /** A sigmoid layer. */
    public static Sigmoid of() {
        return new Sigmoid();
    }

    /** σ(x), computed as eˣ / (1 + eˣ) for x &lt; 0 so that e⁻ˣ never overflows; remembers y. */
    @Override
    public Matrix forward(Matrix x) {
        LayerChecks.requireInput(this, x);
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            double[] v = x.row(i);
            double[] out = y.row(i);
            for (int j = 0; j < v.length; j++) {
                if (v[j] >= 0) {
                    out[j] = 1 / (1 + Math.exp(-v[j]));
                } else {
                    double e = Math.exp(v[j]);
                    out[j] = e / (1 + e);
                }
            }
        }
        output = y;
        outputVersion = output.version();
        return y;
    }

    /** dy · y (1 − y). */
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
                d[j] = dy[j] * (1 - y[j]) * y[j];
            }
        }
        return dx;
    }

    /** {@code Sigmoid()}. */
    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
