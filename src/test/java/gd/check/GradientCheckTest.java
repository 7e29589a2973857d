package gd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.check.CheckResult.Verdict;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The checker must catch wrong gradients, pass right ones, warn about kinks and leave the model alone. */
class GradientCheckTest {
    /** tanh with a wrong derivative: 1 + y² instead of 1 − y². */
    private static final class BrokenTanh implements Layer {
        private Matrix output;

        @Override
        public Matrix forward(Matrix input) {
            output = input.map(Math::tanh);
            return output;
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            return gradOutput.zip("backward", output, (g, y) -> g * (1 + y * y));
        }
    }

    /** A layer x ↦ x·w with a weight gradient that is off by a factor 1 + error. */
    private static final class SlightlyOff implements Layer {
        private final Parameter w = new Parameter("w", Matrix.of(new double[] {0.5, -1}, new double[] {2, 0.25}));
        private final double error;
        private Matrix input;

        SlightlyOff(double error) {
            this.error = error;
        }

        @Override
        public Matrix forward(Matrix x) {
            input = x;
            return x.times(w.value());
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            w.grad().plusScaledInPlace(1 + error, input.transposeTimes(gradOutput));
            return gradOutput.timesTranspose(w.value());
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }
    }

    private static Matrix normal(int rows, int cols, Rng rng) {
        return Matrix.random(rows, cols, rng, Rng::normal);
    }

    @Test
    void catchesAWrongBackward() {
        Rng rng = Rng.seed(1);
        Sequential model = Sequential.of(Dense.of(3, 4, rng), new BrokenTanh(), Dense.of(4, 2, rng));
        CheckResult r = GradientCheck.of().model(model, Loss.mse(), normal(5, 3, rng), normal(5, 2, rng));
        assertEquals(Verdict.WRONG, r.verdict(), r.toString());
        assertFalse(r.passes());
        AssertionError e = assertThrows(AssertionError.class, r::assertPasses);
        assertTrue(e.getMessage().startsWith("gradient check failed: WRONG\nGradient check (central differences, "
                + "h=1e-05)"), e.getMessage());
        // the layers after the broken one are right, the ones before it are not
        for (CheckResult.TensorResult t : r.tensors()) {
            boolean after = t.name().startsWith("2.");
            assertEquals(after, t.maxRelativeError() < 1e-7, t.toString());
        }
    }

    @Test
    void theBandsSeparateSmallErrorsFromBigOnes() {
        Rng rng = Rng.seed(2);
        Matrix x = normal(4, 2, rng);
        Matrix y = normal(4, 2, rng);
        assertEquals(Verdict.EXCELLENT, GradientCheck.of().model(new SlightlyOff(0), Loss.mse(), x, y).verdict());
        assertEquals(Verdict.OK, GradientCheck.of().model(new SlightlyOff(1e-5), Loss.mse(), x, y).verdict());
        assertEquals(Verdict.SUSPICIOUS, GradientCheck.of().model(new SlightlyOff(1e-3), Loss.mse(), x, y).verdict());
        assertEquals(Verdict.WRONG, GradientCheck.of().model(new SlightlyOff(0.1), Loss.mse(), x, y).verdict());
        CheckResult off = GradientCheck.of().model(new SlightlyOff(1e-3), Loss.mse(), x, y);
        assertEquals("w", off.worst().tensor());
        assertEquals(1e-3 / (2 + 1e-3), off.maxRelativeError(), 1e-8, "|a − n| / (|a| + |n|) for a = (1 + e)·n");
        assertThrows(AssertionError.class, () -> off.assertBelow(1e-4));
        assertSame(off, off.assertBelow(1e-3));
    }

    @Test
    void verdictBandsAndRelativeError() {
        assertEquals(Verdict.EXCELLENT, Verdict.of(9.9e-8));
        assertEquals(Verdict.OK, Verdict.of(1e-7));
        assertEquals(Verdict.OK, Verdict.of(1e-4));
        assertEquals(Verdict.SUSPICIOUS, Verdict.of(1.1e-4));
        assertEquals(Verdict.SUSPICIOUS, Verdict.of(1e-2));
        assertEquals(Verdict.WRONG, Verdict.of(1.1e-2));
        assertEquals(Verdict.WRONG, Verdict.of(Double.NaN));
        assertEquals(0, CheckResult.relativeError(0, 0));
        assertEquals(0.5, CheckResult.relativeError(3, 1));
        assertEquals(1e-4, CheckResult.relativeError(0, 1e-12), 1e-18, "the 1e-8 floor");
        assertEquals(Double.POSITIVE_INFINITY, CheckResult.relativeError(Double.NaN, 1));
    }

    @Test
    void checksAHandDerivedFunctionGradient() {
        // linear regression: f(w) = mean((Xw − y)²), ∇f = 2 Xᵀ(Xw − y) / n
        Rng rng = Rng.seed(3);
        Matrix x = normal(10, 3, rng);
        Matrix y = normal(10, 1, rng);
        ToDoubleFunction<double[]> mse = w -> x.times(Matrix.columnVector(w)).minus(y).sumOfSquares() / 10;
        Function<double[], double[]> gradient = w -> x.transposeTimes(x.times(Matrix.columnVector(w)).minus(y))
                .timesInPlace(2.0 / 10).column(0);
        CheckResult right = GradientCheck.of().function(mse, gradient, new double[] {0.5, -1, 2});
        assertEquals(Verdict.EXCELLENT, right.verdict(), right.toString());
        assertEquals(3, right.checked());
        assertSame(right, right.assertPasses());

        Function<double[], double[]> forgotTheTwo = w -> x.transposeTimes(x.times(Matrix.columnVector(w)).minus(y))
                .timesInPlace(1.0 / 10).column(0);
        CheckResult wrong = GradientCheck.of().function(mse, forgotTheTwo, new double[] {0.5, -1, 2});
        assertEquals(Verdict.WRONG, wrong.verdict());
        assertEquals(-1, wrong.worst().row());
        AssertionError e = assertThrows(AssertionError.class, wrong::assertPasses);
        assertTrue(e.getMessage().contains("worst: x["), e.getMessage());
    }

    @Test
    void checksALoss() {
        Loss halfGradient = new Loss() {
            @Override
            public double value(Matrix prediction, Matrix target) {
                return Loss.mse().value(prediction, target);
            }

            @Override
            public Matrix gradient(Matrix prediction, Matrix target) {
                return Loss.mse().gradient(prediction, target).timesInPlace(0.5);
            }
        };
        Rng rng = Rng.seed(4);
        Matrix p = normal(3, 2, rng);
        Matrix y = normal(3, 2, rng);
        assertEquals(Verdict.WRONG, GradientCheck.of().loss(halfGradient, p, y).verdict());
        assertEquals(Verdict.EXCELLENT, GradientCheck.of().loss(Loss.mse(), p, y).verdict());
        assertEquals("prediction", GradientCheck.of().loss(Loss.mse(), p, y).worst().tensor());
    }

    @Test
    void warnsAboutInputsNearAReluKink() {
        Rng rng = Rng.seed(5);
        CheckResult clean = GradientCheck.of().model(Sequential.of(ReLU.of(), Dense.of(3, 2, rng)), Loss.mse(),
                Matrix.filled(4, 3, 0.5), normal(4, 2, rng));
        assertTrue(clean.warnings().isEmpty());

        Matrix atKink = normal(4, 3, rng);
        atKink.set(0, 0, 0);
        atKink.set(2, 1, -3e-6);
        CheckResult r = GradientCheck.of().model(Sequential.of(ReLU.of(), Dense.of(3, 2, rng)), Loss.mse(), atKink,
                normal(4, 2, rng));
        assertEquals(List.of("warning: layer 0 ReLU(): 2 inputs lie within h=1e-05 of a kink; numeric derivatives "
                + "through them are meaningless (try another batch)"), r.warnings());
        assertTrue(r.toString().endsWith(r.warnings().get(0)), r.toString());

        // nested layers are named like parameters: layer 2.1 is the ReLU inside layer 2. Its inputs are
        // tanh(x·W + b) shifted by minus their first row, so the first row is exactly 0.
        Matrix x = normal(4, 3, rng);
        Dense first = Dense.of(3, 3, rng);
        Matrix shift = first.forward(x).map(Math::tanh).rows(0, 1).timesInPlace(-1);
        Sequential nested = Sequential.of(first, Tanh.of(),
                Sequential.of(Dense.of(Matrix.identity(3), shift), ReLU.of(), Dense.of(3, 2, rng)));
        CheckResult n = GradientCheck.of().model(nested, Loss.mse(), x, normal(4, 2, rng));
        assertEquals(1, n.warnings().size(), n.toString());
        assertTrue(n.warnings().get(0).startsWith("warning: layer 2.1 ReLU(): 3 inputs lie within h=1e-05"),
                n.warnings().get(0));
    }

    @Test
    void samplesCoordinatesReproducibly() {
        Rng rng = Rng.seed(6);
        Dense dense = Dense.of(50, 40, rng);
        Matrix x = normal(8, 50, rng);
        Matrix y = normal(8, 40, rng);
        CheckResult a = GradientCheck.of().sample(10, Rng.seed(99)).model(dense, Loss.mse(), x, y);
        CheckResult b = GradientCheck.of().sample(10, Rng.seed(99)).model(dense, Loss.mse(), x, y);
        assertEquals(a, b, "same seed, same coordinates, same numbers");
        assertEquals(30, a.checked());
        assertEquals(List.of(2000, 40, 400), a.tensors().stream().map(CheckResult.TensorResult::size).toList());
        assertEquals(List.of(10, 10, 10), a.tensors().stream().map(CheckResult.TensorResult::checked).toList());
        a.assertBelow(1e-6);
        CheckResult small = GradientCheck.of().sample(1000, Rng.seed(1)).model(Dense.of(2, 2, rng), Loss.mse(),
                normal(3, 2, rng), normal(3, 2, rng));
        assertEquals(4 + 2 + 6, small.checked(), "small tensors are checked whole");
    }

    @Test
    void leavesTheModelAsItFoundIt() {
        Rng rng = Rng.seed(7);
        BatchNorm bn = BatchNorm.of(4);
        Dropout dropout = Dropout.of(0.5, rng.split());
        Sequential model = Sequential.of(Dense.of(3, 4, rng.split()), bn, Tanh.of(), dropout, Dense.of(4, 2, rng.split()));
        Matrix x = normal(6, 3, rng);
        Matrix xCopy = x.copy();
        model.forward(normal(6, 3, rng));
        for (Parameter p : model.parameters()) {
            p.grad().fillInPlace(0.25);
        }
        List<Matrix> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            values.add(p.value().copy());
        }
        Matrix runningMean = bn.runningMean().copy();
        Matrix runningVar = bn.runningVar().copy();

        CheckResult r = GradientCheck.of().model(model, Loss.mse(), x, normal(6, 2, rng));
        r.assertBelow(1e-6);

        for (int i = 0; i < values.size(); i++) {
            Parameter p = model.parameters().get(i);
            assertEquals(values.get(i), p.value(), p.name() + " value");
            assertEquals(Matrix.filled(p.value().rows(), p.value().cols(), 0.25), p.grad(), p.name() + " grad");
        }
        assertEquals(runningMean, bn.runningMean());
        assertEquals(runningVar, bn.runningVar());
        assertFalse(dropout.maskFixed());
        assertTrue(dropout.training());
        assertEquals(xCopy, x, "the input is not changed");
    }

    @Test
    void reportAndConfiguration() {
        Rng rng = Rng.seed(8);
        CheckResult r = GradientCheck.of().h(1e-6).model(Dense.of(2, 3, rng), Loss.mse(), normal(2, 2, rng),
                normal(2, 3, rng));
        String report = r.toString();
        assertTrue(report.startsWith("Gradient check (central differences, h=1e-06): 13 coordinates\n"
                + "max relative error "), report);
        assertTrue(report.contains("\n  weight  6 of 6 checked, max relative error "), report);
        assertTrue(report.contains("\n  bias    3 of 3 checked, max relative error "), report);
        assertTrue(report.contains("\n  input   4 of 4 checked, max relative error "), report);
        assertEquals(1e-6, r.h());

        assertEquals("GradientCheck(h=1e-05, coordinates=all)", GradientCheck.of().toString());
        assertEquals("GradientCheck(h=0.001, coordinates=at most 20 per tensor, sampled)",
                GradientCheck.of().h(1e-3).sample(20, rng).toString());
        assertEquals("GradientCheck.h must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradientCheck.of().h(0)).getMessage());
        assertEquals("GradientCheck.sample: perTensor must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> GradientCheck.of().sample(0, rng)).getMessage());
        assertEquals("GradientCheck.function: the gradient has 1 values, expected 2 (one per coordinate of the point)",
                assertThrows(IllegalArgumentException.class, () -> GradientCheck.of()
                        .function(w -> w[0] * w[1], w -> new double[] {w[1]}, new double[] {1, 2})).getMessage());
        assertEquals("GradientCheck.model: input is 0×2, expected at least one element",
                assertThrows(IllegalArgumentException.class, () -> GradientCheck.of()
                        .model(Dense.of(2, 1, rng), Loss.mse(), Matrix.zeros(0, 2), Matrix.zeros(0, 1))).getMessage());
    }
}
