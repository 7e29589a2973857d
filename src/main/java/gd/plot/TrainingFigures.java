package gd.plot;

import gd.train.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/** The series of training runs ({@link History}) for the loss and per-parameter charts of {@link Plots}. */
final class TrainingFigures {
    private TrainingFigures() {
    }

    /** The loss series of one run: per step (if an epoch has several), epoch means, validation. */
    static List<Series> runLoss(History h, String color, String validationColor, String[] names) {
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

    /** A log-y chart of per-parameter series, leaving out (and naming in the title) those a log axis cannot show. */
    static Figure perParameter(String op, String title, String yTitle, List<Series> series, boolean ruleOfThumb) {
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
            throw new IllegalArgumentException(op + ": no parameter has a positive finite value to show on a log axis"
                    + " (all zero or NaN): " + hidden);
        }
        String full = hidden.isEmpty() ? title : title + " (all zero or NaN, not shown: " + String.join(", ", hidden)
                + ")";
        Series[] array = shown.toArray(new Series[0]);
        if (ruleOfThumb) {
            return Plots.ratioChart(full, array);
        }
        return Plots.lines(full, "step", yTitle, LogScale.Y, array);
    }

    /** The runs of a map of histories, in order (see {@link Checks#entries}), each checked. */
    static List<Map.Entry<String, History>> historyEntries(String op, Map<String, History> runs) {
        List<Map.Entry<String, History>> entries = Checks.entries(op, "runs", runs);
        for (Map.Entry<String, History> e : entries) {
            requireHistory(op, e.getKey().isEmpty() ? "history" : "run \"" + e.getKey() + "\"", e.getValue());
        }
        return entries;
    }

    /** A history that is there and has at least one step. */
    static void requireHistory(String op, String what, History history) {
        if (history == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        if (history.steps() == 0) {
            throw new IllegalArgumentException(op + ": " + what + " has no steps (" + history.stopReason() + ")");
        }
    }

    /** The steps with detailed statistics, refusing a history without them. */
    static int[] requireStats(String op, History history) {
        requireHistory(op, "history", history);
        int[] steps = history.statsSteps();
        if (steps.length == 0) {
            throw new IllegalArgumentException(op + ": the history has no detailed statistics; train with"
                    + " Trainer.statsEvery(n) for some n > 0");
        }
        return steps;
    }
}
