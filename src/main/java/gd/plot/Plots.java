package gd.plot;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.landscape.Function2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Sequential;
import gd.schedule.Schedule;
import gd.train.History;
import gd.tune.LrFinder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;

/**
 * The plots of the course, each a Tablesaw {@link Figure} that a notebook cell shows by returning it.
 * <pre>{@code
 * Plots.loss(Series.of("my loop", losses), Series.of("Sgd", libraryLosses));   // loss per step
 * Plots.loss(history);                                                         // a Trainer run, with validation
 * Plots.descent(x -> x * x - 2 * x, -1, 3, iterates);                         // f(x) and x₀, x₁, …
 * Plots.contour(Functions2D.rosenbrock(), adam, sgd);                         // optimizer paths
 * Plots.schedule(100, Schedule.cosine(0.1, 100), mine);                       // learning rate per step
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
    // Each helper hands over to the class of its topic: CurveFigures (lines, loss arrays, schedules, descent on a
    // curve), TrainingFigures (histories, LR finder), ContourFigure (landscapes), DataFigures (datasets, images,
    // confusion), ModelFigures (regions, activations, parameters), HistogramFigure and PixelGrid. What they
    // share sits below them: Chart (a figure that can be drawn again at another size, the line chart), Frame,
    // Traces, PlotChecks. None of them calls Plots.

    /** The default width of a figure in pixels. */
    public static final int DEFAULT_WIDTH = Size.DEFAULT_WIDTH;
    /** The default height of a figure in pixels. */
    public static final int DEFAULT_HEIGHT = Size.DEFAULT_HEIGHT;

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
        return Chart.lines(title, xTitle, yTitle, LogScale.NONE, series);
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
        return CurveFigures.loss(LogScale.NONE, loss);
    }

    /** The loss per step of one run; {@code LogScale.Y} shows a loss that falls by orders of magnitude. */
    public static Figure loss(LogScale log, double[] loss) {
        return CurveFigures.loss(log, loss);
    }

    /** The loss per step of several runs on one chart, e.g. one per learning rate; linear y-axis. */
    public static Figure loss(Series... runs) {
        return CurveFigures.loss(LogScale.NONE, runs);
    }

    /**
     * The loss per step of several runs on one chart:
     * {@code Plots.loss(LogScale.Y, Series.of("η = 0.1", a), Series.of("η = 0.01", b))}.
     */
    public static Figure loss(LogScale log, Series... runs) {
        return CurveFigures.loss(log, runs);
    }

    // ------------------------------------------------------------------------------------------ training runs

    /**
     * The loss of a training run ({@link History}) against the step: every step's batch loss (faint, when
     * there are several steps per epoch), the mean training loss of each epoch and the validation loss after
     * each epoch (both drawn at the step where the epoch ends). Linear y-axis.
     */
    public static Figure loss(History history) {
        return TrainingFigures.loss(LogScale.NONE, history);
    }

    /** The loss of a training run as {@link #loss(History)}, e.g. on {@code LogScale.Y}. */
    public static Figure loss(LogScale log, History history) {
        return TrainingFigures.loss(log, history);
    }

    /**
     * The losses of several training runs on one chart, e.g. {@code Plots.loss(Map.of("Sgd", h1, "Adam", h2))}:
     * per run, its batch losses faint, its epoch means in its colour and its validation losses dashed.
     */
    public static Figure loss(Map<String, History> runs) {
        return TrainingFigures.loss(LogScale.NONE, runs);
    }

    /** The losses of several training runs as {@link #loss(Map)}, e.g. on {@code LogScale.Y}. */
    public static Figure loss(LogScale log, Map<String, History> runs) {
        return TrainingFigures.loss(log, runs);
    }

    /**
     * A metric of a training run per epoch, e.g. {@code Plots.metric(history, "accuracy")}: on the training
     * data (accumulated over each epoch's batches) and, if the run had one, on the validation set.
     */
    public static Figure metric(History history, String name) {
        return TrainingFigures.metric(history, name);
    }

    /** A metric of several training runs per epoch: training solid, validation dashed, one colour per run. */
    public static Figure metric(Map<String, History> runs, String name) {
        return TrainingFigures.metric(runs, name);
    }

    /** The learning rate each step of a training run used (as its schedule set it). */
    public static Figure lr(History history) {
        return TrainingFigures.lr(history);
    }

    /**
     * The gradient norm of each parameter at the steps where the run recorded detailed statistics, on a log
     * y-axis, with the global norm of all gradients dashed. A parameter whose norms are all zero or NaN cannot
     * be drawn on a log axis; the title names it.
     */
    public static Figure gradNorms(History history) {
        return TrainingFigures.gradNorms(history);
    }

    /**
     * The standard deviation of each parameter's gradient elements at the steps with detailed statistics
     * ({@link History#gradStats}), on a log y-axis: how spread each layer's gradient is, orders of magnitude lower
     * in the first layers when gradients vanish. A parameter whose values are all zero or NaN is named in the title.
     */
    public static Figure gradStds(History history) {
        return TrainingFigures.gradStds(history);
    }

    /** The weight norm of each parameter at the steps with detailed statistics, on a log y-axis. */
    public static Figure weightNorms(History history) {
        return TrainingFigures.weightNorms(history);
    }

    /**
     * The update-to-weight ratio ‖Δθ‖ / ‖θ‖ of each parameter at the steps with detailed statistics, on a log
     * y-axis, with the rule of thumb 1e-3 dashed (see {@link #updateRatios(Series...)}).
     */
    public static Figure updateRatios(History history) {
        return TrainingFigures.updateRatios(history);
    }

    /** The learning-rate finder's result: see {@link #lrFinder(double[], double[], double[], double, double)}. */
    public static Figure lrFinder(LrFinder.Result result) {
        return TrainingFigures.lrFinder(result);
    }

    // ------------------------------------------------------------------------------------------ one variable

    /** The curve f(x) over [from, to] with the iterates x₀, x₁, … of one run of gradient descent on it. */
    public static Figure descent(DoubleUnaryOperator f, double from, double to, double[] iterates) {
        return CurveFigures.descent(f, from, to, iterates);
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
        return CurveFigures.descent(f, from, to, runs);
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
        return ContourFigure.of(f, paths);
    }

    /**
     * Contour lines of {@code f} over its window with named paths, e.g.
     * {@code Plots.contour(f, Map.of("Adam", adam, "momentum 0.9", sgd))}.
     */
    public static Figure contour(Function2D f, Map<String, Trajectory> paths) {
        return ContourFigure.of(f, paths);
    }

    /**
     * Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with the optimizers' paths on top, each
     * named after its optimizer: the class, the learning rate, the variant settings that are on (momentum,
     * Nesterov, weight decay, AMSGrad) and the settings in which two optimizers of one class differ, e.g.
     * {@code Adam(lr=0.05)} and {@code Sgd(lr=0.001, momentum=0.9)}.
     */
    public static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                 Trajectory... paths) {
        return ContourFigure.of(f, xMin, xMax, yMin, yMax, paths);
    }

    /** Contour lines of {@code f} over [xMin, xMax] × [yMin, yMax] with named paths on top. */
    public static Figure contour(Function2D f, double xMin, double xMax, double yMin, double yMax,
                                 Map<String, Trajectory> paths) {
        return ContourFigure.of(f, xMin, xMax, yMin, yMax, paths);
    }

    // ------------------------------------------------------------------------------------------ schedules

    /**
     * The learning rate of each schedule at steps 0 … steps − 1, named by its {@code toString()}; a schedule bound
     * to an optimizer gives its formula with {@code sched.schedule()}.
     */
    public static Figure schedule(int steps, Schedule... schedulers) {
        return CurveFigures.schedule(steps, schedulers);
    }

    /** The learning rate of each named schedule at steps 0 … steps − 1. */
    public static Figure schedule(int steps, Map<String, Schedule> schedulers) {
        return CurveFigures.schedule(steps, schedulers);
    }

    /**
     * The one-cycle policy over steps 0 … steps − 1: the learning rate (left axis) and, dashed against the
     * right axis, the momentum (or β₁) it sets ({@link Schedule#momentum(int)}), which moves the other way.
     */
    public static Figure oneCycle(int steps, Schedule schedule) {
        return CurveFigures.oneCycle(steps, schedule);
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
        return TrainingFigures.lrFinder(lrs, losses, smoothed, steepest, minimumOverTen);
    }

    // ------------------------------------------------------------------------------------------ training health

    /**
     * Gradient norms over training, one series per parameter (x = the step), on a log y-axis: layers whose
     * gradients are orders of magnitude smaller than the others' are not learning (vanishing gradients).
     */
    public static Figure gradNorms(Series... perParameter) {
        return TrainingFigures.gradNorms(perParameter);
    }

    /** Weight norms over training, one series per parameter (x = the step), on a log y-axis. */
    public static Figure weightNorms(Series... perParameter) {
        return TrainingFigures.weightNorms(perParameter);
    }

    /**
     * Update-to-weight ratios ‖Δθ‖ / ‖θ‖ over training, one series per parameter, on a log y-axis, with the
     * rule of thumb 1e-3 as a dashed grey line: far below it a layer barely moves (learning rate too small),
     * far above it the weights are rewritten each step (too large).
     */
    public static Figure updateRatios(Series... perParameter) {
        return TrainingFigures.updateRatios(perParameter);
    }

    // ------------------------------------------------------------------------------------------ histograms

    /** A histogram of the values, as the share of values in each of 40 bins. */
    public static Figure histogram(String title, double[] values) {
        return HistogramFigure.of(title, values);
    }

    /** Overlaid histograms of several sets of values (e.g. one per layer) over the same 40 bins. */
    public static Figure histogram(String title, Map<String, double[]> values) {
        return HistogramFigure.of(title, values);
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
        return ModelFigures.activations(model, x);
    }

    /** Histograms of the current gradient of each parameter (after a backward pass), overlaid. */
    public static Figure gradients(Layer model) {
        return ModelFigures.gradients(model);
    }

    /** Histograms of the current values of each parameter (e.g. right after initialisation), overlaid. */
    public static Figure weights(Layer model) {
        return ModelFigures.weights(model);
    }

    // ------------------------------------------------------------------------------------------ images

    /** The first {@code count} images of an MNIST-like dataset (784 features), captioned with their labels. */
    public static Figure digits(Dataset data, int count) {
        return DataFigures.digits(data, count);
    }

    /** The images at {@code indices} of an MNIST-like dataset, captioned with their labels. */
    public static Figure digits(Dataset data, int[] indices) {
        return DataFigures.digits(data, indices, null);
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
        return DataFigures.digits(data, indices, predicted);
    }

    /**
     * Greyscale images in a grid of {@code columns} columns, each with its caption above it. All images have
     * the same shape; each is scaled from its own minimum (white) to its maximum (black), so pixel values in
     * [0, 1], [0, 255] or standardized all look alike. Row 0 of an image is drawn at the top.
     */
    public static Figure images(String title, List<Matrix> images, List<String> captions, int columns) {
        return PixelGrid.figure(title, images, captions, columns);
    }

    // ------------------------------------------------------------------------------------------ classification

    /**
     * A confusion matrix as a heatmap: row = actual class (0 at the top), column = predicted class, colour =
     * count (plotly's RdBu scale, blue for few, red for many) and the non-zero counts written in the cells.
     */
    public static Figure confusion(ConfusionMatrix matrix) {
        return DataFigures.confusion(matrix);
    }

    /**
     * The decision regions of a model on a two-feature dataset, with the data on top. The model's scores on
     * a 120 × 120 grid covering the data give the predicted class (the largest score; for a single column,
     * a logit: class 1 where it is positive). The regions are painted pale in plotly's RdBu colours, the
     * points in the full colour of their true class, so a point on a region of another colour is a mistake.
     * The forward pass runs in evaluation mode; the layers' modes are restored afterwards.
     */
    public static Figure decisionBoundary(Layer model, Dataset data) {
        return ModelFigures.decisionBoundary(model, data);
    }

    /**
     * The decision regions of a hand-written model given as its scores for a batch of points (n × 2 in,
     * n × k or n × 1 out), e.g. {@code Plots.decisionBoundary(x -> x.times(w).plusRow(b), data)}.
     */
    public static Figure decisionBoundary(Function<Matrix, Matrix> scores, Dataset data) {
        return ModelFigures.decisionBoundary(scores, data);
    }

    /**
     * The probability of class 1 that a two-class model gives over the plane, with the data on top: blue
     * where p = 0, grey at the decision boundary p = 0.5, red where p = 1 (plotly's RdBu, the colours of the
     * classes' points). Scores with one column are a logit, p = σ(z); with two columns, p = softmax(z)₁. The
     * forward pass runs in evaluation mode; the layers' modes are restored afterwards.
     */
    public static Figure probability(Layer model, Dataset data) {
        return ModelFigures.probability(model, data);
    }

    /** The probability of class 1 of a hand-written two-class model given as its scores for a batch of points. */
    public static Figure probability(Function<Matrix, Matrix> scores, Dataset data) {
        return ModelFigures.probability(scores, data);
    }

    /**
     * The points of a two-feature dataset coloured by class (the colours of {@link #decisionBoundary}), titled
     * with its size, e.g. "200 examples, 2 classes"; {@link #scatter(String, Dataset)} takes a title that says
     * what the points are.
     */
    public static Figure scatter(Dataset data) {
        return DataFigures.scatter(data);
    }

    /**
     * The points of a two-feature dataset coloured by class under a title of your own, e.g.
     * {@code Plots.scatter("Two moons: no straight line separates the classes", moons)}.
     */
    public static Figure scatter(String title, Dataset data) {
        return DataFigures.scatter(title, data);
    }

    // ------------------------------------------------------------------------------------------ regression

    /** The points (x, y) of a one-feature regression dataset. */
    public static Figure regression(Dataset data) {
        return DataFigures.regression(data);
    }

    /** The points of a one-feature regression dataset with one fitted curve, e.g. {@code x -> w * x + b}. */
    public static Figure regression(Dataset data, DoubleUnaryOperator fit) {
        return DataFigures.regression(data, fit);
    }

    /**
     * The points of a one-feature regression dataset with a model's predictions as a curve (forward pass in
     * evaluation mode; the layers' modes are restored afterwards).
     */
    public static Figure regression(Dataset data, Layer model) {
        return DataFigures.regression(data, model);
    }

    /**
     * The points of a one-feature regression dataset with several fitted curves, e.g. the line after 0, 10
     * and 100 steps: {@code Plots.regression(data, Map.of("step 0", f0, "step 10", f10))}. Each curve is drawn
     * over the range of the data.
     */
    public static Figure regression(Dataset data, Map<String, DoubleUnaryOperator> fits) {
        return DataFigures.regression(data, fits);
    }
}
