package gd.landscape;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.optim.Optimizer;
import gd.train.TrainingStep;
import gd.util.Format;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The path of an optimizer on a {@link Function2D}: the points it visits, the loss and the gradient at each.
 *
 * <p>{@link #run} is a training loop, with (x, y) as the only parameter, a 1 × 2 matrix named {@code xy}: each
 * step is the library's one {@link TrainingStep} (zero the gradient, evaluate f and ∇f at the current point,
 * {@code optimizer.step()}) on a model whose output is f itself. The optimizer comes from a factory that receives the parameter list, so both
 * the library's optimizers and a learner's lambda work:
 * <pre>{@code
 * var adam = Trajectory.run(Functions2D.rosenbrock(), -1.5, 2.0, params -> Adam.of(params).lr(0.05), 200);
 * var mine = Trajectory.run(Functions2D.bowl(), 1.5, 1.0,
 *         params -> () -> params.get(0).value().plusScaledInPlace(-0.1, params.get(0).grad()), 50);
 * }</pre>
 * Clipping or a schedule go into the optimizer the factory returns, e.g.
 * {@code params -> { var opt = Sgd.of(params).lr(0.01); return () -> { Clip.gradNorm(params, 1.0); opt.step(); }; }}.
 *
 * <p>Point k is where the optimizer is after k steps (point 0 is the start); {@link #gradX()}[k] and
 * {@link #gradY()}[k] are the gradient there, which step k + 1 consumes. If a step produces a non-finite
 * point, loss or gradient, the run stops: {@link #diverged()} is true, {@link #divergedAt()} names the step,
 * and the arrays hold the finite points before it.
 */
public final class Trajectory {
    private final Function2D function;
    private final String optimizer;
    private final double[] x;
    private final double[] y;
    private final double[] loss;
    private final double[] gradX;
    private final double[] gradY;
    private final int divergedAt;

    private Trajectory(Function2D function, String optimizer, double[] x, double[] y, double[] loss,
                       double[] gradX, double[] gradY, int divergedAt) {
        this.function = function;
        this.optimizer = optimizer;
        this.x = x;
        this.y = y;
        this.loss = loss;
        this.gradX = gradX;
        this.gradY = gradY;
        this.divergedAt = divergedAt;
    }

    /**
     * Runs the optimizer that {@code optimizer} builds for the parameter (x, y) = (x0, y0) for {@code steps}
     * steps on {@code f}, and returns the path (steps + 1 points unless it diverged).
     */
    public static Trajectory run(Function2D f, double x0, double y0,
                                 Function<List<Parameter>, ? extends Optimizer> optimizer, int steps) {
        if (f == null || optimizer == null) {
            throw new IllegalArgumentException("Trajectory.run: the function and the optimizer factory must not be"
                    + " null");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("Trajectory.run: steps must be non-negative, got " + steps);
        }
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("Trajectory.run: the start point must be finite, got (" + Format.repr(x0)
                    + ", " + Format.repr(y0) + ")");
        }
        Surface surface = new Surface(f, x0, y0);
        Optimizer opt = optimizer.apply(surface.parameters());
        if (opt == null) {
            throw new IllegalArgumentException("Trajectory.run: the optimizer factory returned null");
        }
        TrainingStep step = TrainingStep.of(surface, Surface.LOSS, opt);
        Matrix none = Matrix.zeros(1, 1);
        double[] px = new double[steps + 1];
        double[] py = new double[steps + 1];
        double[] pl = new double[steps + 1];
        double[] gx = new double[steps + 1];
        double[] gy = new double[steps + 1];
        double[] point = surface.point();
        int points = 0;
        int divergedAt = -1;
        for (int k = 0; k <= steps; k++) {
            double x = point[0];
            double y = point[1];
            double l;
            boolean diverged;
            if (k < steps) {
                TrainingStep.Result result = step.run(none, none);
                l = result.loss();
                diverged = result.diverged();
            } else {
                l = surface.forward(none).get(0, 0);
                diverged = !Double.isFinite(l);
            }
            double[] g = surface.gradient();
            if (diverged || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(g[0])
                    || !Double.isFinite(g[1])) {
                if (k == 0) {
                    throw new IllegalArgumentException("Trajectory.run: " + f.name() + " is not finite at the start ("
                            + Format.repr(x0) + ", " + Format.repr(y0) + "): f = " + Format.repr(l) + ", gradient ("
                            + Format.repr(g[0]) + ", " + Format.repr(g[1]) + ")");
                }
                divergedAt = k;
                break;
            }
            px[k] = x;
            py[k] = y;
            pl[k] = l;
            gx[k] = g[0];
            gy[k] = g[1];
            points++;
        }
        String name = opt.parameters().isEmpty() ? "a custom optimizer" : opt.toString();
        return new Trajectory(f, name, trim(px, points), trim(py, points), trim(pl, points), trim(gx, points),
                trim(gy, points), divergedAt);
    }

    /** The function. */
    public Function2D function() {
        return function;
    }

    /** The optimizer's {@code toString()} (its hyper-parameters), or "a custom optimizer" for a lambda. */
    public String optimizer() {
        return optimizer;
    }

    /** The x-coordinates of the points, start first. */
    public double[] x() {
        return x.clone();
    }

    /** The y-coordinates of the points, start first. */
    public double[] y() {
        return y.clone();
    }

    /** f at each point. */
    public double[] loss() {
        return loss.clone();
    }

    /** ∂f/∂x at each point. */
    public double[] gradX() {
        return gradX.clone();
    }

    /** ∂f/∂y at each point. */
    public double[] gradY() {
        return gradY.clone();
    }

    /** The number of steps taken: one fewer than the number of points. */
    public int steps() {
        return x.length - 1;
    }

    /** The last point's x. */
    public double finalX() {
        return x[x.length - 1];
    }

    /** The last point's y. */
    public double finalY() {
        return y[y.length - 1];
    }

    /** The loss at the last point. */
    public double finalLoss() {
        return loss[loss.length - 1];
    }

    /** Whether the run stopped because a value became infinite or NaN. */
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The step (1, 2, ...) after which a value was no longer finite, or −1 if the run did not diverge. */
    public int divergedAt() {
        return divergedAt;
    }

    /** What happened, in a sentence (with advice if the run diverged). */
    public String message() {
        if (!diverged()) {
            return function.name() + ": " + steps() + " steps with " + optimizer + " from (" + Format.repr(x[0]) + ", "
                    + Format.repr(y[0]) + ") to (" + Format.repr(finalX()) + ", " + Format.repr(finalY()) + "), loss "
                    + Format.repr(loss[0]) + " → " + Format.repr(finalLoss());
        }
        return function.name() + ": diverged at step " + divergedAt + " with " + optimizer
                + " (a value became infinite or NaN; the last finite loss was " + Format.repr(finalLoss()) + " at step "
                + steps() + "). Try a smaller learning rate.";
    }

    /** Same as {@link #message()}. */
    @Override
    public String toString() {
        return "Trajectory(" + message() + ")";
    }

    private static double[] trim(double[] values, int n) {
        return n == values.length ? values : Arrays.copyOf(values, n);
    }
}
