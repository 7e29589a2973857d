package gd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gd.landscape.Function2D;
import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer run in the golden files, step by step against PyTorch: the parameters before each step,
 * the loss, the gradient, the final parameters and loss, and the optimizer's final state. The configuration
 * comes from each run's {@code optimizer} and {@code hyperparameters}.
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
        JsonNode file = Golden.load("grad_clipping.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode run : file.get("runs")) {
            tests.add(DynamicTest.dynamicTest(run.get("id").asText(), () -> checkClippingRun(run)));
        }
        assertTrue(tests.size() > 0, "grad_clipping.json has no runs");
        return tests;
    }

    private static List<DynamicTest> runs(String file) {
        JsonNode golden = Golden.load(file);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode run : golden.get("runs")) {
            tests.add(DynamicTest.dynamicTest(run.get("id").asText(), () -> checkRun(run)));
        }
        assertTrue(tests.size() > 0, file + " has no runs");
        return tests;
    }

    /** torch's protocol: zero_grad; loss = f(p); backward; record; step. */
    private static void checkRun(JsonNode run) {
        String id = run.get("id").asText() + " ";
        Function2D f = GoldenOptimizers.function(run.get("function").asText());
        Parameter p = new Parameter("p", Matrix.row(Golden.vector(run.get("x0"))));
        BaseOptimizer<?> opt = GoldenOptimizers.build(run.get("optimizer").asText(), run.get("hyperparameters"),
                List.of(p));
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
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad").get(k)), p.grad().row(0),
                    id + "grad[" + k + "]");
            opt.step();
        }
        double[] xy = p.value().row(0);
        Golden.OPTIMIZER.assertClose(Golden.vector(run.get("final_params")), xy, id + "final_params");
        Golden.OPTIMIZER.assertClose(run.get("final_loss").asDouble(), f.value(xy[0], xy[1]), id + "final_loss");
        GoldenOptimizers.assertState(id, run.get("final_state"), opt.state(p));
    }

    private static final Pattern MAX_NORM = Pattern.compile("clip_grad_norm_\\(\\[p\\], max_norm=([^,)]+)");
    private static final Pattern CLIP_VALUE = Pattern.compile("clip_grad_value_\\(\\[p\\], clip_value=([^,)]+)");

    /** zero_grad; loss; backward; record raw gradient; clip (record the norm); record clipped gradient; step. */
    private static void checkClippingRun(JsonNode run) {
        String id = run.get("id").asText() + " ";
        Function2D f = GoldenOptimizers.function(run.get("function").asText());
        Parameter p = new Parameter("p", Matrix.row(Golden.vector(run.get("x0"))));
        List<Parameter> params = List.of(p);
        BaseOptimizer<?> opt = GoldenOptimizers.build(run.get("optimizer").asText(), run.get("hyperparameters"),
                params);
        String call = run.get("clipping_call").asText();
        Matcher norm = MAX_NORM.matcher(call);
        Matcher value = CLIP_VALUE.matcher(call);
        boolean byNorm = norm.find();
        boolean byValue = value.find();
        assertTrue(byNorm ^ byValue, id + "clipping call not mapped: " + call);
        double limit = Double.parseDouble(byNorm ? norm.group(1) : value.group(1));
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
            Golden.OPTIMIZER.assertClose(Golden.vector(run.get("grad_raw").get(k)), p.grad().row(0),
                    id + "grad_raw[" + k + "]");
            if (byNorm) {
                double total = Clip.gradNorm(params, limit);
                Golden.OPTIMIZER.assertClose(run.get("total_norm").get(k).asDouble(), total,
                        id + "total_norm[" + k + "]");
            } else {
                Clip.gradValue(params, limit);
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
}
