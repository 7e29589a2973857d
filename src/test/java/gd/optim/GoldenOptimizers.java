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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Builds the library's optimizer for a golden run from the file's own description of torch's call (the
 * {@code optimizer} name and {@code hyperparameters}, or the constructor text itself, read by
 * {@link Golden.Call}), where every keyword must be mapped or the test fails, and compares final states.
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

    /** The optimizer that a constructor call such as {@code torch.optim.Adam([W1, b1], lr=0.01)} describes. */
    public static BaseOptimizer<?> build(Golden.Call constructor, List<Parameter> params) {
        return build(constructor.function(), constructor.keywords(), params);
    }

    /** {@code torch.optim.<torchName>(params, **hyperparameters)} in the library's terms. */
    public static BaseOptimizer<?> build(String torchName, JsonNode hyperparameters, List<Parameter> params) {
        BaseOptimizer<?> o = switch (torchName) {
            case "SGD" -> Sgd.of(params);
            case "Adagrad" -> AdaGrad.of(params);
            case "RMSprop" -> RmsProp.of(params);
            case "Adam" -> Adam.of(params);
            case "AdamW" -> AdamW.of(params);
            case "NAdam" -> NAdam.of(params);
            case "RAdam" -> RAdam.of(params);
            default -> fail("golden run uses torch.optim." + torchName + ", which the test does not map");
        };
        for (Map.Entry<String, JsonNode> keyword : hyperparameters.properties()) {
            String key = keyword.getKey();
            if (key.equals("foreach") || key.equals("maximize")) {
                assertFalse(keyword.getValue().asBoolean(), torchName + "." + key + " must be False for these runs");
            } else if (!set(o, key, keyword.getValue())) {
                fail("torch.optim." + torchName + " keyword '" + key + "' is not mapped to the library");
            }
        }
        return o;
    }

    /**
     * Applies one torch keyword, in torch's order (so {@code momentum} comes before {@code nesterov}); false if
     * the optimizer has no such setting. Each shared setting is set through the class that holds it.
     */
    private static boolean set(BaseOptimizer<?> o, String key, JsonNode v) {
        double x = v.asDouble();
        boolean b = v.asBoolean();
        if (key.equals("lr")) {
            o.lr(x);
        } else if (key.equals("weight_decay")) {
            o.weightDecay(x);
        } else if (key.equals("eps") && o instanceof AdaptiveOptimizer<?> a) {
            a.eps(x);
        } else if (key.equals("betas") && o instanceof AdamFamily<?> a) {
            a.betas(v.get(0).asDouble(), v.get(1).asDouble());
        } else if (key.equals("decoupled_weight_decay") && o instanceof AdamVariant<?> a) {
            a.decoupledWeightDecay(b);
        } else if (key.equals("decoupled_weight_decay") && o instanceof AdamFamily<?> a) {
            assertEquals(b, a.decoupledWeightDecay(), "decoupled_weight_decay is fixed in " + a);  // Adam, AdamW
        } else if (key.equals("amsgrad") && o instanceof BaseAdam<?> a) {
            a.amsgrad(b);
        } else if (key.equals("momentum_decay") && o instanceof NAdam a) {
            a.momentumDecay(x);
        } else if (key.equals("momentum") && o instanceof Sgd s) {
            s.momentum(x);
        } else if (key.equals("dampening") && o instanceof Sgd s) {
            s.dampening(x);
        } else if (key.equals("nesterov") && o instanceof Sgd s) {
            s.nesterov(b);
        } else if (key.equals("lr_decay") && o instanceof AdaGrad a) {
            a.lrDecay(x);
        } else if (key.equals("initial_accumulator_value") && o instanceof AdaGrad a) {
            a.initialAccumulatorValue(x);
        } else if (key.equals("alpha") && o instanceof RmsProp r) {
            r.alpha(x);
        } else if (key.equals("momentum") && o instanceof RmsProp r) {
            r.momentum(x);
        } else if (key.equals("centered") && o instanceof RmsProp r) {
            r.centered(b);
        } else {
            return false;
        }
        return true;
    }

    /** Compares torch's {@code final_state} with {@code optimizer.state(p)}: the same keys and values. */
    public static void assertState(String id, JsonNode expected, Map<String, Object> actual) {
        assertState(id, expected, actual, UnaryOperator.identity());
    }

    /**
     * As {@link #assertState(String, JsonNode, Map)}, with {@code torchLayout} turning a state matrix into
     * torch's layout first (the transpose of a weight's).
     */
    public static void assertState(String id, JsonNode expected, Map<String, Object> actual,
            UnaryOperator<Matrix> torchLayout) {
        List<String> keys = new ArrayList<>();
        expected.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(keys), new TreeSet<>(actual.keySet()), id + "final_state keys");
        for (String key : keys) {
            JsonNode e = expected.get(key);
            Object a = actual.get(key);
            if (key.equals("step")) {
                assertEquals(e.asDouble(), ((Number) a).doubleValue(), id + "final_state.step");
            } else if (e.isArray()) {
                Golden.OPTIMIZER.assertClose(Golden.tensor(e), torchLayout.apply((Matrix) a),
                        id + "final_state." + key);
            } else {
                Golden.OPTIMIZER.assertClose(e.asDouble(), ((Number) a).doubleValue(), id + "final_state." + key);
            }
        }
    }
}
