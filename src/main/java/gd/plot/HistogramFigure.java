package gd.plot;

import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Overlaid histograms over shared bins, each drawn as the outline of its bars, lightly filled. */
final class HistogramFigure {
    /** The number of bins unless a caller chooses. */
    private static final int BINS = 40;

    private HistogramFigure() {
    }

    /** A histogram of the values over 40 bins. */
    static Figure of(String title, double[] values) {
        return of(title, PlotChecks.one("values", values), BINS);
    }

    /** Overlaid histograms of named sets of values over the same 40 bins. */
    static Figure of(String title, Map<String, double[]> values) {
        return of(title, values, BINS);
    }

    /** Overlaid histograms over the same {@code bins} bins spanning all the values, each as the share per bin. */
    static Figure of(String title, Map<String, double[]> values, int bins) {
        String op = "Plots.histogram";
        PlotChecks.requireText(op, title);
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException(op + ": bins must be in 1…1000, got " + bins);
        }
        List<Map.Entry<String, double[]>> entries = PlotChecks.entries(op, "values", values);
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
        return Chart.of(frame, traces);
    }
}
