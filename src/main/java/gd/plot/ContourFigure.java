package gd.plot;

import gd.landscape.Function2D;
import gd.landscape.Trajectory;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Landscapes: the level lines of a function of two variables (computed by {@link ContourLines}), its known
 * minima, and optimizer paths with their start and end marked.
 */
final class ContourFigure {
    private static final int GRID = 100;
    private static final int LEVELS = 14;

    private ContourFigure() {
    }

    /** Contour lines of {@code f} over its window, each path named after its optimizer. */
    static Figure of(Function2D f, Trajectory... paths) {
        double[] w = window(f);
        return of(f, w[0], w[1], w[2], w[3], paths);
    }

    /** Contour lines of {@code f} over its window with named paths. */
    static Figure of(Function2D f, Map<String, Trajectory> paths) {
        double[] w = window(f);
        return of(f, w[0], w[1], w[2], w[3], paths);
    }

    /**
     * Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax], each path named after its optimizer: the
     * class, the learning rate, the variant settings that are on and the settings in which two optimizers of
     * one class differ ({@link Names#optimizers}).
     */
    static Figure of(Function2D f, double xMin, double xMax, double yMin, double yMax, Trajectory... paths) {
        List<Trajectory> list = PlotChecks.requireElements("Plots.contour", "paths", "path", paths);
        List<String> reprs = new ArrayList<>();
        for (Trajectory t : list) {
            reprs.add(t.optimizer());
        }
        return of(f, xMin, xMax, yMin, yMax, Names.optimizers(reprs), list);
    }

    /** Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with named paths. */
    static Figure of(Function2D f, double xMin, double xMax, double yMin, double yMax,
                     Map<String, Trajectory> paths) {
        List<String> names = new ArrayList<>();
        List<Trajectory> list = new ArrayList<>();
        for (Map.Entry<String, Trajectory> e : PlotChecks.entries("Plots.contour", "paths", paths)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return of(f, xMin, xMax, yMin, yMax, names, list);
    }

    /** The window {xMin, xMax, yMin, yMax} of a function that is there. */
    private static double[] window(Function2D f) {
        requireFunction(f);
        return f.window();
    }

    private static void requireFunction(Function2D f) {
        if (f == null) {
            throw new IllegalArgumentException("Plots.contour: the function is null");
        }
    }

    /**
     * The contour figure. Levels are spaced evenly in log(1 + (f − min f)/s), with s a low percentile of
     * f − min f over the window: close to even spacing near the minimum, logarithmic far from it, so that both
     * a round bowl and Rosenbrock's narrow valley show. Low levels are dark, high ones pale; hovering a line
     * shows its value.
     */
    private static Figure of(Function2D f, double xMin, double xMax, double yMin, double yMax,
                             List<String> names, List<Trajectory> paths) {
        String op = "Plots.contour";
        requireFunction(f);
        PlotChecks.requireWindow(op, "x", xMin, xMax);
        PlotChecks.requireWindow(op, "y", yMin, yMax);
        for (int i = 0; i < paths.size(); i++) {
            Trajectory t = paths.get(i);
            if (!t.function().name().equals(f.name())) {
                throw new IllegalArgumentException(op + ": path \"" + names.get(i) + "\" ran on "
                        + t.function().name() + ", not on " + f.name());
            }
        }
        double[] xs = Numbers.linspace(xMin, xMax, GRID);
        double[] ys = Numbers.linspace(yMin, yMax, GRID);
        double[][] z = new double[ys.length][xs.length];
        double[] finite = new double[xs.length * ys.length];
        int n = 0;
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double v = f.value(xs[j], ys[i]);
                z[i][j] = Double.isFinite(v) ? v : Double.NaN;
                if (Double.isFinite(v)) {
                    finite[n++] = v;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(op + ": " + f.name() + " is not finite anywhere in the window");
        }
        List<Trace> traces = new ArrayList<>();
        double[] levels = levels(Arrays.copyOf(finite, n));
        ContourLines lines = new ContourLines(xs, ys, z);
        double step = Math.max(xMax - xMin, yMax - yMin) * 1e-4;
        for (int k = 0; k < levels.length; k++) {
            double[][] xy = lines.trace(levels[k]);
            if (xy[0].length == 0) {
                continue;
            }
            traces.add(ScatterTrace.builder(Numbers.round(xy[0], step), Numbers.round(xy[1], step))
                    .name(Text.clean("f = " + Format.number(levels[k]))).mode(ScatterTrace.Mode.LINE)
                    .line(Line.builder().color(Palette.level(k, levels.length))
                            .width(1).build())
                    .showLegend(false).build());
        }
        List<double[]> minima = new ArrayList<>();
        for (double[] m : f.minima()) {
            if (m[0] >= xMin && m[0] <= xMax && m[1] >= yMin && m[1] <= yMax) {
                minima.add(m);
            }
        }
        if (!minima.isEmpty()) {
            double[] mx = new double[minima.size()];
            double[] my = new double[minima.size()];
            for (int i = 0; i < mx.length; i++) {
                mx[i] = minima.get(i)[0];
                my[i] = minima.get(i)[1];
            }
            traces.add(Traces.points(mx, my, minima.size() == 1 ? "minimum" : "minima", "#f2b400", Symbol.STAR, 17,
                    true));
        }
        int longest = 7;
        for (int i = 0; i < paths.size(); i++) {
            Trajectory t = paths.get(i);
            String color = Palette.path(i);
            String name = t.diverged() ? names.get(i) + " (diverged at step " + t.divergedAt() + ")" : names.get(i);
            longest = Math.max(longest, name.length());
            double[] x = t.x();
            double[] y = t.y();
            Series path = Series.of(name, x, y).color(color).width(2);
            traces.add(Traces.of(x.length <= 60 ? path.linesAndMarkers() : path, null));
            traces.add(Traces.points(new double[] {x[0]}, new double[] {y[0]}, name + ": start", color,
                    Symbol.CIRCLE, 11, false));
            traces.add(Traces.points(new double[] {x[x.length - 1]}, new double[] {y[y.length - 1]},
                    name + ": end", color, Symbol.DIAMOND, 12, false));
        }
        String title = f.name() + (paths.isEmpty() ? ": contour lines" : ": optimizer paths (● start, ◆ end)");
        boolean legend = !paths.isEmpty() || !minima.isEmpty();
        int legendWidth = legend ? 7 * longest + 60 : 0;
        double aspect = (yMax - yMin) / (xMax - xMin);
        Trace[] drawn = traces.toArray(new Trace[0]);
        return Chart.drawn(size -> {
            // Square units: the plot area gets the window's aspect ratio, as large as the width and a height of
            // at most max(height, 560) allow; the rest of the width goes to the right margin and the legend.
            double plotWidth = Math.min(size.width() - Frame.LEFT - Frame.RIGHT - legendWidth,
                    (Math.max(size.height(), 560) - Frame.TOP - Frame.BOTTOM) / aspect);
            double plotHeight = Math.max(200, plotWidth * aspect);
            Frame frame = Frame.of(title, "x", "y").xRange(xMin, xMax).yRange(yMin, yMax).legend(legend).bare()
                    .rightMargin((int) Math.round(size.width() - Frame.LEFT - plotWidth));
            int height = (int) Math.round(plotHeight) + Frame.TOP + Frame.BOTTOM;
            return new Chart.Drawing(frame.layout(size.height(height)), drawn);
        });
    }

    /** Levels spaced evenly in u = log(1 + (f − min)/s) for the finite values of f on the grid. */
    static double[] levels(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double min = v[0];
        double range = v[v.length - 1] - min;
        if (range == 0) {
            return new double[] {min};
        }
        double s = Math.max(v[(int) (0.02 * (v.length - 1))] - min, 1e-9 * range);
        double top = Math.log1p(range / s);
        double[] levels = new double[LEVELS];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = min + s * Math.expm1(top * (k + 1) / (levels.length + 1));
        }
        return levels;
    }
}
