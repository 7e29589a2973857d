package gd.landscape;

import gd.util.Format;


/**
 * Classic two-dimensional test functions for optimizers, each with its gradient, its known minima and a
 * suggested plotting window.
 */
public final class Functions2D {
    private Functions2D() {
    }

    /**
     * The round bowl f(x, y) = x² + y²: every gradient points straight at the minimum (0, 0).
     * Gradient (2x, 2y); window [−2, 2]².
     */
    public static Function2D bowl() {
        return Function2D.of("bowl", (x, y) -> x * x + y * y, (x, y) -> new double[] {2 * x, 2 * y})
                .window(-2, 2, -2, 2).minima(new double[] {0, 0});
    }

    /**
     * The elongated bowl f(x, y) = x² + κ·y² with condition number κ ≥ 1 (the ratio of its curvatures 2κ and
     * 2). Gradient descent is stable only for η &lt; 1/κ and then crawls along x: the valley that momentum
     * and adaptive methods are made for. Minimum (0, 0); window [−2, 2]².
     */
    public static Function2D illConditioned(double conditionNumber) {
        if (!(conditionNumber >= 1 && conditionNumber < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Functions2D.illConditioned: conditionNumber must be finite and at"
                    + " least 1, got " + Format.repr(conditionNumber));
        }
        double k = conditionNumber;
        return Function2D.of("ill-conditioned quadratic (κ=" + Format.repr(k) + ")", (x, y) -> x * x + k * y * y,
                (x, y) -> new double[] {2 * x, 2 * k * y}).window(-2, 2, -2, 2).minima(new double[] {0, 0});
    }

    /**
     * Rosenbrock's banana f(x, y) = (1 − x)² + 100·(y − x²)², with a narrow curved valley and its minimum
     * at (1, 1). Gradient (−2(1 − x) − 400x(y − x²), 200(y − x²)); window x ∈ [−2, 2], y ∈ [−1, 3].
     * Value and gradient are evaluated in exactly the order of PyTorch's expression and autograd, so that
     * trajectories match torch's bit for bit as far as the optimizer allows.
     */
    public static Function2D rosenbrock() {
        return Function2D.of("Rosenbrock", (x, y) -> {
            double a = (1 - x) * (1 - x);
            double u = y - x * x;
            return a + 100 * (u * u);
        }, (x, y) -> {
            double u = y - x * x;
            double gu = 100 * (2 * u);
            return new double[] {-(2 * (1 - x)) + (-gu) * (2 * x), gu};
        }).window(-2, 2, -1, 3).minima(new double[] {1, 1});
    }

    /**
     * The saddle f(x, y) = x² − y²: a minimum along x, a maximum along y, unbounded below. Plain gradient
     * descent started on the x-axis converges to the saddle point (0, 0); any y ≠ 0 escapes exponentially.
     * Gradient (2x, −2y); no minima; window [−2, 2]².
     */
    public static Function2D saddle() {
        return Function2D.of("saddle", (x, y) -> x * x - y * y, (x, y) -> new double[] {2 * x, -2 * y})
                .window(-2, 2, -2, 2);
    }

    /**
     * Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)², with four minima of value 0: where an
     * optimizer ends depends on where it starts. Gradient (4x(x² + y − 11) + 2(x + y² − 7),
     * 2(x² + y − 11) + 4y(x + y² − 7)); window [−5, 5]².
     */
    public static Function2D himmelblau() {
        return Function2D.of("Himmelblau", (x, y) -> {
            double a = x * x + y - 11;
            double b = x + y * y - 7;
            return a * a + b * b;
        }, (x, y) -> {
            double a = x * x + y - 11;
            double b = x + y * y - 7;
            return new double[] {4 * x * a + 2 * b, 2 * a + 4 * y * b};
        }).window(-5, 5, -5, 5).minima(
                new double[] {3, 2},
                new double[] {-2.805118086952745, 3.131312518250573},
                new double[] {-3.779310253377747, -3.2831859912861696},
                new double[] {3.5844283403304917, -1.8481265269644036});
    }
}
