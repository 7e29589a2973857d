package gd.plot;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Labels;
import gd.data.Mnist;
import gd.landscape.Function2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.schedule.OneCycleLR;
import gd.schedule.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The plots of the course, each a Tablesaw {@link Figure} that a notebook cell shows by returning it.
 * <pre>{@code
 * Plots.loss(Series.of("my loop", losses), Series.of("Sgd", libraryLosses));   // loss per step
 * Plots.descent(x -> x * x - 2 * x, -1, 3, iterates);                         // f(x) and x₀, x₁, …
 * Plots.contour(Functions2D.rosenbrock(), adam, sgd);                         // optimizer paths
 * Plots.schedule(100, cosine, step);                                           // learning rate per step
 * Plots.digits(mnist.test(), 16);                                              // images with their labels
 * Plots.decisionBoundary(model, moons);                                        // regions and points
 * }</pre>
 * Every helper takes plain arrays or the library's own objects, checks its input (an
 * {@link IllegalArgumentException} that names the helper and the problem) and builds the same figure for
 * the same input. Figures are {@link #DEFAULT_WIDTH} × {@link #DEFAULT_HEIGHT} pixels unless
 * {@link #size(int, int)} says otherwise; images, contours and confusion matrices choose their height to keep
 * their cells square. Series get plotly's colours in order; several runs on one chart keep their order
 * (a map's own order if it has one, as {@link LinkedHashMap} and {@link SortedMap}, otherwise sorted by name).
 *
 * <p>Everything is drawn with Tablesaw's own traces: scatter traces for lines, markers, text and the pixels
 * of images, heatmaps for confusion matrices and decision regions (plotly's RdBu colours), and contour lines
 * computed here ({@code ContourLines}) so that log-spaced levels show narrow valleys.
 */
public final class Plots {
    /** The default width of a figure in pixels. */
    public static final int DEFAULT_WIDTH = 700;
    /** The default height of a figure in pixels. */
    public static final int DEFAULT_HEIGHT = 420;

    private static final int CURVE_POINTS = 400;
    private static final int CONTOUR_GRID = 100;
    private static final int CONTOUR_LEVELS = 14;
    private static final int BOUNDARY_GRID = 120;
    private static final int HISTOGRAM_BINS = 40;
    private static final int MAX_IMAGES = 200;

    private static int width = DEFAULT_WIDTH;
    private static int height = DEFAULT_HEIGHT;

    private Plots() {
    }

    // ------------------------------------------------------------------------------------------ size

    /**
     * Sets the size in pixels of the figures made from now on (default 700 × 420), like matplotlib's
     * {@code figsize}; call it once in a notebook's first cell. Figures that keep square cells use the width
     * and choose their own height.
     */
    public static void size(int width, int height) {
        if (width < 200 || width > 4000 || height < 150 || height > 4000) {
            throw new IllegalArgumentException("Plots.size: expected a width in 200…4000 and a height in 150…4000"
                    + " pixels, got " + width + " × " + height);
        }
        Plots.width = width;
        Plots.height = height;
    }

    static int width() {
        return width;
    }

    static int height() {
        return height;
    }

    // ------------------------------------------------------------------------------------------ line charts

    /** A line chart of the series with linear axes; see {@link #lines(String, String, String, LogScale, Series...)}. */
    public static Figure lines(String title, String xTitle, String yTitle, Series... series) {
        return lines(title, xTitle, yTitle, LogScale.NONE, series);
    }

    /**
     * A line chart of named series: the building block of the other charts.
     * <pre>{@code
     * Plots.lines("Loss per step", "step", "loss", LogScale.Y, Series.of("η = 0.1", a), Series.of("η = 0.5", b));
     * }</pre>
     * Each series is drawn in its own mode and style ({@link Series#markers()}, {@link Series#dashed()}, …),
     * in its colour or else the next one of plotly's palette. On a log axis, points at zero or below are
     * left out; a series with no point that a log axis can show is refused.
     */
    public static Figure lines(String title, String xTitle, String yTitle, LogScale log, Series... series) {
        requireText("Plots.lines", title, xTitle, yTitle);
        if (log == null) {
            throw new IllegalArgumentException("Plots.lines: log is null; use LogScale.NONE for linear axes");
        }
        requireSeries("Plots.lines", log, series);
        Trace[] traces = new Trace[series.length];
        for (int i = 0; i < series.length; i++) {
            traces[i] = Traces.of(series[i], Palette.cycle(i));
        }
        return new Figure(Frame.of(title, xTitle, yTitle).log(log).legend(series.length > 1).layout(), traces);
    }

    /** The loss per step of one run, on a linear y-axis. */
    public static Figure loss(double[] loss) {
        return loss(LogScale.NONE, loss);
    }

    /** The loss per step of one run; {@code LogScale.Y} shows a loss that falls by orders of magnitude. */
    public static Figure loss(LogScale log, double[] loss) {
        if (loss == null) {
            throw new IllegalArgumentException("Plots.loss: loss is null");
        }
        if (loss.length == 0) {
            throw new IllegalArgumentException("Plots.loss: loss is empty; expected one value per step");
        }
        return loss(log, Series.of("loss", loss));
    }

    /** The loss per step of several runs on one chart, e.g. one per learning rate; linear y-axis. */
    public static Figure loss(Series... runs) {
        return loss(LogScale.NONE, runs);
    }

    /**
     * The loss per step of several runs on one chart:
     * {@code Plots.loss(LogScale.Y, Series.of("η = 0.1", a), Series.of("η = 0.01", b))}.
     */
    public static Figure loss(LogScale log, Series... runs) {
        return lines("Loss per step", "step", "loss", log, runs);
    }

    // ------------------------------------------------------------------------------------------ one variable

    /** The curve f(x) over [from, to] with the iterates x₀, x₁, … of one run of gradient descent on it. */
    public static Figure descent(DoubleUnaryOperator f, double from, double to, double[] iterates) {
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put("iterates", iterates);
        return descent(f, from, to, one);
    }

    /**
     * The curve f(x) over [from, to] with several runs of gradient descent on it, each drawn as the points
     * (xₖ, f(xₖ)) joined in order, its start x₀ marked:
     * <pre>{@code
     * Plots.descent(x -> x * x, -2, 2, Map.of("η = 0.1", slow, "η = 0.9", zigzag));
     * }</pre>
     * The window is fixed to [from, to] and to the range of f on it, so iterates that leave it run off the
     * edge. A run stops at its first non-finite iterate and is labelled "diverged at step k".
     */
    public static Figure descent(DoubleUnaryOperator f, double from, double to, Map<String, double[]> runs) {
        String op = "Plots.descent";
        if (f == null) {
            throw new IllegalArgumentException(op + ": f is null");
        }
        requireWindow(op, "x", from, to);
        List<Map.Entry<String, double[]>> entries = entries(op, "runs", runs);
        double[] xs = linspace(from, to, CURVE_POINTS);
        double[] ys = new double[xs.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
            if (Double.isFinite(ys[i])) {
                lo = Math.min(lo, ys[i]);
                hi = Math.max(hi, ys[i]);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException(op + ": f is not finite anywhere on [" + Text.num(from) + ", "
                    + Text.num(to) + "]");
        }
        double pad = hi > lo ? 0.06 * (hi - lo) : 1;
        List<Trace> traces = new ArrayList<>();
        traces.add(Traces.of(Series.of("f(x)", xs, ys).color("#444444"), null));
        for (int k = 0; k < entries.size(); k++) {
            String name = entries.get(k).getKey();
            double[] x = entries.get(k).getValue();
            if (x.length == 0) {
                throw new IllegalArgumentException(op + ": run \"" + name + "\" has no iterates; expected x₀, x₁, …");
            }
            int n = 0;
            while (n < x.length && Double.isFinite(x[n]) && Double.isFinite(f.applyAsDouble(x[n]))) {
                n++;
            }
            if (n == 0) {
                throw new IllegalArgumentException(op + ": run \"" + name + "\" starts at x₀ = " + Text.num(x[0])
                        + " where f is " + Text.num(f.applyAsDouble(x[0])) + "; expected a finite start");
            }
            double[] px = Arrays.copyOf(x, n);
            double[] py = new double[n];
            String[] hover = new String[n];
            for (int i = 0; i < n; i++) {
                py[i] = f.applyAsDouble(px[i]);
                hover[i] = "step " + i + ": x = " + Text.short4(px[i]) + ", f = " + Text.short4(py[i]);
            }
            String label = n < x.length ? name + " (diverged at step " + n + ")" : name;
            String color = Palette.cycle(k);
            traces.add(ScatterTrace.builder(px, py).name(Text.clean(label)).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .line(Line.builder().color(color).width(1.5).build())
                    .marker(Marker.builder().color(color).size(7).build())
                    .text(hover).build());
            traces.add(Traces.points(new double[] {px[0]}, new double[] {py[0]}, name + ": x₀", color,
                    Symbol.CIRCLE, 12, false));
        }
        double margin = 0.02 * (to - from);
        Frame frame = Frame.of("Gradient descent on f(x): iterates x₀, x₁, … (large dot: x₀)", "x", "f(x)")
                .xRange(from - margin, to + margin).yRange(lo - pad, hi + pad).legend(true);
        return new Figure(frame.layout(), traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------------------------------ two variables

    /** Contour lines of {@code f} over its {@link Function2D#window() window} with the optimizers' paths on top. */
    public static Figure contour(Function2D f, Trajectory... paths) {
        requireFunction(f);
        double[] w = f.window();
        return contour(f, w[0], w[1], w[2], w[3], paths);
    }

    /**
     * Contour lines of {@code f} over its window with named paths, e.g.
     * {@code Plots.contour(f, Map.of("Adam", adam, "momentum 0.9", sgd))}.
     */
    public static Figure contour(Function2D f, Map<String, Trajectory> paths) {
        requireFunction(f);
        double[] w = f.window();
        return contour(f, w[0], w[1], w[2], w[3], paths);
    }

    /**
     * Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with the optimizers' paths on top, each
     * named after its optimizer: the class, the learning rate, the variant settings that are on (momentum,
     * Nesterov, weight decay, AMSGrad) and the settings in which two optimizers of one class differ, e.g.
     * {@code Adam(lr=0.05)} and {@code Sgd(lr=0.001, momentum=0.9)}.
     */
    public static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                 Trajectory... paths) {
        if (paths == null) {
            throw new IllegalArgumentException("Plots.contour: paths is null");
        }
        List<String> reprs = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] == null) {
                throw new IllegalArgumentException("Plots.contour: path " + i + " is null");
            }
            reprs.add(paths[i].optimizer());
        }
        return contour(f, xMin, xMax, yMin, yMax, Names.optimizers(reprs), Arrays.asList(paths));
    }

    /** Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with named paths on top. */
    public static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                 Map<String, Trajectory> paths) {
        List<String> names = new ArrayList<>();
        List<Trajectory> list = new ArrayList<>();
        for (Map.Entry<String, Trajectory> e : entries("Plots.contour", "paths", paths)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return contour(f, xMin, xMax, yMin, yMax, names, list);
    }

    /**
     * The contour figure. Levels are spaced evenly in log(1 + (f − min f)/s), with s a low percentile of
     * f − min f over the window: close to even spacing near the minimum, logarithmic far from it, so that both
     * a round bowl and Rosenbrock's narrow valley show. Low levels are dark, high ones pale; hovering a line
     * shows its value.
     */
    private static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                  List<String> names, List<Trajectory> paths) {
        String op = "Plots.contour";
        requireFunction(f);
        requireWindow(op, "x", xMin, xMax);
        requireWindow(op, "y", yMin, yMax);
        for (int i = 0; i < paths.size(); i++) {
            Trajectory t = paths.get(i);
            if (!t.function().name().equals(f.name())) {
                throw new IllegalArgumentException(op + ": path \"" + names.get(i) + "\" ran on "
                        + t.function().name() + ", not on " + f.name());
            }
        }
        double[] xs = linspace(xMin, xMax, CONTOUR_GRID);
        double[] ys = linspace(yMin, yMax, CONTOUR_GRID);
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
        double[] levels = contourLevels(Arrays.copyOf(finite, n));
        ContourLines lines = new ContourLines(xs, ys, z);
        double step = Math.max(xMax - xMin, yMax - yMin) * 1e-4;
        for (int k = 0; k < levels.length; k++) {
            double[][] xy = lines.trace(levels[k]);
            if (xy[0].length == 0) {
                continue;
            }
            traces.add(ScatterTrace.builder(round(xy[0], step), round(xy[1], step))
                    .name(Text.clean("f = " + Text.short4(levels[k]))).mode(ScatterTrace.Mode.LINE)
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
        // Square units: the plot area gets the window's aspect ratio, as large as the width and a height of
        // at most max(default height, 560) allow; the rest of the width goes to the right margin and legend.
        int legendWidth = legend ? 7 * longest + 60 : 0;
        double aspect = (yMax - yMin) / (xMax - xMin);
        double plotWidth = Math.min(width - Frame.LEFT - Frame.RIGHT - legendWidth,
                (Math.max(height, 560) - Frame.TOP - Frame.BOTTOM) / aspect);
        double plotHeight = Math.max(200, plotWidth * aspect);
        Frame frame = Frame.of(title, "x", "y").xRange(xMin, xMax).yRange(yMin, yMax).legend(legend).bare()
                .rightMargin((int) Math.round(width - Frame.LEFT - plotWidth))
                .height((int) Math.round(plotHeight) + Frame.TOP + Frame.BOTTOM);
        return new Figure(frame.layout(), traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------------------------------ schedules

    /**
     * The learning rate of each schedule at steps 0 … steps − 1 ({@link Scheduler#lrAt(int)}, which changes
     * nothing), named after its class.
     */
    public static Figure schedule(int steps, Scheduler... schedulers) {
        requireSteps("Plots.schedule", steps);
        if (schedulers == null) {
            throw new IllegalArgumentException("Plots.schedule: schedulers is null");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < schedulers.length; i++) {
            if (schedulers[i] == null) {
                throw new IllegalArgumentException("Plots.schedule: scheduler " + i + " is null");
            }
            names.add(schedulers[i].getClass().getSimpleName());
        }
        return schedule(steps, Names.unique(names), Arrays.asList(schedulers));
    }

    /** The learning rate of each named schedule at steps 0 … steps − 1. */
    public static Figure schedule(int steps, Map<String, Scheduler> schedulers) {
        requireSteps("Plots.schedule", steps);
        List<String> names = new ArrayList<>();
        List<Scheduler> list = new ArrayList<>();
        for (Map.Entry<String, Scheduler> e : entries("Plots.schedule", "schedulers", schedulers)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return schedule(steps, names, list);
    }

    private static Figure schedule(int steps, List<String> names, List<Scheduler> schedulers) {
        requireSteps("Plots.schedule", steps);
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("Plots.schedule: no schedulers; pass at least one");
        }
        Series[] series = new Series[schedulers.size()];
        for (int k = 0; k < series.length; k++) {
            double[] lr = new double[steps];
            for (int t = 0; t < steps; t++) {
                lr[t] = schedulers.get(k).lrAt(t);
            }
            series[k] = Series.of(names.get(k), lr);
        }
        return lines("Learning-rate schedule", "step", "learning rate", series);
    }

    /**
     * The one-cycle policy over steps 0 … steps − 1: the learning rate (left axis) and, dashed against the
     * right axis, the momentum (or β₁) it sets ({@link OneCycleLR#momentumAt(int)}), which moves the other way.
     */
    public static Figure oneCycle(int steps, OneCycleLR schedule) {
        requireSteps("Plots.oneCycle", steps);
        if (schedule == null) {
            throw new IllegalArgumentException("Plots.oneCycle: schedule is null");
        }
        double[] lr = new double[steps];
        double[] momentum = new double[steps];
        for (int t = 0; t < steps; t++) {
            lr[t] = schedule.lrAt(t);
            momentum[t] = schedule.momentumAt(t);
        }
        Trace lrTrace = Traces.of(Series.of("learning rate", lr), Palette.cycle(0));
        Series m = Series.of("momentum", momentum).dashed();
        Trace mTrace = ScatterTrace.builder(m.x(), m.y()).name(Text.clean(m.name())).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(Palette.cycle(1)).width(2)
                        .dash(Line.Dash.DASH).build())
                .yAxis(ScatterTrace.YAxis.Y2).build();
        Frame frame = Frame.of("One-cycle schedule: learning rate and momentum", "step",
                "learning rate (solid line)").y2("momentum (dashed line)").legend(false);
        return new Figure(frame.layout(), lrTrace, mTrace);
    }

    // ------------------------------------------------------------------------------------------ LR finder

    /**
     * The learning-rate finder's curve from plain arrays: the loss at each learning rate (faint), its smoothed
     * version (strong) on a log x-axis, and the two suggestions as dashed vertical lines (a NaN suggestion is
     * left out). The y-axis stops a little above the smoothed loss before its minimum, so that the blow-up at
     * the largest rates does not squash the interesting part.
     */
    public static Figure lrFinder(double[] lrs, double[] losses, double[] smoothed, double steepest,
                                  double minimumOverTen) {
        String op = "Plots.lrFinder";
        if (lrs == null || losses == null || smoothed == null) {
            throw new IllegalArgumentException(op + ": lrs, losses and smoothed must not be null");
        }
        if (lrs.length == 0) {
            throw new IllegalArgumentException(op + ": no learning rates; the finder recorded nothing");
        }
        if (losses.length != lrs.length || smoothed.length != lrs.length) {
            throw new IllegalArgumentException(op + ": " + lrs.length + " learning rates but " + losses.length
                    + " losses and " + smoothed.length + " smoothed losses; expected one of each per rate");
        }
        for (int i = 0; i < lrs.length; i++) {
            if (!(lrs[i] > 0 && lrs[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(op + ": learning rate " + i + " is " + Text.num(lrs[i])
                        + "; expected positive rates for the log axis");
            }
        }
        int best = -1;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = 0; i < lrs.length; i++) {
            if (Double.isFinite(smoothed[i]) && (best < 0 || smoothed[i] < smoothed[best])) {
                best = i;
            }
            if (Double.isFinite(losses[i])) {
                lo = Math.min(lo, losses[i]);
            }
            if (Double.isFinite(smoothed[i])) {
                lo = Math.min(lo, smoothed[i]);
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException(op + ": no finite smoothed loss; the run diverged at once");
        }
        double hi = smoothed[best];
        for (int i = 0; i <= best; i++) {
            if (Double.isFinite(smoothed[i])) {
                hi = Math.max(hi, smoothed[i]);
            }
            if (Double.isFinite(losses[i])) {
                hi = Math.max(hi, losses[i]);
            }
        }
        double pad = hi > lo ? 0.08 * (hi - lo) : Math.max(1e-3, Math.abs(hi) * 0.1);
        double bottom = lo - pad;
        double top = hi + pad;
        List<Trace> traces = new ArrayList<>();
        traces.add(Traces.of(Series.of("loss", lrs, losses).width(1).opacity(0.35), Palette.cycle(0)));
        traces.add(Traces.of(Series.of("smoothed loss", lrs, smoothed).width(2.5), Palette.cycle(0)));
        String[] labels = {"steepest descent", "minimum / 10"};
        double[] picks = {steepest, minimumOverTen};
        String[] colors = {Palette.cycle(3), Palette.cycle(2)};
        for (int k = 0; k < 2; k++) {
            if (Double.isNaN(picks[k])) {
                continue;
            }
            if (!(picks[k] > 0 && picks[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(op + ": the " + labels[k] + " suggestion is "
                        + Text.num(picks[k]) + "; expected a positive learning rate or NaN for none");
            }
            traces.add(Traces.of(Series.of(labels[k] + ": " + Text.short4(picks[k]), new double[] {picks[k], picks[k]},
                    new double[] {bottom, top}).dashed().width(1.5).color(colors[k]), null));
        }
        Frame frame = Frame.of("Learning-rate finder", "learning rate (log scale)", "loss").log(LogScale.X)
                .yRange(bottom, top).legend(true);
        return new Figure(frame.layout(), traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------------------------------ training health

    /**
     * Gradient norms over training, one series per parameter (x = the step), on a log y-axis: layers whose
     * gradients are orders of magnitude smaller than the others' are not learning (vanishing gradients).
     */
    public static Figure gradNorms(Series... perParameter) {
        return lines("Gradient norm per parameter", "step", "gradient norm ‖∂L/∂θ‖", LogScale.Y, perParameter);
    }

    /** Weight norms over training, one series per parameter (x = the step), on a log y-axis. */
    public static Figure weightNorms(Series... perParameter) {
        return lines("Weight norm per parameter", "step", "weight norm ‖θ‖", LogScale.Y, perParameter);
    }

    /**
     * Update-to-weight ratios ‖Δθ‖ / ‖θ‖ over training, one series per parameter, on a log y-axis, with the
     * rule of thumb 1e-3 as a dashed grey line: far below it a layer barely moves (learning rate too small),
     * far above it the weights are rewritten each step (too large).
     */
    public static Figure updateRatios(Series... perParameter) {
        requireSeries("Plots.updateRatios", LogScale.Y, perParameter);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : perParameter) {
            for (double x : s.x()) {
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        Series[] all = Arrays.copyOf(perParameter, perParameter.length + 1);
        all[perParameter.length] = Series.of("1e-3 (rule of thumb)", new double[] {lo, hi}, new double[] {1e-3, 1e-3})
                .dashed().width(1.5).color("#7f7f7f");
        return lines("Update-to-weight ratio per parameter", "step", "‖Δθ‖ / ‖θ‖", LogScale.Y, all);
    }

    // ------------------------------------------------------------------------------------------ histograms

    /** A histogram of the values, as the share of values in each of 40 bins. */
    public static Figure histogram(String title, double[] values) {
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put("values", values);
        return histogram(title, one, HISTOGRAM_BINS);
    }

    /** Overlaid histograms of several sets of values (e.g. one per layer) over the same 40 bins. */
    public static Figure histogram(String title, Map<String, double[]> values) {
        return histogram(title, values, HISTOGRAM_BINS);
    }

    /**
     * Overlaid histograms of several sets of values over the same {@code bins} bins spanning all of them.
     * Each set is drawn as the outline of its bars, lightly filled, with the share of its values in each bin,
     * so sets of different sizes compare. NaN and infinite values are left out and counted in the legend.
     */
    public static Figure histogram(String title, Map<String, double[]> values, int bins) {
        String op = "Plots.histogram";
        requireText(op, title);
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException(op + ": bins must be in 1…1000, got " + bins);
        }
        List<Map.Entry<String, double[]>> entries = entries(op, "values", values);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : entries) {
            boolean any = false;
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException(op + ": \"" + e.getKey() + "\" has no finite values ("
                        + e.getValue().length + " values)");
            }
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double binWidth = (hi - lo) / bins;
        Trace[] traces = new Trace[entries.size()];
        for (int k = 0; k < traces.length; k++) {
            double[] v = entries.get(k).getValue();
            double[] share = new double[bins];
            int finite = 0;
            for (double value : v) {
                if (Double.isFinite(value)) {
                    share[Math.min(bins - 1, (int) ((value - lo) / binWidth))]++;
                    finite++;
                }
            }
            double[] x = new double[2 * bins + 2];
            double[] y = new double[2 * bins + 2];
            x[0] = lo;
            for (int b = 0; b < bins; b++) {
                share[b] /= finite;
                x[2 * b + 1] = lo + b * binWidth;
                x[2 * b + 2] = lo + (b + 1) * binWidth;
                y[2 * b + 1] = share[b];
                y[2 * b + 2] = share[b];
            }
            x[2 * bins + 1] = hi;
            String name = entries.get(k).getKey();
            if (finite < v.length) {
                name += " (" + (v.length - finite) + " non-finite left out)";
            }
            String color = Palette.cycle(k);
            traces[k] = ScatterTrace.builder(x, y).name(Text.clean(name)).mode(ScatterTrace.Mode.LINE)
                    .line(Line.builder().color(color).width(1.5).build())
                    .fill(ScatterTrace.Fill.TO_ZERO_Y).fillColor(Palette.translucent(color, 0.2)).build();
        }
        Frame frame = Frame.of(title, "value", "share of values").legend(traces.length > 1);
        return new Figure(frame.layout(), traces);
    }

    /**
     * Histograms of each layer's output for the input {@code x} ({@link Sequential#forwardAll}), overlaid:
     * saturated tanh units pile up at ±1, dead ReLUs at 0. The forward pass runs in evaluation mode; the
     * model is switched back to training mode afterwards.
     */
    public static Figure activations(Sequential model, Matrix x) {
        if (model == null || x == null) {
            throw new IllegalArgumentException("Plots.activations: model and x must not be null");
        }
        List<Matrix> outputs;
        model.eval();
        try {
            outputs = model.forwardAll(x);
        } finally {
            model.train();
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int k = 0; k < outputs.size(); k++) {
            values.put(k + ": " + model.layer(k), outputs.get(k).flatten());
        }
        return histogram("Activations per layer (" + x.rows() + " examples)", values, HISTOGRAM_BINS);
    }

    /** Histograms of the current gradient of each parameter (after a backward pass), overlaid. */
    public static Figure gradients(Layer model) {
        return parameterHistogram("Plots.gradients", model, true);
    }

    /** Histograms of the current values of each parameter (e.g. right after initialisation), overlaid. */
    public static Figure weights(Layer model) {
        return parameterHistogram("Plots.weights", model, false);
    }

    private static Figure parameterHistogram(String op, Layer model, boolean gradients) {
        if (model == null) {
            throw new IllegalArgumentException(op + ": model is null");
        }
        List<Parameter> parameters = model.parameters();
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + model + " has no parameters");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name() + " " + p.value().shape(), (gradients ? p.grad() : p.value()).flatten());
        }
        return histogram(gradients ? "Gradients per parameter" : "Weights per parameter", values, HISTOGRAM_BINS);
    }

    // ------------------------------------------------------------------------------------------ images

    /** The first {@code count} images of an MNIST-like dataset (784 features), captioned with their labels. */
    public static Figure digits(Dataset data, int count) {
        if (data == null) {
            throw new IllegalArgumentException("Plots.digits: data is null");
        }
        if (count < 1 || count > Math.min(MAX_IMAGES, data.size())) {
            throw new IllegalArgumentException("Plots.digits: count must be in 1…" + Math.min(MAX_IMAGES, data.size())
                    + " for " + data + ", got " + count);
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return digits(data, indices);
    }

    /** The images at {@code indices} of an MNIST-like dataset, captioned with their labels. */
    public static Figure digits(Dataset data, int[] indices) {
        return digits(data, indices, null);
    }

    /**
     * The images at {@code indices}, captioned "label (pred p)", e.g. to look at the mistakes:
     * <pre>{@code
     * int[] predicted = model.forward(test.x()).argmaxRows();
     * Plots.digits(test, wrong, predicted);          // wrong = the indices where predicted ≠ label
     * }</pre>
     * {@code predicted} holds one class per example of {@code data} (not per index). The images are drawn in
     * grey, dark ink on white, upright, up to ten per row.
     */
    public static Figure digits(Dataset data, int[] indices, int[] predicted) {
        String op = "Plots.digits";
        if (data == null || indices == null) {
            throw new IllegalArgumentException(op + ": data and indices must not be null");
        }
        if (indices.length == 0 || indices.length > MAX_IMAGES) {
            throw new IllegalArgumentException(op + ": expected 1…" + MAX_IMAGES + " indices, got " + indices.length);
        }
        if (predicted != null && predicted.length != data.size()) {
            throw new IllegalArgumentException(op + ": predicted has " + predicted.length + " classes but the data has "
                    + data.size() + " examples; expected one prediction per example");
        }
        int[] labels = labels(op, data.y());
        List<Matrix> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i : indices) {
            if (i < 0 || i >= data.size()) {
                throw new IllegalArgumentException(op + ": index " + i + " is outside 0…" + (data.size() - 1));
            }
            images.add(Mnist.image(data, i));
            captions.add(predicted == null ? Integer.toString(labels[i]) : labels[i] + " (pred " + predicted[i] + ")");
        }
        String title = indices.length + (indices.length == 1 ? " image" : " images")
                + (predicted == null ? ", captioned with the label" : ", captioned label (prediction)");
        return images(title, images, captions, Math.min(10, indices.length));
    }

    /**
     * Greyscale images in a grid of {@code columns} columns, each with its caption above it. All images have
     * the same shape; each is scaled from its own minimum (white) to its maximum (black), so pixel values in
     * [0, 1], [0, 255] or standardized all look alike. Row 0 of an image is drawn at the top.
     */
    public static Figure images(String title, List<Matrix> images, List<String> captions, int columns) {
        return PixelGrid.figure(title, images, captions, columns, MAX_IMAGES);
    }

    // ------------------------------------------------------------------------------------------ classification

    /**
     * A confusion matrix as a heatmap: row = actual class (0 at the top), column = predicted class, colour =
     * count (plotly's RdBu scale, blue for few, red for many) and the non-zero counts written in the cells.
     */
    public static Figure confusion(ConfusionMatrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("Plots.confusion: matrix is null");
        }
        int k = matrix.classes();
        int[][] counts = matrix.counts();
        Object[] classes = new Object[k];
        double[][] z = new double[k][k];
        List<double[]> cells = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            classes[a] = a;
            for (int p = 0; p < k; p++) {
                z[a][p] = counts[a][p];
                if (counts[a][p] != 0) {
                    cells.add(new double[] {p, a});
                    text.add(Integer.toString(counts[a][p]));
                }
            }
        }
        HeatmapTrace heat = ((HeatmapTrace.HeatmapBuilder) HeatmapTrace.builder(classes, classes, z)
                .name("count").opacity(0.7)).build();
        double[] cx = new double[cells.size()];
        double[] cy = new double[cells.size()];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = cells.get(i)[0];
            cy[i] = cells.get(i)[1];
        }
        Trace labels = Traces.labels(cx, cy, text.toArray(new String[0]), "count");
        int plotWidth = width - Frame.LEFT - Frame.RIGHT - 110;
        String title = "Confusion matrix: accuracy " + String.format(java.util.Locale.ROOT, "%.4f", matrix.accuracy())
                + " on " + matrix.total() + " examples";
        Frame frame = Frame.of(title, "predicted class", "actual class").xRange(-0.5, k - 0.5)
                .yRange(k - 0.5, -0.5).integerTicksX(k).integerTicksY(k).legend(false)
                .height(Math.max(300, Math.min(900, plotWidth + Frame.TOP + Frame.BOTTOM))).bare();
        return new Figure(frame.layout(), heat, labels);
    }

    /**
     * The decision regions of a model on a two-feature dataset, with the data on top. The model's scores on
     * a 120 × 120 grid covering the data give the predicted class (the largest score; for a single column,
     * a logit: class 1 where it is positive). The regions are painted pale in plotly's RdBu colours, the
     * points in the full colour of their true class, so a point on a region of another colour is a mistake.
     * The forward pass runs in evaluation mode; the model is switched back to training mode afterwards.
     */
    public static Figure decisionBoundary(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.decisionBoundary: model is null");
        }
        return regions("Plots.decisionBoundary", evaluation(model), data, false);
    }

    /**
     * The decision regions of a hand-written model given as its scores for a batch of points (n × 2 in,
     * n × k or n × 1 out), e.g. {@code Plots.decisionBoundary(x -> x.times(w).plusRow(b), data)}.
     */
    public static Figure decisionBoundary(Function<Matrix, Matrix> scores, Dataset data) {
        return regions("Plots.decisionBoundary", scores, data, false);
    }

    /**
     * The probability of class 1 that a two-class model gives over the plane, with the data on top: blue
     * where p = 0, grey at the decision boundary p = 0.5, red where p = 1 (plotly's RdBu, the colours of the
     * classes' points). Scores with one column are a logit, p = σ(z); with two columns, p = softmax(z)₁. The
     * forward pass runs in evaluation mode; the model is switched back to training mode afterwards.
     */
    public static Figure probability(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.probability: model is null");
        }
        return regions("Plots.probability", evaluation(model), data, true);
    }

    /** The probability of class 1 of a hand-written two-class model given as its scores for a batch of points. */
    public static Figure probability(Function<Matrix, Matrix> scores, Dataset data) {
        return regions("Plots.probability", scores, data, true);
    }

    /** A model's forward pass in evaluation mode, leaving the model in training mode. */
    private static Function<Matrix, Matrix> evaluation(Layer model) {
        return x -> {
            model.eval();
            try {
                return model.forward(x);
            } finally {
                model.train();
            }
        };
    }

    /** The heatmap of the predicted class (or of p(class 1)) on a grid covering the data, with the data on top. */
    private static Figure regions(String op, Function<Matrix, Matrix> scores, Dataset data, boolean probability) {
        if (scores == null) {
            throw new IllegalArgumentException(op + ": scores is null");
        }
        int[] labels = requirePlane(op, data);
        double[] box = box(data);
        double[] xs = linspace(box[0], box[1], BOUNDARY_GRID);
        double[] ys = linspace(box[2], box[3], BOUNDARY_GRID);
        Matrix grid = Matrix.zeros(xs.length * ys.length, 2);
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                grid.set(i * xs.length + j, 0, xs[j]);
                grid.set(i * xs.length + j, 1, ys[i]);
            }
        }
        Matrix s = scores.apply(grid);
        if (s == null || s.rows() != grid.rows() || s.cols() < 1) {
            throw new IllegalArgumentException(op + ": the scores of a " + grid.shape() + " batch are "
                    + (s == null ? "null" : s.shape()) + "; expected " + grid.rows() + " rows, one column per class"
                    + " (or one logit column)");
        }
        int k = Math.max(2, Math.max(s.cols(), max(labels) + 1));
        if (probability && (s.cols() > 2 || k > 2)) {
            throw new IllegalArgumentException(op + ": expected two classes (one logit column or two score"
                    + " columns, labels 0 and 1), got " + s.cols() + " score columns and " + (max(labels) + 1)
                    + " classes; use Plots.decisionBoundary for more");
        }
        double[] value = new double[grid.rows()];
        for (int r = 0; r < value.length; r++) {
            if (probability) {
                double z = s.cols() == 1 ? s.get(r, 0) : s.get(r, 1) - s.get(r, 0);
                value[r] = 1 / (1 + Math.exp(-z));
            } else if (s.cols() == 1) {
                value[r] = s.get(r, 0) > 0 ? 1 : 0;
            }
        }
        if (!probability && s.cols() > 1) {
            int[] predicted = s.argmaxRows();
            for (int r = 0; r < value.length; r++) {
                value[r] = predicted[r];
            }
        }
        // One more column, outside the visible range, holds the lowest and the highest value (class 0 and
        // k − 1, or probability 0 and 1) so that the colour scale always spans them all and each region gets
        // the colour of its class's points.
        Object[] hx = new Object[xs.length + 1];
        Object[] hy = new Object[ys.length];
        double[][] z = new double[ys.length][xs.length + 1];
        double dx = xs[1] - xs[0];
        for (int j = 0; j < xs.length; j++) {
            hx[j] = roundOne(xs[j], dx * 1e-3);
        }
        hx[xs.length] = roundOne(xs[xs.length - 1] + 2 * dx, dx * 1e-3);
        for (int i = 0; i < ys.length; i++) {
            hy[i] = roundOne(ys[i], dx * 1e-3);
            for (int j = 0; j < xs.length; j++) {
                z[i][j] = probability ? roundOne(value[i * xs.length + j], 1e-4) : value[i * xs.length + j];
            }
            z[i][xs.length] = i % 2 == 0 ? 0 : probability ? 1 : k - 1;
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(((HeatmapTrace.HeatmapBuilder) HeatmapTrace.builder(hx, hy, z)
                .name(probability ? "p(class 1)" : "predicted class").opacity(probability ? 0.5 : 0.35)).build());
        addClassPoints(traces, data, labels, k, false);
        String title = probability ? "Probability of class 1 (colour bar), points in their true class"
                : "Decision regions (colour = class: regions predicted, points true)";
        Frame frame = Frame.of(title, "x₁", "x₂").xRange(box[0] - dx / 2, box[1] + dx / 2)
                .yRange(box[2] - dx / 2, box[3] + dx / 2).legend(false).bare();
        return new Figure(frame.layout(), traces.toArray(new Trace[0]));
    }

    /** The points of a two-feature dataset coloured by class (the colours of {@link #decisionBoundary}). */
    public static Figure scatter(Dataset data) {
        int[] labels = requirePlane("Plots.scatter", data);
        List<Trace> traces = new ArrayList<>();
        addClassPoints(traces, data, labels, Math.max(2, max(labels) + 1), true);
        return new Figure(Frame.of(data.toString(), "x₁", "x₂").legend(true).layout(),
                traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------------------------------ regression

    /** The points (x, y) of a one-feature regression dataset. */
    public static Figure regression(Dataset data) {
        return regression(data, new LinkedHashMap<>());
    }

    /** The points of a one-feature regression dataset with one fitted curve, e.g. {@code x -> w * x + b}. */
    public static Figure regression(Dataset data, DoubleUnaryOperator fit) {
        if (fit == null) {
            throw new IllegalArgumentException("Plots.regression: fit is null");
        }
        Map<String, DoubleUnaryOperator> one = new LinkedHashMap<>();
        one.put("fit", fit);
        return regression(data, one);
    }

    /**
     * The points of a one-feature regression dataset with a model's predictions as a curve (forward pass in
     * evaluation mode; the model is switched back to training mode afterwards).
     */
    public static Figure regression(Dataset data, Layer model) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.regression: model is null");
        }
        Function<Matrix, Matrix> forward = evaluation(model);
        Function<double[], double[]> curve = grid -> {
            Matrix out = forward.apply(Matrix.column(grid));
            if (out.rows() != grid.length || out.cols() != 1) {
                throw new IllegalArgumentException("Plots.regression: " + model + " maps a " + grid.length
                        + "×1 batch to " + out.shape() + ", expected " + grid.length + "×1");
            }
            return out.column(0);
        };
        return regression(data, List.of(model.toString()), List.of(curve));
    }

    /**
     * The points of a one-feature regression dataset with several fitted curves, e.g. the line after 0, 10
     * and 100 steps: {@code Plots.regression(data, Map.of("step 0", f0, "step 10", f10))}. Each curve is drawn
     * over the range of the data.
     */
    public static Figure regression(Dataset data, Map<String, DoubleUnaryOperator> fits) {
        if (fits == null) {
            throw new IllegalArgumentException("Plots.regression: fits is null");
        }
        List<String> names = new ArrayList<>();
        List<Function<double[], double[]>> curves = new ArrayList<>();
        for (Map.Entry<String, DoubleUnaryOperator> e : fits.isEmpty() ? List.<Map.Entry<String,
                DoubleUnaryOperator>>of() : entries("Plots.regression", "fits", fits)) {
            names.add(e.getKey());
            curves.add(grid -> {
                double[] y = new double[grid.length];
                for (int i = 0; i < grid.length; i++) {
                    y[i] = e.getValue().applyAsDouble(grid[i]);
                }
                return y;
            });
        }
        return regression(data, names, curves);
    }

    /** The data as markers and each curve (a function of 100 grid points over the data's range) as a line. */
    private static Figure regression(Dataset data, List<String> names, List<Function<double[], double[]>> curves) {
        String op = "Plots.regression";
        if (data == null) {
            throw new IllegalArgumentException(op + ": data is null");
        }
        if (data.featureCount() != 1 || data.targetCount() != 1) {
            throw new IllegalArgumentException(op + ": expected one feature and one target, got " + data
                    + " (x " + data.x().shape() + ", y " + data.y().shape() + ")");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(op + ": the dataset is empty");
        }
        double[] x = data.x().column(0);
        double[] y = data.y().column(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException(op + ": no finite feature value in " + data);
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(Traces.of(Series.of("data", x, y).markers().opacity(0.6), Palette.cycle(0)));
        double[] grid = linspace(lo, hi, 100);
        for (int k = 0; k < curves.size(); k++) {
            double[] fy = curves.get(k).apply(grid.clone());
            traces.add(Traces.of(Series.of(names.get(k), grid, fy).width(2.5), Palette.cycle(k + 1)));
        }
        String title = curves.isEmpty() ? "Regression data (" + data.size() + " examples)"
                : "Regression data and " + (curves.size() == 1 ? "fitted curve" : "fitted curves");
        return new Figure(Frame.of(title, "x", "y").legend(true).layout(), traces.toArray(new Trace[0]));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void addClassPoints(List<Trace> traces, Dataset data, int[] labels, int k, boolean legend) {
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int label : labels) {
                count += label == c ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] px = new double[count];
            double[] py = new double[count];
            int n = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    px[n] = data.x().get(i, 0);
                    py[n] = data.x().get(i, 1);
                    n++;
                }
            }
            traces.add(Traces.points(px, py, "class " + c, Palette.classColor(c, k), Symbol.CIRCLE, 8, legend));
        }
    }

    private static int[] requirePlane(String op, Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException(op + ": data is null");
        }
        if (data.featureCount() != 2) {
            throw new IllegalArgumentException(op + ": expected a dataset with 2 features (points in the plane), got "
                    + data);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(op + ": the dataset is empty");
        }
        if (!data.x().isFinite()) {
            throw new IllegalArgumentException(op + ": the features of " + data + " are not all finite");
        }
        return labels(op, data.y());
    }

    /** The class of each target row, with the library's message under this helper's name. */
    private static int[] labels(String op, Matrix y) {
        try {
            return Labels.indices(y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage().replaceFirst("^Labels.indices: ", ""), e);
        }
    }

    /** The data's bounding box {xMin, xMax, yMin, yMax}, widened by 10% on each side. */
    private static double[] box(Dataset data) {
        double[] b = new double[4];
        for (int d = 0; d < 2; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : data.x().column(d)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double pad = hi > lo ? 0.1 * (hi - lo) : 1;
            b[2 * d] = lo - pad;
            b[2 * d + 1] = hi + pad;
        }
        return b;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Levels spaced evenly in u = log(1 + (f − min)/s) for the finite values of f on the grid. */
    static double[] contourLevels(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double min = v[0];
        double range = v[v.length - 1] - min;
        if (range == 0) {
            return new double[] {min};
        }
        double s = Math.max(v[(int) (0.02 * (v.length - 1))] - min, 1e-9 * range);
        double top = Math.log1p(range / s);
        double[] levels = new double[CONTOUR_LEVELS];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = min + s * Math.expm1(top * (k + 1) / (levels.length + 1));
        }
        return levels;
    }

    /** The entries of a named map in its own order if it keeps one, otherwise sorted by name. */
    static <V> List<Map.Entry<String, V>> entries(String op, String what, Map<String, V> map) {
        if (map == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + what + " is empty; pass at least one");
        }
        List<Map.Entry<String, V>> entries = new ArrayList<>();
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(op + ": " + what + " has a null " + (e.getKey() == null
                        ? "name" : "value for \"" + e.getKey() + "\""));
            }
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        if (!(map instanceof LinkedHashMap || map instanceof SortedMap)) {
            entries.sort(Map.Entry.comparingByKey());
        }
        return entries;
    }

    private static void requireSeries(String op, LogScale log, Series... series) {
        if (series == null || series.length == 0) {
            throw new IllegalArgumentException(op + ": no series; pass at least one");
        }
        for (int i = 0; i < series.length; i++) {
            Series s = series[i];
            if (s == null) {
                throw new IllegalArgumentException(op + ": series " + i + " is null");
            }
            boolean finite = false;
            boolean showable = false;
            double[] x = s.x();
            double[] y = s.y();
            for (int j = 0; j < y.length; j++) {
                if (Double.isFinite(x[j]) && Double.isFinite(y[j])) {
                    finite = true;
                    showable |= (!log.logX() || x[j] > 0) && (!log.logY() || y[j] > 0);
                }
            }
            if (!finite) {
                throw new IllegalArgumentException(op + ": series \"" + s.name() + "\" has no finite point ("
                        + s.size() + " points)");
            }
            if (!showable) {
                String which = log == LogScale.XY ? "x and y" : log.logX() ? "x" : "y";
                throw new IllegalArgumentException(op + ": series \"" + s.name() + "\" has no point with positive "
                        + which + " to show on a log scale");
            }
        }
    }

    private static void requireText(String op, String... texts) {
        for (String t : texts) {
            if (t == null) {
                throw new IllegalArgumentException(op + ": titles must not be null (use \"\" for none)");
            }
        }
    }

    private static void requireWindow(String op, String axis, double from, double to) {
        if (!(from < to) || !Double.isFinite(to - from)) {
            throw new IllegalArgumentException(op + ": the " + axis + "-range must be finite with from < to, got "
                    + Text.num(from) + " … " + Text.num(to));
        }
    }

    private static void requireFunction(Function2D f) {
        if (f == null) {
            throw new IllegalArgumentException("Plots.contour: the function is null");
        }
    }

    private static void requireSteps(String op, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(op + ": steps must be at least 1, got " + steps);
        }
    }

    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? to : from + (to - from) * i / (n - 1);
        }
        return v;
    }

    /** The values rounded to multiples of a power of ten no larger than {@code step}: shorter numbers in the page. */
    static double[] round(double[] values, double step) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = roundOne(values[i], step);
        }
        return r;
    }

    static double roundOne(double value, double step) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, -Math.floor(Math.log10(step)));
        return Math.rint(value * scale) / scale;
    }
}
