package gd.plot;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Mnist;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import gd.util.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Datasets and what was made of them: points in the plane by class, regression data with fitted curves,
 * images with their labels, and confusion matrices.
 */
final class DataFigures {
    private DataFigures() {
    }

    // ------------------------------------------------------------------------------------------ classification

    /** The points of a two-feature dataset coloured by class, titled with its size, e.g. "200 examples, 2 classes". */
    static Figure scatter(Dataset data) {
        return classPoints(null, data);
    }

    /** The points of a two-feature dataset coloured by class, under {@code title}. */
    static Figure scatter(String title, Dataset data) {
        PlotChecks.requireText("Plots.scatter", title);
        return classPoints(title, data);
    }

    /** The points by class under {@code title}, or under the dataset's size and number of classes if it is null. */
    private static Figure classPoints(String title, Dataset data) {
        int[] labels = PlotChecks.requirePlane("Plots.scatter", data);
        int classes = RegionFigure.max(labels) + 1;
        List<Trace> traces = new ArrayList<>();
        RegionFigure.addClassPoints(traces, data, labels, Math.max(2, classes), true);
        String shown = title != null ? title
                : Format.plural(data.size(), "example") + ", " + classes + (classes == 1 ? " class" : " classes");
        return Chart.of(Frame.of(shown, "x₁", "x₂").legend(true), traces);
    }

    /**
     * A confusion matrix as a heatmap, row = actual class (0 at the top), column = predicted class, with the
     * non-zero counts written in the cells; its height follows its width so that the cells are square.
     */
    static Figure confusion(ConfusionMatrix matrix) {
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
        String title = "Confusion matrix: accuracy " + String.format(Locale.ROOT, "%.4f", matrix.accuracy())
                + " on " + matrix.total() + " examples";
        Frame frame = Frame.of(title, "predicted class", "actual class").xRange(-0.5, k - 0.5)
                .yRange(k - 0.5, -0.5).integerTicksX(k).integerTicksY(k).legend(false).bare();
        return Chart.drawn(size -> {
            int plotWidth = size.width() - Frame.LEFT - Frame.RIGHT - 110;   // room for the colour bar
            int height = Math.max(300, Math.min(900, plotWidth + Frame.TOP + Frame.BOTTOM));
            return new Chart.Drawing(frame.layout(size.height(height)), heat, labels);
        });
    }

    // ------------------------------------------------------------------------------------------ regression

    /** The points of a one-feature regression dataset with one fitted curve. */
    static Figure regression(Dataset data, DoubleUnaryOperator fit) {
        if (fit == null) {
            throw new IllegalArgumentException("Plots.regression: fit is null");
        }
        return regression(data, PlotChecks.one("fit", fit));
    }

    /** The points of a one-feature regression dataset with a model's predictions as a curve (evaluation mode). */
    static Figure regression(Dataset data, Layer model) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.regression: model is null");
        }
        Function<Matrix, Matrix> forward = x -> TrainingModes.inEvalMode(model, () -> model.forward(x));
        Function<double[], double[]> curve = grid -> {
            Matrix out = forward.apply(Matrix.columnVector(grid));
            if (out.rows() != grid.length || out.cols() != 1) {
                throw new IllegalArgumentException("Plots.regression: " + model + " maps a " + grid.length
                        + "×1 batch to " + out.shape() + ", expected " + grid.length + "×1");
            }
            return out.column(0);
        };
        return regression(data, List.of(model.toString()), List.of(curve));
    }

    /** The points of a one-feature regression dataset with several named fitted curves (none for an empty map). */
    static Figure regression(Dataset data, Map<String, DoubleUnaryOperator> fits) {
        if (fits == null) {
            throw new IllegalArgumentException("Plots.regression: fits is null");
        }
        List<String> names = new ArrayList<>();
        List<Function<double[], double[]>> curves = new ArrayList<>();
        for (Map.Entry<String, DoubleUnaryOperator> e : fits.isEmpty() ? List.<Map.Entry<String,
                DoubleUnaryOperator>>of() : PlotChecks.entries("Plots.regression", "fits", fits)) {
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

    /** The points of a one-feature regression dataset, without a curve. */
    static Figure regression(Dataset data) {
        return regression(data, new LinkedHashMap<>());
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

    // ------------------------------------------------------------------------------------------ images

    /** The first {@code count} images of an MNIST-like dataset, captioned with their labels. */
    static Figure digits(Dataset data, int count) {
        if (data == null) {
            throw new IllegalArgumentException("Plots.digits: data is null");
        }
        int most = Math.min(PixelGrid.MAX_IMAGES, data.size());
        if (count < 1 || count > most) {
            throw new IllegalArgumentException("Plots.digits: count must be in 1…" + most + " for " + data
                    + ", got " + count);
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return digits(data, indices, null);
    }

    /** The images at {@code indices}, captioned with the label or "label (pred p)" given the predictions. */
    static Figure digits(Dataset data, int[] indices, int[] predicted) {
        String op = "Plots.digits";
        if (data == null || indices == null) {
            throw new IllegalArgumentException(op + ": data and indices must not be null");
        }
        if (indices.length == 0 || indices.length > PixelGrid.MAX_IMAGES) {
            throw new IllegalArgumentException(op + ": expected 1…" + PixelGrid.MAX_IMAGES + " indices, got "
                    + indices.length);
        }
        if (predicted != null && predicted.length != data.size()) {
            throw new IllegalArgumentException(op + ": predicted has " + predicted.length + " classes but the data has "
                    + data.size() + " examples; expected one prediction per example");
        }
        int[] labels = PlotChecks.labels(op, data.y());
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
        return PixelGrid.figure(title, images, captions, Math.min(10, indices.length));
    }
}
