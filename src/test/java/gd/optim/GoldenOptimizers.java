package gd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import gd.landscape.Function2D;
import gd.landscape.Functions2D;
import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the library's optimizer for a golden run from the file's own {@code optimizer} and
 * {@code hyperparameters} (every keyword must be mapped, or the test fails), and compares final states.
 */
public final class GoldenOptimizers {
    private GoldenOptimizers() {
    }

    /** The function a run names, with the evaluation order the golden files document. */
    public static Function2D function(String name) {
        if (name.equals("rosenbrock")) {
            return Functions2D.rosenbrock();
        }
        return fail("golden run uses function '" + name + "', which the test does not map");
    }

    /** {@code torch.optim.<torchName>(params, **hyperparameters)} in the library's terms. */
    public static BaseOptimizer<?> build(String torchName, JsonNode hyperparameters, List<Parameter> params) {
        switch (torchName) {
            case "SGD": {
                Sgd o = Sgd.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "momentum": o.momentum(v.asDouble()); return true;
                        case "dampening": o.dampening(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "nesterov": o.nesterov(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "Adagrad": {
                AdaGrad o = AdaGrad.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "lr_decay": o.lrDecay(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "initial_accumulator_value": o.initialAccumulatorValue(v.asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "RMSprop": {
                RmsProp o = RmsProp.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "alpha": o.alpha(v.asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "momentum": o.momentum(v.asDouble()); return true;
                        case "centered": o.centered(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "Adam": {
                Adam o = Adam.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "betas": o.betas(v.get(0).asDouble(), v.get(1).asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "amsgrad": o.amsgrad(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "AdamW": {
                AdamW o = AdamW.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "betas": o.betas(v.get(0).asDouble(), v.get(1).asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "amsgrad": o.amsgrad(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "NAdam": {
                NAdam o = NAdam.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "betas": o.betas(v.get(0).asDouble(), v.get(1).asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "momentum_decay": o.momentumDecay(v.asDouble()); return true;
                        case "decoupled_weight_decay": o.decoupledWeightDecay(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            case "RAdam": {
                RAdam o = RAdam.of(params);
                forEach(torchName, hyperparameters, (key, v) -> {
                    switch (key) {
                        case "lr": o.lr(v.asDouble()); return true;
                        case "betas": o.betas(v.get(0).asDouble(), v.get(1).asDouble()); return true;
                        case "eps": o.eps(v.asDouble()); return true;
                        case "weight_decay": o.weightDecay(v.asDouble()); return true;
                        case "decoupled_weight_decay": o.decoupledWeightDecay(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return o;
            }
            default:
                return fail("golden run uses torch.optim." + torchName + ", which the test does not map");
        }
    }

    /** Compares torch's {@code final_state} with {@code optimizer.state(p)}: the same keys and values. */
    public static void assertState(String id, JsonNode expected, Map<String, Object> actual) {
        List<String> keys = new ArrayList<>();
        expected.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(keys), new TreeSet<>(actual.keySet()), id + "final_state keys");
        for (String key : keys) {
            JsonNode e = expected.get(key);
            Object a = actual.get(key);
            if (key.equals("step")) {
                assertEquals(e.asDouble(), ((Number) a).doubleValue(), id + "final_state.step");
            } else if (e.isArray()) {
                Golden.OPTIMIZER.assertClose(Golden.vector(e), ((Matrix) a).row(0), id + "final_state." + key);
            } else {
                Golden.OPTIMIZER.assertClose(e.asDouble(), ((Number) a).doubleValue(), id + "final_state." + key);
            }
        }
    }

    /** One keyword argument: returns false if it is not mapped. */
    public interface Setter {
        /** Applies the keyword; false if unknown. */
        boolean apply(String key, JsonNode value);
    }

    private static void forEach(String torchName, JsonNode hyperparameters, Setter setter) {
        Iterator<Map.Entry<String, JsonNode>> fields = hyperparameters.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals("foreach") || key.equals("maximize")) {
                assertFalse(field.getValue().asBoolean(), torchName + "." + key + " must be False for these runs");
            } else if (!setter.apply(key, field.getValue())) {
                fail("torch.optim." + torchName + " keyword '" + key + "' is not mapped to the library");
            }
        }
    }
}
