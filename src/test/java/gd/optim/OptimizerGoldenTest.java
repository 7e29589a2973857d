package gd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import gd.landscape.Function2D;
import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.testing.Golden;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer run in the golden files, step by step against PyTorch: the parameters before each step,
 * the loss, the gradient (before and after clipping, for the clipping runs), the final parameters and loss,
 * and the optimizer's final state. The configuration comes from each run's {@code optimizer} and
 * {@code hyperparameters}, which must say the same as its {@code constructor} text.
 */
class OptimizerGoldenTest {

    @TestFactory
    List<DynamicTest> sgd() {
        return runs("optim_sgd.json");
    }

    @TestFactory
    List<DynamicTest> adagrad() {
        return runs("optim_adagrad.json");
    }

    @TestFactory
    List<DynamicTest> rmsprop() {
        return runs("optim_rmsprop.json");
    }

    @TestFactory
    List<DynamicTest> adam() {
        return runs("optim_adam.json");
    }

    @TestFactory
    List<DynamicTest> adamw() {
        return runs("optim_adamw.json");
    }

    @TestFactory
    List<DynamicTest> nadamAndRadam() {
        return runs("optim_nadam_radam.json");
    }

    @TestFactory
    List<DynamicTest> gradientClipping() {
        return runs("grad_clipping.json");
    }

    private static List<DynamicTest> runs(String file) {
        return Golden.tests(file, Golden.named(Golden.load(file).get("runs"), run -> run.get("id").asText()),
                OptimizerGoldenTest::checkRun);
    }

    /** Numbers are equal when their values are ({@code 0} and {@code 0.0}); other nodes as JSON. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue() ? 0 : 1;

    /**
     * torch's protocol: zero_grad; loss = f(p); backward; record the gradient; clip it and record it again (the
     * clipping runs); step.
     */
    private static void checkRun(String name, JsonNode run) {
        String id = name + " ";
        String optimizer = run.get("optimizer").asText();
        JsonNode hyperparameters = run.get("hyperparameters");
        if (run.has("constructor")) {
            Golden.Call call = Golden.Call.parse(run.get("constructor").asText());
            assertEquals(optimizer, call.function(), id + "constructor vs optimizer");
            assertEquals(List.of("p"), call.tensors(), id + "constructor's parameters");
            assertTrue(hyperparameters.equals(SAME_VALUE, call.keywords()),
                    id + "constructor " + call.keywords() + " vs hyperparameters " + hyperparameters);
        }
        Function2D f = GoldenOptimizers.function(run.get("function").asText());
        Parameter p = new Parameter("p", Matrix.rowVector(Golden.vector(run.get("x0"))));
        List<Parameter> params = List.of(p);
        BaseOptimizer<?> opt = GoldenOptimizers.build(optimizer, hyperparameters, params);
        Clipping clipping = run.has("clipping_call") ? Clipping.parse(id, run.get("clipping_call").asText()) : null;
        int steps = run.get("steps").asInt();
        assertEquals(steps, run.get("params").size(), id + "params recorded");
        for (int k = 0; k < steps; k++) {
            opt.zeroGrad();
            double[] xy = p.value().row(0);
            double loss = f.value(xy[0], xy[1]);
            double[] g = f.gradient(xy[0], xy[1]);
            p.grad().row(0)[0] += g[0];
            p.grad().row(0)[1] += g[1];
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("params").get(k)), xy, id + "params[" + k + "]");
            Golden.OPTIMIZER.assertClose(run.get("loss").get(k).asDouble(), loss, id + "loss[" + k + "]");
            if (clipping != null) {
                Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad_raw").get(k)), p.grad().row(0),
                        id + "grad_raw[" + k + "]");
                clipping.apply(params, run, k, id);
            }
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad").get(k)), p.grad().row(0),
                    id + "grad[" + k + "]");
            opt.step();
        }
        double[] xy = p.value().row(0);
        Golden.OPTIMIZER.assertClose(Golden.vector(run.get("final_params")), xy, id + "final_params");
        Golden.OPTIMIZER.assertClose(run.get("final_loss").asDouble(), f.value(xy[0], xy[1]), id + "final_loss");
        GoldenOptimizers.assertState(id, run.get("final_state"), opt.state(p));
    }

    /** A run's {@code clipping_call}: torch's {@code clip_grad_norm_} (2-norm) or {@code clip_grad_value_}. */
    private record Clipping(boolean byNorm, double limit) {
        /** Reads the call; every keyword must be mapped, as for the optimizers. */
        static Clipping parse(String id, String text) {
            Golden.Call call = Golden.Call.parse(text);
            assertEquals(List.of("p"), call.tensors(), id + "clipped parameters");
            boolean byNorm = switch (call.function()) {
                case "clip_grad_norm_" -> true;
                case "clip_grad_value_" -> false;
                default -> fail(id + "clipping call not mapped: " + text);
            };
            double limit = Double.NaN;
            for (Map.Entry<String, JsonNode> keyword : call.keywords().properties()) {
                JsonNode v = keyword.getValue();
                switch (keyword.getKey()) {
                    case "max_norm", "clip_value" -> {
                        assertEquals(byNorm ? "max_norm" : "clip_value", keyword.getKey(), id + text);
                        limit = v.asDouble();
                    }
                    case "norm_type" -> assertEquals(2.0, v.asDouble(), id + "only the 2-norm is mapped: " + text);
                    case "foreach" -> assertFalse(v.asBoolean(), id + "foreach must be False: " + text);
                    default -> fail(id + "clipping keyword '" + keyword.getKey() + "' is not mapped: " + text);
                }
            }
            assertFalse(Double.isNaN(limit), id + "no limit in " + text);
            return new Clipping(byNorm, limit);
        }

        /** Clips the gradients of step {@code k}; by norm, the total norm must be the run's {@code total_norm[k]}. */
        void apply(List<Parameter> params, JsonNode run, int k, String id) {
            if (byNorm) {
                double total = Clip.gradNorm(params, limit);
                Golden.OPTIMIZER.assertClose(run.get("total_norm").get(k).asDouble(), total,
                        id + "total_norm[" + k + "]");
            } else {
                Clip.gradValue(params, limit);
            }
        }
    }
}
