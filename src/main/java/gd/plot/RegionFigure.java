package gd.plot;

import gd.data.Dataset;
import gd.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Two-feature classification data: the points coloured by class, and the regions (or the probability of
 * class 1) a model predicts over the plane, as a heatmap in plotly's RdBu colours under the points.
 */
final class RegionFigure {
    private static final int GRID = 120;

    private RegionFigure() {
    }

    /** The heatmap of the predicted class (or of p(class 1)) on a grid covering the data, with the data on top. */
    static Figure of(String op, Function<Matrix, Matrix> scores, Dataset data, boolean probability) {
        if (scores == null) {
            throw new IllegalArgumentException(op + ": scores is null");
        }
        int[] labels = PlotChecks.requirePlane(op, data);
        double[] box = box(data);
        double[] xs = Numbers.linspace(box[0], box[1], GRID);
        double[] ys = Numbers.linspace(box[2], box[3], GRID);
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
            hx[j] = Numbers.roundOne(xs[j], dx * 1e-3);
        }
        hx[xs.length] = Numbers.roundOne(xs[xs.length - 1] + 2 * dx, dx * 1e-3);
        for (int i = 0; i < ys.length; i++) {
            hy[i] = Numbers.roundOne(ys[i], dx * 1e-3);
            for (int j = 0; j < xs.length; j++) {
                z[i][j] = probability ? Numbers.roundOne(value[i * xs.length + j], 1e-4) : value[i * xs.length + j];
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
        return Chart.of(frame, traces);
    }

    /** One marker trace per class present, in the colour the regions give that class. */
    static void addClassPoints(List<Trace> traces, Dataset data, int[] labels, int k, boolean legend) {
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

    /** The data's bounding box {xMin, xMax, yMin, yMax}, widened by 10% on each side. */
    static double[] box(Dataset data) {
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

    /** The largest value, at least 0. */
    static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
