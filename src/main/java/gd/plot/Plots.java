package gd.plot;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Mnist;
import gd.landscape.Function2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.nn.TrainingModes;
import gd.schedule.OneCycleLR;
import gd.schedule.Scheduler;
import gd.train.History;
import gd.train.LrFinder;
import gd.util.Format;
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
 * Plots.loss(history);                                                         // a Trainer run, with validation
 * Plots.descent(x -> x * x - 2 * x, -1, 3, iterates);                         // f(x) and x₀, x₁, …
 * Plots.contour(Functions2D.rosenbrock(), adam, sgd);                         // optimizer paths
 * Plots.schedule(100, cosine, step);                                           // learning rate per step
 * Plots.digits(mnist.test(), 16);                                              // images with their labels
 * Plots.decisionBoundary(model, moons);                                        // regions and points
 * }</pre>
 * Every helper takes plain arrays or the library's own objects, checks its input (an
 * {@link IllegalArgumentException} that names the helper and the problem) and builds the same figure for
 * the same input. Figures are {@link #DEFAULT_WIDTH} × {@link #DEFAULT_HEIGHT} pixels, and
 * {@link #size(Figure, int, int)} draws one again at another size; images, contours and confusion matrices
 * choose their height to keep their cells square. Series get plotly's colours in order; several runs on one
 * chart keep their order (a map's own order if it has one, as {@link LinkedHashMap} and {@link SortedMap},
 * otherwise sorted by name).
 *
 * <p>Everything is drawn with Tablesaw's own traces: scatter traces for lines, markers, text and the pixels
 * of images, heatmaps for confusion matrices and decision regions (plotly's RdBu colours), and contour lines
 * computed here ({@code ContourLines}) so that log-spaced levels show narrow valleys.
 */
public final class Plots {
    /** The default width of a figure in pixels. */
    public static final int DEFAULT_WIDTH = Size.DEFAULT_WIDTH;
    /** The default height of a figure in pixels. */
    public static final int DEFAULT_HEIGHT = Size.DEFAULT_HEIGHT;

    private static final int CURVE_POINTS = 400;
    private static final int HISTOGRAM_BINS = 40;
    private static final int MAX_IMAGES = 200;

    private Plots() {
    }

    // ------------------------------------------------------------------------------------------ size

    /**
     * The figure drawn again at width × height pixels (default 700 × 420), like matplotlib's {@code figsize}:
     * {@code Plots.size(Plots.loss(history), 900, 500)}. The figure given and all others keep their size.
     * Figures that keep square cells use the width and choose their own height.
     */
    public static Figure size(Figure figure, int width, int height) {
        return Chart.resize("Plots.size", figure, Size.of("Plots.size", width, height));
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
        return Chart.lines(title, xTitle, yTitle, log, series);
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

    // ------------------------------------------------------------------------------------------ training runs

    /**
     * The loss of a training run ({@link History}) against the step: every step's batch loss (faint, when
     * there are several steps per epoch), the mean training loss of each epoch and the validation loss after
     * each epoch (both drawn at the step where the epoch ends). Linear y-axis.
     */
    public static Figure loss(History history) {
        return loss(LogScale.NONE, history);
    }

    /** The loss of a training run as {@link #loss(History)}, e.g. on {@code LogScale.Y}. */
    public static Figure loss(LogScale log, History history) {
        TrainingFigures.requireHistory("Plots.loss", "history", history);
        String[] names = {"batch loss per step", "training loss (epoch mean)", "validation loss"};
        List<Series> series = TrainingFigures.runLoss(history, Palette.cycle(0), Palette.cycle(1), names);
        String title = (history.validationLoss().length > 0 ? "Training and validation loss" : "Training loss")
                + (history.diverged() ? " (diverged)" : "");
        return lines(title, "step", "loss", log, series.toArray(new Series[0]));
    }

    /**
     * The losses of several training runs on one chart, e.g. {@code Plots.loss(Map.of("Sgd", h1, "Adam", h2))}:
     * per run, its batch losses faint, its epoch means in its colour and its validation losses dashed.
     */
    public static Figure loss(Map<String, History> runs) {
        return loss(LogScale.NONE, runs);
    }

    /** The losses of several training runs as {@link #loss(Map)}, e.g. on {@code LogScale.Y}. */
    public static Figure loss(LogScale log, Map<String, History> runs) {
        List<Map.Entry<String, History>> entries = TrainingFigures.historyEntries("Plots.loss", runs);
        List<Series> series = new ArrayList<>();
        boolean validation = false;
        for (int k = 0; k < entries.size(); k++) {
            String name = entries.get(k).getKey();
            History h = entries.get(k).getValue();
            validation |= h.validationLoss().length > 0;
            series.addAll(TrainingFigures.runLoss(h, Palette.cycle(k), Palette.cycle(k), new String[] {name + " (per step)",
                name + (h.diverged() ? " (diverged)" : ""), name + " (validation)"}));
        }
        String title = validation ? "Training loss (solid) and validation loss (dashed)" : "Training loss";
        return lines(title, "step", "loss", log, series.toArray(new Series[0]));
    }

    /**
     * A metric of a training run per epoch, e.g. {@code Plots.metric(history, "accuracy")}: on the training
     * data (accumulated over each epoch's batches) and, if the run had one, on the validation set.
     */
    public static Figure metric(History history, String name) {
        Map<String, History> one = new LinkedHashMap<>();
        one.put("", history);
        return metric(one, name);
    }

    /** A metric of several training runs per epoch: training solid, validation dashed, one colour per run. */
    public static Figure metric(Map<String, History> runs, String name) {
        String op = "Plots.metric";
        List<Map.Entry<String, History>> entries = TrainingFigures.historyEntries(op, runs);
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            History h = entries.get(k).getValue();
            if (name == null || !h.metricNames().contains(name)) {
                throw new IllegalArgumentException(op + ": " + (entries.get(k).getKey().isEmpty() ? "the history"
                        : "run \"" + entries.get(k).getKey() + "\"") + " has no metric named "
                        + (name == null ? "null" : "\"" + name + "\"") + "; it recorded " + h.metricNames());
            }
            String run = entries.get(k).getKey().isEmpty() ? "" : entries.get(k).getKey() + ": ";
            double[] epochs = new double[h.epochs()];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            String color = Palette.cycle(k);
            series.add(Series.of(run + "training", epochs, h.metric(name)).linesAndMarkers().color(color));
            double[] validation = h.validationMetric(name);
            if (validation.length > 0) {
                series.add(Series.of(run + "validation", Arrays.copyOf(epochs, validation.length), validation)
                        .linesAndMarkers().dashed().color(entries.size() == 1 ? Palette.cycle(1) : color));
            }
        }
        String title = Character.toUpperCase(name.charAt(0)) + name.substring(1) + " per epoch";
        return lines(title, "epoch", name, series.toArray(new Series[0]));
    }

    /** The learning rate each step of a training run used (as its schedule set it). */
    public static Figure lr(History history) {
        TrainingFigures.requireHistory("Plots.lr", "history", history);
        return lines("Learning rate per step", "step", "learning rate", Series.of("learning rate", history.lr()));
    }

    /**
     * The gradient norm of each parameter at the steps where the run recorded detailed statistics, on a log
     * y-axis, with the global norm of all gradients dashed. A parameter whose norms are all zero or NaN cannot
     * be drawn on a log axis; the title names it.
     */
    public static Figure gradNorms(History history) {
        String op = "Plots.gradNorms";
        int[] steps = TrainingFigures.requireStats(op, history);
        List<Series> series = new ArrayList<>();
        for (String p : history.parameterNames()) {
            series.add(Series.of(p, steps, history.gradNorm(p)));
        }
        series.add(Series.of("all parameters", steps, history.gradNorm()).dashed().color("#444444"));
        return TrainingFigures.perParameter(op, "Gradient norm per parameter", "gradient norm ‖∂L/∂θ‖", series, false);
    }

    /** The weight norm of each parameter at the steps with detailed statistics, on a log y-axis. */
    public static Figure weightNorms(History history) {
        String op = "Plots.weightNorms";
        int[] steps = TrainingFigures.requireStats(op, history);
        List<Series> series = new ArrayList<>();
        for (String p : history.parameterNames()) {
            series.add(Series.of(p, steps, history.weightNorm(p)));
        }
        return TrainingFigures.perParameter(op, "Weight norm per parameter", "weight norm ‖θ‖", series, false);
    }

    /**
     * The update-to-weight ratio ‖Δθ‖ / ‖θ‖ of each parameter at the steps with detailed statistics, on a log
     * y-axis, with the rule of thumb 1e-3 dashed (see {@link #updateRatios(Series...)}).
     */
    public static Figure updateRatios(History history) {
        String op = "Plots.updateRatios";
        int[] steps = TrainingFigures.requireStats(op, history);
        List<Series> series = new ArrayList<>();
        for (String p : history.parameterNames()) {
            series.add(Series.of(p, steps, history.updateRatio(p)));
        }
        return TrainingFigures.perParameter(op, "Update-to-weight ratio per parameter", "‖Δθ‖ / ‖θ‖", series, true);
    }

    /** The learning-rate finder's result: see {@link #lrFinder(double[], double[], double[], double, double)}. */
    public static Figure lrFinder(LrFinder.Result result) {
        if (result == null) {
            throw new IllegalArgumentException("Plots.lrFinder: result is null");
        }
        return lrFinder(result.lrs(), result.losses(), result.smoothedLosses(), result.steepest(),
                result.minimumOverTen());
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
        Checks.requireWindow(op, "x", from, to);
        List<Map.Entry<String, double[]>> entries = Checks.entries(op, "runs", runs);
        double[] xs = Numbers.linspace(from, to, CURVE_POINTS);
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
            throw new IllegalArgumentException(op + ": f is not finite anywhere on [" + Format.repr(from) + ", "
                    + Format.repr(to) + "]");
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
                throw new IllegalArgumentException(op + ": run \"" + name + "\" starts at x₀ = " + Format.repr(x[0])
                        + " where f is " + Format.repr(f.applyAsDouble(x[0])) + "; expected a finite start");
            }
            double[] px = Arrays.copyOf(x, n);
            double[] py = new double[n];
            String[] hover = new String[n];
            for (int i = 0; i < n; i++) {
                py[i] = f.applyAsDouble(px[i]);
                hover[i] = "step " + i + ": x = " + Format.number(px[i]) + ", f = " + Format.number(py[i]);
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
        return Chart.of(frame, traces);
    }

    // ------------------------------------------------------------------------------------------ two variables

    /**
     * Contour lines of {@code f} over its {@link Function2D#window() window} with the optimizers' paths on top,
     * each path's start (●) and end (◆) marked, and the known minima (★). The levels are spaced evenly in
     * log(1 + (f − min f)/s), with s a low percentile of f − min f: even near the minimum, logarithmic far from
     * it, so that a round bowl and Rosenbrock's narrow valley both show. Low levels are dark, high ones pale;
     * hovering a line shows its value. The axes keep square units.
     */
    public static Figure contour(Function2D f, Trajectory... paths) {
        Checks.requireFunction(f);
        double[] w = f.window();
        return contour(f, w[0], w[1], w[2], w[3], paths);
    }

    /**
     * Contour lines of {@code f} over its window with named paths, e.g.
     * {@code Plots.contour(f, Map.of("Adam", adam, "momentum 0.9", sgd))}.
     */
    public static Figure contour(Function2D f, Map<String, Trajectory> paths) {
        Checks.requireFunction(f);
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
        return ContourFigure.of(f, xMin, xMax, yMin, yMax, Names.optimizers(reprs), Arrays.asList(paths));
    }

    /** Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with named paths on top. */
    public static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                 Map<String, Trajectory> paths) {
        List<String> names = new ArrayList<>();
        List<Trajectory> list = new ArrayList<>();
        for (Map.Entry<String, Trajectory> e : Checks.entries("Plots.contour", "paths", paths)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return ContourFigure.of(f, xMin, xMax, yMin, yMax, names, list);
    }

    // ------------------------------------------------------------------------------------------ schedules

    /**
     * The learning rate of each schedule at steps 0 … steps − 1 ({@link Scheduler#lrAt(int)}, which changes
     * nothing), named after its class.
     */
    public static Figure schedule(int steps, Scheduler... schedulers) {
        Checks.requireSteps("Plots.schedule", steps);
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
        Checks.requireSteps("Plots.schedule", steps);
        List<String> names = new ArrayList<>();
        List<Scheduler> list = new ArrayList<>();
        for (Map.Entry<String, Scheduler> e : Checks.entries("Plots.schedule", "schedulers", schedulers)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return schedule(steps, names, list);
    }

    private static Figure schedule(int steps, List<String> names, List<Scheduler> schedulers) {
        Checks.requireSteps("Plots.schedule", steps);
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
        Checks.requireSteps("Plots.oneCycle", steps);
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
        return Chart.of(frame, lrTrace, mTrace);
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
                throw new IllegalArgumentException(op + ": learning rate " + i + " is " + Format.repr(lrs[i])
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
                        + Format.repr(picks[k]) + "; expected a positive learning rate or NaN for none");
            }
            traces.add(Traces.of(Series.of(labels[k] + ": " + Format.number(picks[k]), new double[] {picks[k], picks[k]},
                    new double[] {bottom, top}).dashed().width(1.5).color(colors[k]), null));
        }
        Frame frame = Frame.of("Learning-rate finder", "learning rate (log scale)", "loss").log(LogScale.X)
                .yRange(bottom, top).legend(true);
        return Chart.of(frame, traces);
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
        return ratioChart("Update-to-weight ratio per parameter", perParameter);
    }

    static Figure ratioChart(String title, Series... perParameter) {
        Checks.requireSeries("Plots.updateRatios", LogScale.Y, perParameter);
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
        Series[] all = Arrays.copyOf(perParameter, perParameter.length + 1);
        all[perParameter.length] = Series.of("1e-3 (rule of thumb)", new double[] {lo, hi}, new double[] {1e-3, 1e-3})
                .dashed().width(1.5).color("#7f7f7f");
        return lines(title, "step", "‖Δθ‖ / ‖θ‖", LogScale.Y, all);
    }

    // ------------------------------------------------------------------------------------------ histograms

    /** A histogram of the values, as the share of values in each of 40 bins. */
    public static Figure histogram(String title, double[] values) {
        Map<String, double[]> one = new LinkedHashMap<>();
        one.put("values", values);
        return HistogramFigure.of(title, one, HISTOGRAM_BINS);
    }

    /** Overlaid histograms of several sets of values (e.g. one per layer) over the same 40 bins. */
    public static Figure histogram(String title, Map<String, double[]> values) {
        return HistogramFigure.of(title, values, HISTOGRAM_BINS);
    }

    /**
     * Overlaid histograms of several sets of values over the same {@code bins} bins spanning all of them.
     * Each set is drawn as the outline of its bars, lightly filled, with the share of its values in each bin,
     * so sets of different sizes compare. NaN and infinite values are left out and counted in the legend.
     */
    public static Figure histogram(String title, Map<String, double[]> values, int bins) {
        return HistogramFigure.of(title, values, bins);
    }

    /**
     * Histograms of each layer's output for the input {@code x} ({@link Sequential#forwardAll}), overlaid:
     * saturated tanh units pile up at ±1, dead ReLUs at 0. The forward pass runs in evaluation mode; the
     * layers' modes are restored afterwards.
     */
    public static Figure activations(Sequential model, Matrix x) {
        if (model == null || x == null) {
            throw new IllegalArgumentException("Plots.activations: model and x must not be null");
        }
        List<Matrix> outputs;
        TrainingModes modes = TrainingModes.capture(model);
        model.eval();
        try {
            outputs = model.forwardAll(x);
        } finally {
            modes.restore();
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
        int[] labels = Checks.labels(op, data.y());
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
        String title = "Confusion matrix: accuracy " + String.format(java.util.Locale.ROOT, "%.4f", matrix.accuracy())
                + " on " + matrix.total() + " examples";
        Frame frame = Frame.of(title, "predicted class", "actual class").xRange(-0.5, k - 0.5)
                .yRange(k - 0.5, -0.5).integerTicksX(k).integerTicksY(k).legend(false).bare();
        return Chart.drawn(size -> {
            int plotWidth = size.width() - Frame.LEFT - Frame.RIGHT - 110;   // room for the colour bar
            int height = Math.max(300, Math.min(900, plotWidth + Frame.TOP + Frame.BOTTOM));
            return new Chart.Drawing(frame.layout(size.height(height)), heat, labels);
        });
    }

    /**
     * The decision regions of a model on a two-feature dataset, with the data on top. The model's scores on
     * a 120 × 120 grid covering the data give the predicted class (the largest score; for a single column,
     * a logit: class 1 where it is positive). The regions are painted pale in plotly's RdBu colours, the
     * points in the full colour of their true class, so a point on a region of another colour is a mistake.
     * The forward pass runs in evaluation mode; the layers' modes are restored afterwards.
     */
    public static Figure decisionBoundary(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.decisionBoundary: model is null");
        }
        return RegionFigure.of("Plots.decisionBoundary", evaluation(model), data, false);
    }

    /**
     * The decision regions of a hand-written model given as its scores for a batch of points (n × 2 in,
     * n × k or n × 1 out), e.g. {@code Plots.decisionBoundary(x -> x.times(w).plusRow(b), data)}.
     */
    public static Figure decisionBoundary(Function<Matrix, Matrix> scores, Dataset data) {
        return RegionFigure.of("Plots.decisionBoundary", scores, data, false);
    }

    /**
     * The probability of class 1 that a two-class model gives over the plane, with the data on top: blue
     * where p = 0, grey at the decision boundary p = 0.5, red where p = 1 (plotly's RdBu, the colours of the
     * classes' points). Scores with one column are a logit, p = σ(z); with two columns, p = softmax(z)₁. The
     * forward pass runs in evaluation mode; the layers' modes are restored afterwards.
     */
    public static Figure probability(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.probability: model is null");
        }
        return RegionFigure.of("Plots.probability", evaluation(model), data, true);
    }

    /** The probability of class 1 of a hand-written two-class model given as its scores for a batch of points. */
    public static Figure probability(Function<Matrix, Matrix> scores, Dataset data) {
        return RegionFigure.of("Plots.probability", scores, data, true);
    }

    /** A model's forward pass in evaluation mode, leaving the layers' modes as they were. */
    private static Function<Matrix, Matrix> evaluation(Layer model) {
        return x -> {
            TrainingModes modes = TrainingModes.capture(model);
            model.eval();
            try {
                return model.forward(x);
            } finally {
                modes.restore();
            }
        };
    }

    /** The points of a two-feature dataset coloured by class (the colours of {@link #decisionBoundary}). */
    public static Figure scatter(Dataset data) {
        int[] labels = Checks.requirePlane("Plots.scatter", data);
        List<Trace> traces = new ArrayList<>();
        RegionFigure.addClassPoints(traces, data, labels, Math.max(2, RegionFigure.max(labels) + 1), true);
        return Chart.of(Frame.of(data.toString(), "x₁", "x₂").legend(true), traces);
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
     * evaluation mode; the layers' modes are restored afterwards).
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
                DoubleUnaryOperator>>of() : Checks.entries("Plots.regression", "fits", fits)) {
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
        double[] grid = Numbers.linspace(lo, hi, 100);
        for (int k = 0; k < curves.size(); k++) {
            double[] fy = curves.get(k).apply(grid.clone());
            traces.add(Traces.of(Series.of(names.get(k), grid, fy).width(2.5), Palette.cycle(k + 1)));
        }
        String title = curves.isEmpty() ? "Regression data (" + data.size() + " examples)"
                : "Regression data and " + (curves.size() == 1 ? "fitted curve" : "fitted curves");
        return Chart.of(Frame.of(title, "x", "y").legend(true), traces);
    }
}
