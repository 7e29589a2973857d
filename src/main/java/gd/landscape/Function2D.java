package gd.landscape;

import gd.util.Format;


/**
 * A function of two variables f(x, y) with its gradient (∂f/∂x, ∂f/∂y): a loss landscape small enough to
 * draw, for watching optimizers move. Built-ins are in {@link Functions2D}; a learner builds one from two
 * lambdas:
 * <pre>{@code
 * var bowl = Function2D.of("my bowl", (x, y) -> x * x + 3 * y * y, (x, y) -> new double[] {2 * x, 6 * y})
 *                      .window(-2, 2, -2, 2).minima(new double[] {0, 0});
 * }</pre>
 * {@link #window()} suggests a plotting window; {@link #minima()} lists the known minima (may be empty).
 */
public final class Function2D {
    /** The value f(x, y). */
    @FunctionalInterface
    public interface Value {
        /** f at (x, y). */
        double at(double x, double y);
    }

    /** The gradient (∂f/∂x, ∂f/∂y). */
    @FunctionalInterface
    public interface Gradient {
        /** The two partial derivatives at (x, y), as {@code new double[] {dfdx, dfdy}}. */
        double[] at(double x, double y);
    }

    private final String name;
    private final Value value;
    private final Gradient gradient;
    private double[] window = {-2, 2, -2, 2};
    private double[][] minima = new double[0][];

    private Function2D(String name, Value value, Gradient gradient) {
        this.name = name;
        this.value = value;
        this.gradient = gradient;
    }

    /** A function named {@code name} with the given value and gradient; window [−2, 2]², no known minima. */
    public static Function2D of(String name, Value value, Gradient gradient) {
        if (name == null || value == null || gradient == null) {
            throw new IllegalArgumentException("Function2D.of: name, value and gradient must not be null, got name="
                    + name + ", value=" + value + ", gradient=" + gradient);
        }
        return new Function2D(name, value, gradient);
    }

    /** Sets the suggested plotting window [xMin, xMax] × [yMin, yMax]. */
    public Function2D window(double xMin, double xMax, double yMin, double yMax) {
        if (!(xMin < xMax && yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("Function2D(" + name + ").window: expected finite xMin < xMax and"
                    + " yMin < yMax, got x " + Format.repr(xMin) + "…" + Format.repr(xMax) + ", y " + Format.repr(yMin) + "…"
                    + Format.repr(yMax));
        }
        this.window = new double[] {xMin, xMax, yMin, yMax};
        return this;
    }

    /** Sets the known minima, each a point {@code {x, y}}. */
    public Function2D minima(double[]... points) {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("Function2D(" + name + ").minima: point " + i
                        + " must be {x, y}, got " + (points[i] == null ? "null" : points[i].length + " values"));
            }
            copy[i] = points[i].clone();
        }
        this.minima = copy;
        return this;
    }

    /** The name, e.g. {@code Rosenbrock}. */
    public String name() {
        return name;
    }

    /** f(x, y). */
    public double value(double x, double y) {
        return value.at(x, y);
    }

    /** The gradient {∂f/∂x, ∂f/∂y} at (x, y), a new array. */
    public double[] gradient(double x, double y) {
        double[] g = gradient.at(x, y);
        if (g == null || g.length != 2) {
            throw new IllegalStateException("Function2D(" + name + ").gradient must return {dfdx, dfdy}, got "
                    + (g == null ? "null" : g.length + " values"));
        }
        return g.clone();
    }

    /** The suggested plotting window {xMin, xMax, yMin, yMax}. */
    public double[] window() {
        return window.clone();
    }

    /** The known minima, each {x, y}; empty if none are known (or there are none, as for a saddle). */
    public double[][] minima() {
        double[][] copy = new double[minima.length][];
        for (int i = 0; i < minima.length; i++) {
            copy[i] = minima[i].clone();
        }
        return copy;
    }

    /** The name, the window and the minima. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Function2D(").append(name).append(", window x ")
                .append(Format.repr(window[0])).append("…").append(Format.repr(window[1])).append(", y ")
                .append(Format.repr(window[2])).append("…").append(Format.repr(window[3])).append(", minima [");
        for (int i = 0; i < minima.length; i++) {
            s.append(i == 0 ? "" : ", ").append('(').append(Format.repr(minima[i][0])).append(", ")
                    .append(Format.repr(minima[i][1])).append(')');
        }
        return s.append("])").toString();
    }
}
