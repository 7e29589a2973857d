package gd.landscape;

import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import java.util.List;

/**
 * A {@link Function2D} as a model with one parameter, the point {@code xy} (1 × 2), whose output is the
 * 1 × 1 matrix [f(x, y)] whatever the input: minimising f is then training this model with {@link #LOSS}, the
 * loss that is the output itself. This lets the optimizer paths of {@link Trajectory} run through the same
 * {@code TrainingStep} as every training loop of the library.
 */
final class Surface implements Layer {
    /** The loss of a surface: its output, whose gradient is 1. */
    static final Loss LOSS = new Loss() {
        @Override
        public double value(Matrix prediction, Matrix target) {
            return prediction.get(0, 0);
        }

        @Override
        public Matrix gradient(Matrix prediction, Matrix target) {
            return Matrix.filled(1, 1, 1.0);
        }

        @Override
        public String toString() {
            return "f(x, y)";
        }
    };

    private final Function2D f;
    private final Parameter xy;
    private double[] gradient;

    Surface(Function2D f, double x0, double y0) {
        this.f = f;
        this.xy = new Parameter("xy", Matrix.rowVector(x0, y0));
    }

    /** The point (x, y), live: the optimizer moves it. */
    double[] point() {
        return xy.value().row(0);
    }

    /** ∇f at the point of the last forward pass. */
    double[] gradient() {
        return gradient;
    }

    /** [f(x, y)] at the current point (and ∇f there, for backward). */
    @Override
    public Matrix forward(Matrix input) {
        double[] p = point();
        gradient = f.gradient(p[0], p[1]);
        return Matrix.filled(1, 1, f.value(p[0], p[1]));
    }

    /** Adds ∂L/∂f · ∇f to the point's gradient; the input gets no gradient. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        double scale = gradOutput.get(0, 0);
        double[] grad = xy.grad().row(0);
        grad[0] += scale * gradient[0];
        grad[1] += scale * gradient[1];
        return Matrix.zeros(1, 1);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(xy);
    }

    @Override
    public String toString() {
        return "Surface(" + f.name() + ")";
    }
}
