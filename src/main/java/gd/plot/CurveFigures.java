package gd.plot;

import gd.schedule.Schedule;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Curves against the step or against x: loss curves from plain arrays, learning-rate schedules, and gradient
 * descent on a function of one variable.
 */
final class CurveFigures {
    private static final int CURVE_POINTS = 400;

    private CurveFigures() {
    }

    /** The loss per step of one run. */
    static Figure loss(LogScale log, double[] loss) {
        if (loss == null) {
            throw new IllegalArgumentException("Plots.loss: loss is null");
        }
        if (loss.length == 0) {
            throw new IllegalArgumentException("Plots.loss: loss is empty; expected one value per step");
        }
        return loss(log, Series.of("loss", loss));
    }

    /** The loss per step of several runs on one chart. */
    static Figure loss(LogScale log, Series... runs) {
        return Chart.lines("Loss per step", "step", "loss", log, runs);
    }

    // ------------------------------------------------------------------------------------------ schedules

    /** The learning rate of each schedule at steps 0 … steps − 1, named by its {@code toString()}. */
    static Figure schedule(int steps, Schedule... schedulers) {
        PlotChecks.requireSteps("Plots.schedule", steps);
        List<Schedule> list = PlotChecks.requireElements("Plots.schedule", "schedulers", "scheduler", schedulers);
        List<String> names = new ArrayList<>();
        for (Schedule s : list) {
            names.add(s.toString());
        }
        return schedule(steps, Names.unique(names), list);
    }

    /** The learning rate of each named schedule at steps 0 … steps − 1. */
    static Figure schedule(int steps, Map<String, Schedule> schedulers) {
        PlotChecks.requireSteps("Plots.schedule", steps);
        List<String> names = new ArrayList<>();
        List<Schedule> list = new ArrayList<>();
        for (Map.Entry<String, Schedule> e : PlotChecks.entries("Plots.schedule", "schedulers", schedulers)) {
            names.add(e.getKey());
            list.add(e.getValue());
        }
        return schedule(steps, names, list);
    }

    private static Figure schedule(int steps, List<String> names, List<Schedule> schedulers) {
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("Plots.schedule: no schedulers; pass at least one");
        }
        Series[] series = new Series[schedulers.size()];
        for (int k = 0; k < series.length; k++) {
            double[] lr = new double[steps];
            for (int t = 0; t < steps; t++) {
                lr[t] = schedulers.get(k).lr(t);
            }
            series[k] = Series.of(names.get(k), lr);
        }
        return Chart.lines("Learning-rate schedule", "step", "learning rate", LogScale.NONE, series);
    }

    /** The one-cycle policy: the learning rate on the left axis, the momentum dashed on the right one. */
    static Figure oneCycle(int steps, Schedule schedule) {
        PlotChecks.requireSteps("Plots.oneCycle", steps);
        if (schedule == null) {
            throw new IllegalArgumentException("Plots.oneCycle: schedule is null");
        }
        double[] lr = new double[steps];
        double[] momentum = new double[steps];
        for (int t = 0; t < steps; t++) {
            lr[t] = schedule.lr(t);
            momentum[t] = schedule.momentum(t);
        }
        Trace lrTrace = Traces.of(Series.of("learning rate", lr), Palette.cycle(0));
        Series m = Series.of("momentum", momentum).dashed();
        Trace mTrace = ScatterTrace.builder(m.x(), m.y()).name(Text.clean(m.name())).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().color(Palette.cycle(1)).width(2).dash(Line.Dash.DASH).build())
                .yAxis(ScatterTrace.YAxis.Y2).build();
        Frame frame = Frame.of("One-cycle schedule: learning rate and momentum", "step",
                "learning rate (solid line)").y2("momentum (dashed line)").legend(false);
        return Chart.of(frame, lrTrace, mTrace);
    }

    // ------------------------------------------------------------------------------------------ one variable

    /** The curve f(x) over [from, to] with the iterates of one run of gradient descent on it. */
    static Figure descent(DoubleUnaryOperator f, double from, double to, double[] iterates) {
        return descent(f, from, to, PlotChecks.one("iterates", iterates));
    }

    /**
     * The curve f(x) over [from, to] with several runs of gradient descent on it, each drawn as the points
     * (xₖ, f(xₖ)) joined in order, its start x₀ marked; a run stops at its first non-finite iterate.
     */
    static Figure descent(DoubleUnaryOperator f, double from, double to, Map<String, double[]> runs) {
        String op = "Plots.descent";
        if (f == null) {
            throw new IllegalArgumentException(op + ": f is null");
        }
        PlotChecks.requireWindow(op, "x", from, to);
        List<Map.Entry<String, double[]>> entries = PlotChecks.entries(op, "runs", runs);
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
            traces.addAll(run(op, f, entries.get(k).getKey(), entries.get(k).getValue(), Palette.cycle(k)));
        }
        double margin = 0.02 * (to - from);
        Frame frame = Frame.of("Gradient descent on f(x): iterates x₀, x₁, … (large dot: x₀)", "x", "f(x)")
                .xRange(from - margin, to + margin).yRange(lo - pad, hi + pad).legend(true);
        return Chart.of(frame, traces);
    }

    /** One run: its points (xₖ, f(xₖ)) up to the first non-finite one, hovering shows each step, and its start. */
    private static List<Trace> run(String op, DoubleUnaryOperator f, String name, double[] x, String color) {
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
        Trace path = ScatterTrace.builder(px, py).name(Text.clean(label)).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                .line(Line.builder().color(color).width(1.5).build())
                .marker(Marker.builder().color(color).size(7).build())
                .text(hover).build();
        Trace start = Traces.points(new double[] {px[0]}, new double[] {py[0]}, name + ": x₀", color,
                Symbol.CIRCLE, 12, false);
        return List.of(path, start);
    }
}
