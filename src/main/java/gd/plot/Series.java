package gd.plot;

import gd.util.Format;


/**
 * A named sequence of points (x, y) for {@link Plots#lines}: the building block of every line chart.
 * <pre>{@code
 * var mine = Series.of("my loop", losses);                  // x = 0, 1, 2, …  (the step)
 * var lib = Series.of("Sgd", steps, libraryLosses).dashed();
 * Plots.lines("Loss per step", "step", "loss", LogScale.Y, mine, lib);
 * }</pre>
 * A series is immutable: the style methods return a changed copy. Values that are NaN or infinite are drawn
 * as gaps. Without a {@link #color(String) colour} the chart gives each series the next colour of its
 * palette.
 */
public final class Series {
    /** How the points are drawn. */
    public enum Mode {
        /** Points joined by lines (the default). */
        LINES,
        /** Separate markers. */
        MARKERS,
        /** Markers joined by lines. */
        LINES_AND_MARKERS
    }

    private final String name;
    private final double[] x;
    private final double[] y;
    private final Mode mode;
    private final String color;
    private final boolean dashed;
    private final double width;
    private final double opacity;

    private Series(String name, double[] x, double[] y, Mode mode, String color, boolean dashed, double width,
                   double opacity) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.mode = mode;
        this.color = color;
        this.dashed = dashed;
        this.width = width;
        this.opacity = opacity;
    }

    /** The series {@code name} with the values {@code y} at x = 0, 1, 2, … (the step). */
    public static Series of(String name, double[] y) {
        requireName(name);
        if (y == null) {
            throw new IllegalArgumentException("Series.of(" + name + "): y is null");
        }
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return of(name, x, y);
    }

    /** The series {@code name} with the points (x[i], y[i]); both arrays have the same length. */
    public static Series of(String name, double[] x, double[] y) {
        requireName(name);
        if (x == null || y == null) {
            throw new IllegalArgumentException("Series.of(" + name + "): x and y must not be null, got x="
                    + (x == null ? "null" : x.length + " values") + ", y=" + (y == null ? "null" : y.length + " values"));
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series.of(" + name + "): x has " + x.length + " values but y has "
                    + y.length + "; expected one x per y");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("Series.of(" + name + "): no points; a series needs at least one");
        }
        return new Series(name, x.clone(), y.clone(), Mode.LINES, null, false, 2, 1);
    }

    /** The series {@code name} with the points (x[i], y[i]) for whole-number x, such as recorded step numbers. */
    public static Series of(String name, int[] x, double[] y) {
        requireName(name);
        if (x == null) {
            throw new IllegalArgumentException("Series.of(" + name + "): x is null");
        }
        double[] xs = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = x[i];
        }
        return of(name, xs, y);
    }

    /** The name shown in the legend. */
    public String name() {
        return name;
    }

    /** The x-values (a copy). */
    public double[] x() {
        return x.clone();
    }

    /** The y-values (a copy). */
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int size() {
        return y.length;
    }

    /** How the points are drawn. */
    public Mode mode() {
        return mode;
    }

    /** The colour, or null for the chart's next palette colour. */
    public String color() {
        return color;
    }

    /** Whether the line is dashed. */
    public boolean isDashed() {
        return dashed;
    }

    /** The line width in pixels. */
    public double width() {
        return width;
    }

    /** The opacity in [0, 1]. */
    public double opacity() {
        return opacity;
    }

    /** This series drawn as points joined by lines (the default). */
    public Series lines() {
        return mode(Mode.LINES);
    }

    /** This series drawn as separate markers. */
    public Series markers() {
        return mode(Mode.MARKERS);
    }

    /** This series drawn as markers joined by lines. */
    public Series linesAndMarkers() {
        return mode(Mode.LINES_AND_MARKERS);
    }

    /** This series drawn in the given mode. */
    public Series mode(Mode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("Series(" + name + ").mode: mode is null");
        }
        return new Series(name, x, y, mode, color, dashed, width, opacity);
    }

    /** This series in a CSS colour, e.g. {@code "#d62728"}, {@code "black"} or {@code "rgb(40, 40, 40)"}. */
    public Series color(String color) {
        if (color == null || color.isBlank() || !color.matches("[#(),.%\\w\\s]+")) {
            throw new IllegalArgumentException("Series(" + name + ").color: expected a CSS colour such as \"#d62728\""
                    + " or \"black\", got " + (color == null ? "null" : "\"" + color + "\""));
        }
        return new Series(name, x, y, mode, color.strip(), dashed, width, opacity);
    }

    /** This series with a dashed line. */
    public Series dashed() {
        return new Series(name, x, y, mode, color, true, width, opacity);
    }

    /** This series with lines {@code width} pixels wide (default 2). */
    public Series width(double width) {
        if (!(width > 0 && width <= 20)) {
            throw new IllegalArgumentException("Series(" + name + ").width must be in (0, 20] pixels, got "
                    + Format.repr(width));
        }
        return new Series(name, x, y, mode, color, dashed, width, opacity);
    }

    /** This series drawn with the given opacity in [0, 1] (e.g. 0.3 for a faint raw curve under a smooth one). */
    public Series opacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("Series(" + name + ").opacity must be in [0, 1], got "
                    + Format.repr(opacity));
        }
        return new Series(name, x, y, mode, color, dashed, width, opacity);
    }

    /** The name, the number of points and the style, e.g. {@code Series(loss: 100 points, lines)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Series(").append(name).append(": ").append(y.length)
                .append(y.length == 1 ? " point, " : " points, ").append(mode.name().toLowerCase().replace('_', ' '));
        if (color != null) {
            s.append(", ").append(color);
        }
        if (dashed) {
            s.append(", dashed");
        }
        if (width != 2) {
            s.append(", width ").append(Format.repr(width));
        }
        if (opacity != 1) {
            s.append(", opacity ").append(Format.repr(opacity));
        }
        return s.append(')').toString();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Series.of: the name must not be blank, got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
    }
}
