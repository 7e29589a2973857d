package gd.plot;

import gd.train.History;
import gd.tune.LrFinder;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Training runs: the loss of {@link History} runs with their validation, metrics per epoch, the learning rate,
 * per-parameter statistics (gradient norms, weight norms, update ratios) and the learning-rate finder.
 */
final class TrainingFigures {
    private static final String GRAD_NORMS = "Gradient norm per parameter";
    private static final String GRAD_NORM = "gradient norm ‖∂L/∂θ‖";
    private static final String WEIGHT_NORMS = "Weight norm per parameter";
    private static final String WEIGHT_NORM = "weight norm ‖θ‖";
    private static final String UPDATE_RATIOS = "Update-to-weight ratio per parameter";
    private static final String GRAD_STDS = "Standard deviation of each parameter's gradient";

    private TrainingFigures() {
    }

    // ------------------------------------------------------------------------------------------ loss and metrics

    /** The loss of one run: per step (faint), the mean of each epoch and the validation loss after it. */
    static Figure loss(LogScale log, History history) {
        requireHistory("Plots.loss", "history", history);
        String[] names = {"batch loss per step", "training loss (epoch mean)", "validation loss"};
        List<Series> series = runLoss(history, Palette.cycle(0), Palette.cycle(1), names);
        String title = (history.validationLoss().length > 0 ? "Training and validation loss" : "Training loss")
                + (history.diverged() ? " (diverged)" : "");
        return Chart.lines(title, "step", "loss", log, series.toArray(new Series[0]));
    }

    /** The losses of several runs, one colour per run: steps faint, epoch means solid, validation dashed. */
    static Figure loss(LogScale log, Map<String, History> runs) {
        List<Map.Entry<String, History>> entries = historyEntries("Plots.loss", runs);
        List<Series> series = new ArrayList<>();
        boolean validation = false;
        for (int k = 0; k < entries.size(); k++) {
            String name = entries.get(k).getKey();
            History h = entries.get(k).getValue();
            validation |= h.validationLoss().length > 0;
            series.addAll(runLoss(h, Palette.cycle(k), Palette.cycle(k), new String[] {name + " (per step)",
                name + (h.diverged() ? " (diverged)" : ""), name + " (validation)"}));
        }
        String title = validation ? "Training loss (solid) and validation loss (dashed)" : "Training loss";
        return Chart.lines(title, "step", "loss", log, series.toArray(new Series[0]));
    }

    /** The loss series of one run: per step (if an epoch has several), epoch means, validation. */
    private static List<Series> runLoss(History h, String color, String validationColor, String[] names) {
        int[] epochOfStep = h.epochOfStep();
        double[] ends = new double[h.epochs()];
        for (int t = 0; t < epochOfStep.length; t++) {
            ends[epochOfStep[t]] = t + 1;
        }
        List<Series> series = new ArrayList<>();
        if (h.steps() > h.epochs()) {
            series.add(Series.of(names[0], h.loss()).width(1).opacity(0.35).color(color));
        }
        series.add(Series.of(names[1], ends, h.epochLoss()).linesAndMarkers().width(2.5).color(color));
        double[] validation = h.validationLoss();
        if (validation.length > 0) {
            series.add(Series.of(names[2], Arrays.copyOf(ends, validation.length), validation).linesAndMarkers()
                    .dashed().color(validationColor));
        }
        return series;
    }

    /** A metric of one run per epoch, on the training data and, if the run had one, the validation set. */
    static Figure metric(History history, String name) {
        return metric(PlotChecks.one("", history), name);
    }

    /** A metric of several runs per epoch: training solid, validation dashed, one colour per run. */
    static Figure metric(Map<String, History> runs, String name) {
        String op = "Plots.metric";
        List<Map.Entry<String, History>> entries = historyEntries(op, runs);
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
        return Chart.lines(title, "epoch", name, LogScale.NONE, series.toArray(new Series[0]));
    }

    /** The learning rate each step of a run used. */
    static Figure lr(History history) {
        requireHistory("Plots.lr", "history", history);
        return Chart.lines("Learning rate per step", "step", "learning rate", LogScale.NONE,
                Series.of("learning rate", history.lr()));
    }

    // ------------------------------------------------------------------------------------------ per parameter

    /** The gradient norm of each parameter at the steps with detailed statistics, with the global norm dashed. */
    static Figure gradNorms(History history) {
        String op = "Plots.gradNorms";
        List<Series> series = perParameter(op, history, History::gradNorm);
        series.add(Series.of("all parameters", history.statsSteps(), history.gradNorm()).dashed().color("#444444"));
        Shown shown = Shown.onLogAxis(op, GRAD_NORMS, series);
        return Chart.lines(shown.title(), "step", GRAD_NORM, LogScale.Y, shown.series());
    }

    /** The standard deviation of each parameter's gradient elements at the steps with detailed statistics. */
    static Figure gradStds(History history) {
        String op = "Plots.gradStds";
        Shown shown = Shown.onLogAxis(op, GRAD_STDS, perParameter(op, history, (h, p) -> h.gradStats(p).std()));
        return Chart.lines(shown.title(), "step", "std of the gradient's elements", LogScale.Y, shown.series());
    }

    /** The weight norm of each parameter at the steps with detailed statistics. */
    static Figure weightNorms(History history) {
        String op = "Plots.weightNorms";
        Shown shown = Shown.onLogAxis(op, WEIGHT_NORMS, perParameter(op, history, History::weightNorm));
        return Chart.lines(shown.title(), "step", WEIGHT_NORM, LogScale.Y, shown.series());
    }

    /** The update-to-weight ratio of each parameter at the steps with detailed statistics, with the rule of thumb. */
    static Figure updateRatios(History history) {
        String op = "Plots.updateRatios";
        Shown shown = Shown.onLogAxis(op, UPDATE_RATIOS, perParameter(op, history, History::updateRatio));
        return ratioChart(shown.title(), shown.series());
    }

    /** Gradient norms given as one series per parameter, on a log y-axis. */
    static Figure gradNorms(Series... perParameter) {
        return Chart.lines(GRAD_NORMS, "step", GRAD_NORM, LogScale.Y, perParameter);
    }

    /** Weight norms given as one series per parameter, on a log y-axis. */
    static Figure weightNorms(Series... perParameter) {
        return Chart.lines(WEIGHT_NORMS, "step", WEIGHT_NORM, LogScale.Y, perParameter);
    }

    /** Update-to-weight ratios given as one series per parameter, with the rule of thumb 1e-3 dashed. */
    static Figure updateRatios(Series... perParameter) {
        return ratioChart(UPDATE_RATIOS, perParameter);
    }

    /** Ratios on a log y-axis with the rule of thumb 1e-3 as a dashed grey line across their steps. */
    private static Figure ratioChart(String title, Series... perParameter) {
        PlotChecks.requireSeries("Plots.updateRatios", LogScale.Y, perParameter);
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
        return Chart.lines(title, "step", "‖Δθ‖ / ‖θ‖", LogScale.Y, all);
    }

    /** One series per parameter of a run with detailed statistics, e.g. {@code History::gradNorm}. */
    private static List<Series> perParameter(String op, History history,
                                             BiFunction<History, String, double[]> statistic) {
        int[] steps = requireStats(op, history);
        List<Series> series = new ArrayList<>();
        for (String p : history.parameterNames()) {
            series.add(Series.of(p, steps, statistic.apply(history, p)));
        }
        return series;
    }

    /** The series a log axis can show, and a title that names those it cannot (all zero or NaN). */
    private record Shown(String title, Series... series) {
        static Shown onLogAxis(String op, String title, List<Series> series) {
            List<Series> shown = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            for (Series s : series) {
                boolean positive = false;
                for (double v : s.y()) {
                    positive |= v > 0 && v < Double.POSITIVE_INFINITY;
                }
                if (positive) {
                    shown.add(s);
                } else {
                    hidden.add(s.name());
                }
            }
            if (shown.isEmpty()) {
                throw new IllegalArgumentException(op + ": no parameter has a positive finite value to show on a log"
                        + " axis (all zero or NaN): " + hidden);
            }
            String full = hidden.isEmpty() ? title : title + " (all zero or NaN, not shown: "
                    + String.join(", ", hidden) + ")";
            return new Shown(full, shown.toArray(new Series[0]));
        }
    }

    // ------------------------------------------------------------------------------------------ LR finder

    /** The learning-rate finder's result. */
    static Figure lrFinder(LrFinder.Result result) {
        if (result == null) {
            throw new IllegalArgumentException("Plots.lrFinder: result is null");
        }
        return lrFinder(result.lrs(), result.losses(), result.smoothedLosses(), result.steepest(),
                result.minimumOverTen());
    }

    /**
     * The loss at each learning rate (faint), its smoothed version (strong) on a log x-axis, and the two
     * suggestions as dashed vertical lines; the y-axis stops a little above the smoothed loss before its minimum.
     */
    static Figure lrFinder(double[] lrs, double[] losses, double[] smoothed, double steepest, double minimumOverTen) {
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
            traces.add(Traces.of(Series.of(labels[k] + ": " + Format.number(picks[k]),
                    new double[] {picks[k], picks[k]}, new double[] {bottom, top}).dashed().width(1.5)
                    .color(colors[k]), null));
        }
        Frame frame = Frame.of("Learning-rate finder", "learning rate (log scale)", "loss").log(LogScale.X)
                .yRange(bottom, top).legend(true);
        return Chart.of(frame, traces);
    }

    // ------------------------------------------------------------------------------------------ checks

    /** The runs of a map of histories, in order (see {@link PlotChecks#entries}), each checked. */
    private static List<Map.Entry<String, History>> historyEntries(String op, Map<String, History> runs) {
        List<Map.Entry<String, History>> entries = PlotChecks.entries(op, "runs", runs);
        for (Map.Entry<String, History> e : entries) {
            requireHistory(op, e.getKey().isEmpty() ? "history" : "run \"" + e.getKey() + "\"", e.getValue());
        }
        return entries;
    }

    /** A history that is there and has at least one step. */
    private static void requireHistory(String op, String what, History history) {
        if (history == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        if (history.steps() == 0) {
            throw new IllegalArgumentException(op + ": " + what + " has no steps (" + history.stopReason() + ")");
        }
    }

    /** The steps with detailed statistics, refusing a history without them. */
    private static int[] requireStats(String op, History history) {
        requireHistory(op, "history", history);
        int[] steps = history.statsSteps();
        if (steps.length == 0) {
            throw new IllegalArgumentException(op + ": the history has no detailed statistics; train with"
                    + " Trainer.statsEvery(n) for some n > 0");
        }
        return steps;
    }
}
