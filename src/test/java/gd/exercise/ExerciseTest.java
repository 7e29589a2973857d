package gd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.landscape.Functions2D;
import gd.loss.MeanSquaredError;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.optim.Adam;
import gd.optim.Optimizer;
import gd.optim.Sgd;
import gd.schedule.Schedule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each check says one of three things: ✓ when right, "not solved yet", or feedback that names the mistake. */
class ExerciseTest {
    private static final DoubleUnaryOperator F = x -> (x - 3) * (x - 3) + 1;

    /** What the check printed; the check must pass or report "not solved yet". */
    private static String printed(Executable check) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            check.execute();
        } catch (Throwable t) {
            throw new AssertionError("the check should not fail: " + t.getMessage(), t);
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    /** The feedback of a wrong answer. */
    private static String feedback(Executable check) {
        return assertThrows(AssertionError.class, check).getMessage();
    }

    @Test
    void aRightDerivativePrintsOneCheckMark() {
        String line = printed(() -> Exercise.derivative("1.1 f'", F, x -> 2 * (x - 3), -1, 0, 2.5, 4));
        assertTrue(line.startsWith("✓ 1.1 f': matches central differences at 4 points"), line);
        assertFalse(line.contains("\n"), "one line");
        Exercise.requireSolved("1.1 f'");
    }

    @Test
    void anUnsolvedExercisePrintsOneLineAndTheNotebookGoesOn() {
        DoubleUnaryOperator notYet = x -> {
            throw Exercise.notSolved();
        };
        assertEquals("not solved yet: 1.2 f'", printed(() -> Exercise.derivative("1.2 f'", F, notYet, 1, 2)));
        assertEquals("✗ 1.2 f': not solved yet",
                assertThrows(AssertionError.class, () -> Exercise.requireSolved("1.2 f'")).getMessage(),
                "the hidden test of a graded notebook fails it");
        assertEquals("✗ never ran: not checked: run the exercise's cells first",
                assertThrows(AssertionError.class, () -> Exercise.requireSolved("never ran")).getMessage());
    }

    @Test
    void aWrongDerivativeNamesThePointBothValuesAndTheLikelyCause() {
        String twice = feedback(() -> Exercise.derivative("1.3 f'", F, x -> 4 * (x - 3), -1, 4));
        assertTrue(twice.startsWith("✗ 1.3 f': at x = -1 your derivative gives -16, central differences give -8"),
                twice);
        assertTrue(twice.endsWith("off by a factor 2 (one too many); check the constant factors"), twice);
        String sign = feedback(() -> Exercise.derivative("1.3 f'", F, x -> -2 * (x - 3), 5));
        assertTrue(sign.endsWith("the same size with the opposite sign; check the sign"), sign);
        assertThrows(AssertionError.class, () -> Exercise.requireSolved("1.3 f'"));
    }

    @Test
    void aGradientNamesTheWorstCoordinate() {
        Function<double[], double[]> wrongY = p -> new double[] {2 * p[0], 2 * p[1]};
        String message = feedback(() -> Exercise.gradient("2.1 ∇f", p -> p[0] * p[0] + 5 * p[1] * p[1], wrongY,
                new double[] {1, 2}));
        assertTrue(message.contains("the derivative with respect to coordinate 1 at (1, 2) is 4 in your gradient, 20"
                + " by central differences"), message);
        assertTrue(printed(() -> Exercise.gradient("2.2 ∇f", p -> p[0] * p[0] + 5 * p[1] * p[1],
                p -> new double[] {2 * p[0], 10 * p[1]}, new double[] {1, 2}, new double[] {-3, 0.5}))
                .startsWith("✓ 2.2 ∇f: matches central differences in 4 coordinates"));
    }

    @Test
    void aBackwardPassNamesTheParameterThatIsOff() {
        Layer halfWeightGradient = new Layer() {
            private final Dense inner = Dense.of(3, 2, Rng.seed(1));
            private Matrix input;

            @Override
            public Matrix forward(Matrix x) {
                input = x;
                return inner.forward(x);
            }

            @Override
            public Matrix backward(Matrix g) {
                Matrix dx = inner.backward(g);
                inner.weight().grad().timesInPlace(0.5);
                return dx;
            }

            @Override
            public List<Parameter> parameters() {
                return inner.parameters();
            }
        };
        Matrix x = Matrix.random(4, 3, Rng.seed(2), Rng::normal);
        Matrix y = Matrix.random(4, 2, Rng.seed(3), Rng::normal);
        String message = feedback(() -> Exercise.backward("7.1 backward", halfWeightGradient, MeanSquaredError.of(), x,
                y));
        assertTrue(message.startsWith("✗ 7.1 backward: the gradient of weight at ["), message);
        assertTrue(message.contains("off by a factor 2 (one missing)"), message);
        assertTrue(printed(() -> Exercise.backward("7.2 backward", Dense.of(3, 2, Rng.seed(1)), MeanSquaredError.of(),
                x, y)).startsWith("✓ 7.2 backward: every gradient matches central differences"));
    }

    private static Function<List<Parameter>, Optimizer> sgdByHand(double scale, double sign) {
        return params -> () -> {
            for (Parameter p : params) {
                p.value().plusScaledInPlace(-sign * scale * 0.01, p.grad());
            }
        };
    }

    @Test
    void anUpdateRuleIsComparedStepByStepWithTheLibrary() {
        var reference = (Function<List<Parameter>, Optimizer>) params -> Sgd.of(params).lr(0.01);
        var bowl = Functions2D.bowl();
        assertTrue(printed(() -> Exercise.updateRule("5.1 SGD", sgdByHand(1, 1), reference, bowl, 1.5, 1, 20))
                .startsWith("✓ 5.1 SGD: the same path as the reference for 20 steps"));
        String sign = feedback(() -> Exercise.updateRule("5.1 SGD", sgdByHand(1, -1), reference, bowl, 1.5, 1, 20));
        assertTrue(sign.startsWith("✗ 5.1 SGD: the paths part at step 1: yours goes to "), sign);
        assertTrue(sign.endsWith("your step goes the opposite way; check the sign of the update"), sign);
        String factor = feedback(() -> Exercise.updateRule("5.1 SGD", sgdByHand(10, 1), reference, bowl, 1.5, 1, 20));
        assertTrue(factor.contains("the same direction, but your step is 10 times as long"), factor);
    }

    @Test
    void adamWithoutBiasCorrectionIsRecognised() {
        var reference = (Function<List<Parameter>, Optimizer>) params -> Adam.of(params).lr(0.05);
        Function<List<Parameter>, Optimizer> noCorrection = params -> {
            Parameter xy = params.get(0);
            double[] m = new double[2];
            double[] v = new double[2];
            return () -> {
                double[] w = xy.value().row(0);
                double[] g = xy.grad().row(0);
                for (int j = 0; j < 2; j++) {
                    m[j] = 0.9 * m[j] + 0.1 * g[j];
                    v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                    w[j] -= 0.05 * m[j] / (Math.sqrt(v[j]) + 1e-8);
                }
            };
        };
        String message = feedback(() -> Exercise.updateRule("5.4 Adam", noCorrection, reference,
                Functions2D.bowl(), 1.5, 1, 2000));
        assertTrue(message.contains("paths part at step 1"), message);
        assertTrue(message.contains("bias correction"), message);
    }

    @Test
    void aScheduleNamesTheFirstStepThatDiffersAndAnOffByOne() {
        Schedule reference = Schedule.cosine(0.1, 100);
        assertTrue(printed(() -> Exercise.schedule("6.1 cosine", t -> 0.05 * (1 + Math.cos(Math.PI * t / 100)),
                reference, 101)).startsWith("✓ 6.1 cosine: the same learning rate as the reference at all 101 steps"));
        String ahead = feedback(() -> Exercise.schedule("6.1 cosine",
                t -> 0.05 * (1 + Math.cos(Math.PI * (t + 1) / 100)), reference, 101));
        assertTrue(ahead.startsWith("✗ 6.1 cosine: at step 0 your schedule gives 0.0999753, the reference 0.1"), ahead);
        assertTrue(ahead.endsWith("yours is one step ahead (your step t is the reference's t + 1)"), ahead);
    }

    @Test
    void targetsValuesAndChoices() {
        assertTrue(printed(() -> Exercise.atLeast("8.1 accuracy", () -> 0.97, 0.95, "the test accuracy"))
                .equals("✓ 8.1 accuracy: the test accuracy 0.97 ≥ 0.95"));
        assertEquals("✗ 8.1 accuracy: the test accuracy is 0.91, the goal is ≥ 0.95",
                feedback(() -> Exercise.atLeast("8.1 accuracy", () -> 0.91, 0.95, "the test accuracy")));
        assertEquals("✗ 1.5 steps: the number of steps is 40, the goal is ≤ 20",
                feedback(() -> Exercise.atMost("1.5 steps", () -> 40, 20, "the number of steps")));
        assertTrue(printed(() -> Exercise.value("1.6 η_crit", () -> 1.0, 1.0, 1e-9)).startsWith("✓ 1.6 η_crit: 1"));
        Map<String, String> whyNot = Map.of("A", "the loss falls on both", "C", "momentum is not the cause");
        assertEquals("✓ 3.1 plot: answer B", printed(() -> Exercise.choice("3.1 plot", () -> "b", "B", whyNot)));
        assertEquals("✗ 3.1 plot: not A: the loss falls on both",
                feedback(() -> Exercise.choice("3.1 plot", () -> "A", "B", whyNot)));
        assertEquals("✗ 3.1 plot: the answer is one of A, B, C, got \"Z\"",
                feedback(() -> Exercise.choice("3.1 plot", () -> "Z", "B", whyNot)));
        assertEquals("not solved yet: 3.2 plot", printed(() -> Exercise.choice("3.2 plot", () -> {
            throw Exercise.notSolved();
        }, "B", whyNot)));
    }

    @Test
    void laterCellsUseTheLearnersSolutionOrTheReference() {
        assertEquals("mine", Exercise.solutionOr(() -> "mine", () -> "reference"));
        assertEquals("reference", Exercise.solutionOr(() -> {
            throw Exercise.notSolved();
        }, () -> "reference"));
    }

    @Test
    void codeThatThrowsSomethingElseIsReportedAsTheLearnersError() {
        String message = feedback(() -> Exercise.derivative("1.7 f'", F, x -> {
            throw new ArithmeticException("/ by zero");
        }, 1));
        assertEquals("✗ 1.7 f': your code threw ArithmeticException: / by zero", message);
    }
}
