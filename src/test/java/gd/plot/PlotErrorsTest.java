package gd.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.data.Dataset;
import gd.landscape.Functions2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.nn.Tanh;
import gd.optim.Sgd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.plotly.components.Figure;

/** Bad input is refused at the helper, with a message that names it, what it got and what it expected. */
class PlotErrorsTest {

    static void fails(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    static final Series A = Series.of("a", new double[] {1, 2});

    @Test
    void seriesOfDifferentLengths() {
        fails("Series.of(a): x has 3 values but y has 2; expected one x per y",
                () -> Series.of("a", new double[] {1, 2, 3}, new double[] {1, 2}));
        fails("Series.of(a): no points; a series needs at least one", () -> Series.of("a", new double[0]));
        fails("Series.of: the name must not be blank, got \" \"", () -> Series.of(" ", new double[] {1}));
        fails("Series.of(a): x and y must not be null, got x=null, y=1 values",
                () -> Series.of("a", (double[]) null, new double[] {1}));
    }

    @Test
    void seriesStyles() {
        fails("Series(a).opacity must be in [0, 1], got 1.5", () -> A.opacity(1.5));
        fails("Series(a).width must be in (0, 20] pixels, got 0.0", () -> A.width(0));
        fails("Series(a).color: expected a CSS colour such as \"#d62728\" or \"black\", got \"red'; x\"",
                () -> A.color("red'; x"));
        fails("Series(a).mode: mode is null", () -> A.mode(null));
    }

    @Test
    void lineCharts() {
        fails("Plots.lines: no series; pass at least one", () -> Plots.lines("t", "x", "y"));
        fails("Plots.lines: series 1 is null", () -> Plots.lines("t", "x", "y", A, null));
        fails("Plots.lines: titles must not be null (use \"\" for none)", () -> Plots.lines(null, "x", "y", A));
        fails("Plots.lines: series \"z\" has no point with positive y to show on a log scale",
                () -> Plots.lines("t", "x", "y", LogScale.Y, Series.of("z", new double[] {0, -1})));
        fails("Plots.lines: series \"n\" has no finite point (2 points)",
                () -> Plots.lines("t", "x", "y", Series.of("n", new double[] {Double.NaN, Double.NaN})));
        fails("Plots.lines: log is null; use LogScale.NONE for linear axes", () -> Plots.lines("t", "x", "y", (LogScale) null, A));
        fails("Plots.loss: loss is empty; expected one value per step", () -> Plots.loss(new double[0]));
        fails("Plots.size: expected a width in 200…4000 and a height in 150…4000 pixels, got 100 × 300",
                () -> Plots.size(Plots.loss(new double[] {1}), 100, 300));
        fails("Plots.size: figure is null", () -> Plots.size(null, 700, 420));
        fails("Plots.size: expected a figure made by Plots, got a tech.tablesaw.plotly.components.Figure; only those"
                + " know how to draw themselves at another size", () -> Plots.size(new Figure(), 700, 420));
    }

    @Test
    void descent() {
        fails("Plots.descent: the x-range must be finite with from < to, got 2.0 … 1.0",
                () -> Plots.descent(x -> x, 2, 1, new double[] {1}));
        fails("Plots.descent: run \"iterates\" has no iterates; expected x₀, x₁, …",
                () -> Plots.descent(x -> x, 0, 1, new double[0]));
        fails("Plots.descent: f is not finite anywhere on [-2.0, -1.0]",
                () -> Plots.descent(Math::log, -2, -1, new double[] {1}));
        fails("Plots.descent: runs is empty; pass at least one",
                () -> Plots.descent(x -> x, 0, 1, new LinkedHashMap<>()));
        fails("Plots.descent: run \"iterates\" starts at x₀ = nan where f is nan; expected a finite start",
                () -> Plots.descent(x -> x, 0, 1, new double[] {Double.NaN}));
    }

    @Test
    void contour() {
        var himmelblau = Trajectory.run(Functions2D.himmelblau(), 0, 0, p -> Sgd.of(p).lr(0.01), 3);
        fails("Plots.contour: path \"Sgd(lr=0.01)\" ran on Himmelblau, not on Rosenbrock",
                () -> Plots.contour(Functions2D.rosenbrock(), himmelblau));
        fails("Plots.contour: the y-range must be finite with from < to, got 1.0 … 1.0",
                () -> Plots.contour(Functions2D.bowl(), -1, 1, 1, 1));
        fails("Plots.contour: the function is null", () -> Plots.contour(null, himmelblau));
        fails("Plots.contour: path 0 is null", () -> Plots.contour(Functions2D.bowl(), (Trajectory) null));
        fails("Plots.contour: paths has a null value for \"x\"", () -> {
            Map<String, Trajectory> m = new LinkedHashMap<>();
            m.put("x", null);
            Plots.contour(Functions2D.bowl(), m);
        });
    }

    @Test
    void schedulesAndFinder() {
        fails("Plots.schedule: steps must be at least 1, got 0", () -> Plots.schedule(0, Map.of()));
        fails("Plots.schedule: schedulers is empty; pass at least one", () -> Plots.schedule(3, Map.of()));
        fails("Plots.oneCycle: schedule is null", () -> Plots.oneCycle(3, null));
        double[] one = {1};
        fails("Plots.lrFinder: 2 learning rates but 1 losses and 1 smoothed losses; expected one of each per rate",
                () -> Plots.lrFinder(new double[] {1e-3, 1e-2}, one, one, Double.NaN, Double.NaN));
        fails("Plots.lrFinder: learning rate 0 is 0.0; expected positive rates for the log axis",
                () -> Plots.lrFinder(new double[] {0}, one, one, Double.NaN, Double.NaN));
        fails("Plots.lrFinder: the steepest descent suggestion is -1.0; expected a positive learning rate or NaN"
                + " for none", () -> Plots.lrFinder(new double[] {1e-3}, one, one, -1, Double.NaN));
        fails("Plots.lrFinder: no finite smoothed loss; the run diverged at once",
                () -> Plots.lrFinder(new double[] {1e-3}, one, new double[] {Double.NaN}, 1e-3, 1e-3));
        fails("Plots.updateRatios: no series; pass at least one", () -> Plots.updateRatios());
    }

    @Test
    void histograms() {
        fails("Plots.histogram: \"x\" has no finite values (1 values)",
                () -> Plots.histogram("t", new LinkedHashMap<>(Map.of("x", new double[] {Double.NaN}))));
        fails("Plots.histogram: bins must be in 1…1000, got 0", () -> Plots.histogram("t", Map.of("x", new double[] {1}), 0));
        fails("Plots.histogram: values is null", () -> Plots.histogram("t", (Map<String, double[]>) null));
        fails("Plots.weights: Tanh() has no parameters", () -> Plots.weights(Tanh.of()));
        fails("Plots.activations: model and x must not be null", () -> Plots.activations(null, Matrix.zeros(1, 1)));
    }

    @Test
    void images() {
        Dataset small = Dataset.of(Matrix.zeros(2, 784), Matrix.columnVector(3, 4));
        fails("Plots.digits: count must be in 1…2 for Dataset(2 examples, 784 features, 5 classes), got 3",
                () -> Plots.digits(small, 3));
        fails("Plots.digits: index 2 is outside 0…1", () -> Plots.digits(small, new int[] {2}));
        fails("Plots.digits: predicted has 1 classes but the data has 2 examples; expected one prediction per example",
                () -> Plots.digits(small, new int[] {0}, new int[] {1}));
        fails("Mnist.image: the dataset has 3 features, expected 784 (28×28 pixels)",
                () -> Plots.digits(Dataset.of(Matrix.zeros(1, 3), Matrix.columnVector(0.0)), 1));
        Matrix a = Matrix.zeros(2, 2);
        fails("Plots.images: image 1 is 3×2 but image 0 is 2×2; expected images of one shape",
                () -> Plots.images("t", List.of(a, Matrix.zeros(3, 2)), null, 1));
        fails("Plots.images: 1 images but 2 captions; expected one caption per image (or null for none)",
                () -> Plots.images("t", List.of(a), List.of("x", "y"), 1));
        fails("Plots.images: columns must be in 1…1 for 1 images, got 2", () -> Plots.images("t", List.of(a), null, 2));
    }

    @Test
    void classification() {
        Dataset three = Dataset.of(Matrix.zeros(2, 3), Matrix.columnVector(0, 1));
        fails("Plots.decisionBoundary: expected a dataset with 2 features (points in the plane), got Dataset(2"
                + " examples, 3 features, 2 classes)", () -> Plots.decisionBoundary(x -> x, three));
        Dataset plane = Dataset.of(Matrix.zeros(2, 2), Matrix.columnVector(0, 1));
        fails("Plots.decisionBoundary: the scores of a 14400×2 batch are 1×2; expected 14400 rows, one column per"
                + " class (or one logit column)", () -> Plots.decisionBoundary(x -> Matrix.zeros(1, 2), plane));
        fails("Plots.scatter: target row 0 is 0.5, expected a class index (a whole number ≥ 0)",
                () -> Plots.scatter(Dataset.of(Matrix.zeros(1, 2), Matrix.columnVector(0.5))));
        fails("Plots.scatter: titles must not be null (use \"\" for none)", () -> Plots.scatter(null, plane));
        fails("Plots.probability: expected two classes (one logit column or two score columns, labels 0 and 1), got"
                + " 3 score columns and 2 classes; use Plots.decisionBoundary for more",
                () -> Plots.probability(x -> Matrix.zeros(x.rows(), 3), plane));
        fails("Plots.confusion: matrix is null", () -> Plots.confusion(null));
        fails("Plots.regression: expected one feature and one target, got Dataset(2 examples, 2 features, 2 classes)"
                + " (x 2×2, y 2×1)", () -> Plots.regression(plane));
    }
}
