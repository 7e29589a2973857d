package gd.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gd.nn.Parameter;
import gd.optim.Adam;
import gd.optim.Clip;
import gd.optim.GoldenOptimizers;
import gd.optim.Optimizer;
import gd.optim.Sgd;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** The test functions (gradients, minima) and trajectories: against PyTorch, with lambdas, divergence. */
class LandscapeTest {
    private static final List<Function2D> BUILT_INS = List.of(Functions2D.bowl(), Functions2D.illConditioned(10),
            Functions2D.rosenbrock(), Functions2D.saddle(), Functions2D.himmelblau());

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** Central differences, h = 1e-5, relative error below 1e-6, at points spread over each window. */
    @Test
    void gradientsMatchCentralDifferences() {
        double h = 1e-5;
        for (Function2D f : BUILT_INS) {
            double[] w = f.window();
            for (double a : new double[] {0.13, 0.41, 0.77}) {
                for (double b : new double[] {0.21, 0.58, 0.93}) {
                    double x = w[0] + a * (w[1] - w[0]);
                    double y = w[2] + b * (w[3] - w[2]);
                    double[] g = f.gradient(x, y);
                    double dx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h);
                    double dy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h);
                    assertEquals(dx, g[0], 1e-6 * Math.max(1, Math.abs(dx)), f.name() + " ∂f/∂x at " + x + ", " + y);
                    assertEquals(dy, g[1], 1e-6 * Math.max(1, Math.abs(dy)), f.name() + " ∂f/∂y at " + x + ", " + y);
                }
            }
        }
    }

    @Test
    void minimaHaveZeroGradientAndValue() {
        int counted = 0;
        for (Function2D f : BUILT_INS) {
            for (double[] m : f.minima()) {
                double[] g = f.gradient(m[0], m[1]);
                assertEquals(0, f.value(m[0], m[1]), 1e-24, f.name() + " value at minimum");
                assertEquals(0, Math.hypot(g[0], g[1]), 1e-12, f.name() + " gradient at minimum");
                counted++;
            }
        }
        assertEquals(7, counted, "bowl 1, ill-conditioned 1, Rosenbrock 1, saddle 0, Himmelblau 4");
        assertEquals(0, Functions2D.saddle().minima().length);
        assertArrayEquals(new double[] {-2, 2, -1, 3}, Functions2D.rosenbrock().window());
    }

    /** Every optimizer run of the golden files, this time through Trajectory.run. */
    @TestFactory
    List<DynamicTest> trajectoriesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("optim_sgd.json", "optim_adagrad.json", "optim_rmsprop.json", "optim_adam.json",
                "optim_adamw.json", "optim_nadam_radam.json")) {
            for (JsonNode run : Golden.load(file).get("runs")) {
                tests.add(DynamicTest.dynamicTest(run.get("id").asText(), () -> {
                    double[] x0 = Golden.vector(run.get("x0"));
                    Trajectory t = Trajectory.run(GoldenOptimizers.function(run.get("function").asText()), x0[0], x0[1],
                            p -> GoldenOptimizers.build(run.get("optimizer").asText(), run.get("hyperparameters"), p),
                            run.get("steps").asInt());
                    assertGolden(run, t);
                }));
            }
        }
        return tests;
    }

    private static void assertGolden(JsonNode run, Trajectory t) {
        String id = run.get("id").asText() + " ";
        int steps = run.get("steps").asInt();
        assertFalse(t.diverged(), id + t.message());
        assertEquals(steps, t.steps(), id + "steps");
        double[] x = t.x();
        double[] y = t.y();
        for (int k = 0; k < steps; k++) {
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("params").get(k)), new double[] {x[k], y[k]},
                    id + "params[" + k + "]");
            Golden.OPTIMIZER.assertClose(run.get("loss").get(k).asDouble(), t.loss()[k], id + "loss[" + k + "]");
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad").get(k)),
                    new double[] {t.gradX()[k], t.gradY()[k]}, id + "grad[" + k + "]");
        }
        Golden.OPTIMIZER.assertClose(Golden.vector(run.get("final_params")), new double[] {t.finalX(), t.finalY()},
                id + "final_params");
        Golden.OPTIMIZER.assertClose(run.get("final_loss").asDouble(), t.finalLoss(), id + "final_loss");
    }

    @Test
    void aLambdaOptimizerRunsLikeTheLibrarysSgd() {
        Function2D f = Functions2D.rosenbrock();
        Trajectory mine = Trajectory.run(f, -1.5, 2.0,
                params -> () -> params.get(0).value().plusScaledInPlace(-0.001, params.get(0).grad()), 200);
        Trajectory library = Trajectory.run(f, -1.5, 2.0, params -> Sgd.of(params).lr(0.001), 200);
        assertArrayEquals(library.x(), mine.x());
        assertArrayEquals(library.y(), mine.y());
        assertEquals("a custom optimizer", mine.optimizer());
        assertEquals("Sgd(lr=0.001, momentum=0.0, dampening=0.0, weightDecay=0.0, nesterov=false)",
                library.optimizer());
        JsonNode golden = Golden.load("optim_sgd.json").get("runs").get(0);
        assertEquals("sgd__rosenbrock", golden.get("id").asText());
        assertGolden(golden, mine);
    }

    @Test
    void clippingGoesIntoTheOptimizerLambda() {
        JsonNode run = Golden.load("grad_clipping.json").get("runs").get(0);
        assertEquals("clip_grad_norm_max1.0", run.get("id").asText());
        Trajectory t = Trajectory.run(Functions2D.rosenbrock(), -1.5, 2.0, params -> {
            Sgd opt = Sgd.of(params).lr(0.01);
            return () -> {
                Clip.gradNorm(params, 1.0);
                opt.step();
            };
        }, 100);
        for (int k = 0; k < 100; k++) {
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("params").get(k)), new double[] {t.x()[k], t.y()[k]},
                    "params[" + k + "]");
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad_raw").get(k)),
                    new double[] {t.gradX()[k], t.gradY()[k]}, "grad_raw[" + k + "]");
        }
        Golden.OPTIMIZER.assertClose(run.get("final_loss").asDouble(), t.finalLoss(), "final_loss");
    }

    @Test
    void sameInputsGiveIdenticalResults() {
        for (Function2D f : BUILT_INS) {
            Trajectory a = Trajectory.run(f, 0.7, -0.4, params -> Adam.of(params).lr(0.05).amsgrad(true), 300);
            Trajectory b = Trajectory.run(f, 0.7, -0.4, params -> Adam.of(params).lr(0.05).amsgrad(true), 300);
            assertArrayEquals(a.x(), b.x(), f.name());
            assertArrayEquals(a.y(), b.y(), f.name());
            assertArrayEquals(a.loss(), b.loss(), f.name());
            assertArrayEquals(a.gradX(), b.gradX(), f.name());
            assertArrayEquals(a.gradY(), b.gradY(), f.name());
        }
    }

    @Test
    void aDivergingRunStopsAndSaysWhere() {
        // x ← x − 10·2x = −19x: |x| grows 19-fold per step until x² overflows
        Trajectory t = Trajectory.run(Functions2D.bowl(), 1.5, 1.0, params -> Sgd.of(params).lr(10), 500);
        assertTrue(t.diverged());
        assertEquals(t.divergedAt(), t.x().length, "the points before the failing step are kept");
        for (double l : t.loss()) {
            assertTrue(Double.isFinite(l));
        }
        double next = -19 * t.finalX();
        assertTrue(Double.isInfinite(next * next + 0.0), "the next point's loss overflows");
        assertTrue(t.message().startsWith("bowl: diverged at step " + t.divergedAt() + " with Sgd(lr=10.0"),
                t.message());
        assertTrue(t.message().endsWith("Try a smaller learning rate."), t.message());
        Trajectory fine = Trajectory.run(Functions2D.bowl(), 1.5, 1.0, params -> Sgd.of(params).lr(0.1), 0);
        assertFalse(fine.diverged());
        assertEquals(-1, fine.divergedAt());
        assertEquals(0, fine.steps());
        assertEquals(3.25, fine.finalLoss());
    }

    @Test
    void aLearnerBuildsAFunctionFromTwoLambdas() {
        Function2D f = Function2D.of("my bowl", (x, y) -> x * x + 3 * y * y, (x, y) -> new double[] {2 * x, 6 * y})
                .window(-3, 3, -2, 2).minima(new double[] {0, 0});
        assertEquals("Function2D(my bowl, window x -3.0…3.0, y -2.0…2.0, minima [(0.0, 0.0)])", f.toString());
        Trajectory t = Trajectory.run(f, 1.0, 1.0, params -> Sgd.of(params).lr(0.1), 3);
        assertArrayEquals(new double[] {1.0, 0.8, 0.64, 0.512}, t.x(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.4, 0.16, 0.064}, t.y(), 1e-15);
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        Function2D f = Functions2D.bowl();
        assertMessage("Trajectory.run: steps must be non-negative, got -1",
                () -> Trajectory.run(f, 0, 0, params -> Sgd.of(params), -1));
        assertMessage("Trajectory.run: the start point must be finite, got (nan, 0.0)",
                () -> Trajectory.run(f, Double.NaN, 0, params -> Sgd.of(params), 5));
        assertMessage("Trajectory.run: the optimizer factory returned null",
                () -> Trajectory.run(f, 0, 0, params -> (Optimizer) null, 5));
        assertMessage("Functions2D.illConditioned: conditionNumber must be finite and at least 1, got 0.5",
                () -> Functions2D.illConditioned(0.5));
        assertMessage("Function2D(bowl).window: expected finite xMin < xMax and yMin < yMax, got x 2.0…-2.0, y"
                + " -1.0…1.0", () -> f.window(2, -2, -1, 1));
        assertMessage("Function2D(bowl).minima: point 0 must be {x, y}, got 3 values",
                () -> f.minima(new double[] {1, 2, 3}));
        Function2D wrong = Function2D.of("wrong", (x, y) -> x, (x, y) -> new double[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trajectory.run(wrong, 0, 0, params -> Sgd.of(params), 1));
        assertEquals("Function2D(wrong).gradient must return {dfdx, dfdy}, got 1 values", e.getMessage());
        assertMessage("Trajectory.run: Himmelblau is not finite at the start (1e+200, 0.0): f = inf, gradient (inf,"
                + " inf)", () -> Trajectory.run(Functions2D.himmelblau(), 1e200, 0, params -> Sgd.of(params), 1));
    }

    @Test
    void parametersAreOneRowMatrix() {
        List<Parameter> seen = new ArrayList<>();
        Trajectory.run(Functions2D.saddle(), 0.5, 0.25, params -> {
            seen.addAll(params);
            return Sgd.of(params);
        }, 1);
        assertEquals(1, seen.size());
        assertEquals("xy", seen.get(0).name());
        assertEquals("1×2", seen.get(0).value().shape());
    }
}
