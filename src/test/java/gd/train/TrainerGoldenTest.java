package gd.train;

import static gd.testing.Golden.MLP;
import static gd.testing.Golden.OPTIMIZER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import gd.data.Dataset;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.nn.Dense;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.BaseOptimizer;
import gd.optim.Sgd;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sections {@code adam_training} and {@code sgd_one_step} of {@code golden/mlp.json}: the 4-3-2 ReLU
 * network with mean cross-entropy, trained full-batch by a {@link Trainer} with torch's Adam (5 steps) and
 * SGD (1 step). A callback captures every gradient and every weight after each step. Losses and gradients
 * use {@link Golden#MLP}, weights after optimizer steps and the optimizer state {@link Golden#OPTIMIZER}.
 * torch stores weights out×in, the library in×out: they are transposed on the way in and out.
 */
class TrainerGoldenTest {
    private static final JsonNode GOLDEN = Golden.load("mlp.json");
    /** The model's parameter names and the golden file's names for them, in the model's order. */
    private static final List<String> TORCH_NAMES = List.of("W1", "b1", "W2", "b2");

    private static Sequential model() {
        return Sequential.of(
                Dense.of(Golden.matrix(GOLDEN.get("W1")).t(), Matrix.row(Golden.vector(GOLDEN.get("b1")))),
                ReLU.of(),
                Dense.of(Golden.matrix(GOLDEN.get("W2")).t(), Matrix.row(Golden.vector(GOLDEN.get("b2")))));
    }

    private static Dataset data() {
        return Dataset.of(Golden.matrix(GOLDEN.get("X")), Matrix.column(Golden.vector(GOLDEN.get("labels"))));
    }

    /** A parameter's matrix in torch's layout: weights transposed back to out×in, biases as they are (1×out). */
    private static Matrix torchLayout(Parameter p, Matrix m) {
        return p.name().endsWith("weight") ? m.t() : m;
    }

    /** A golden tensor as a matrix: a weight is a list of rows, a bias one row. */
    private static Matrix golden(JsonNode node) {
        return node.get(0).isArray() ? Golden.matrix(node) : Matrix.row(Golden.vector(node));
    }

    /** Per step: the gradients and the weights after the update, by torch name, captured by a callback. */
    private record Captured(History history, List<Map<String, Matrix>> grads, List<Map<String, Matrix>> weights) {
    }

    private static Captured train(Sequential model, BaseOptimizer<?> opt, int steps) {
        List<Map<String, Matrix>> grads = new ArrayList<>();
        List<Map<String, Matrix>> weights = new ArrayList<>();
        Function<Function<Parameter, Matrix>, Map<String, Matrix>> byName = f -> {
            Map<String, Matrix> m = new java.util.HashMap<>();
            for (int i = 0; i < TORCH_NAMES.size(); i++) {
                Parameter p = model.parameters().get(i);
                m.put(TORCH_NAMES.get(i), torchLayout(p, f.apply(p)));
            }
            return m;
        };
        History history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).epochs(steps).progress(false)
                .callback(s -> {
                    if (!s.endOfEpoch()) {
                        grads.add(byName.apply(p -> p.grad().copy()));
                        weights.add(byName.apply(p -> p.value().copy()));
                    }
                })
                .fit(data());
        return new Captured(history, grads, weights);
    }

    private static void assertSteps(JsonNode section, Captured run, String what) {
        JsonNode steps = section.get("steps");
        assertEquals(steps.size(), run.history().steps(), what + " steps");
        assertFalse(run.history().diverged(), what);
        double[] losses = run.history().loss();
        for (int t = 0; t < steps.size(); t++) {
            JsonNode step = steps.get(t);
            MLP.assertClose(step.get("loss_before_step").asDouble(), losses[t], what + " loss before step " + t);
            for (String name : TORCH_NAMES) {
                MLP.assertClose(golden(step.get("grad_" + name)), run.grads().get(t).get(name),
                        what + " grad_" + name + " at step " + t);
                OPTIMIZER.assertClose(golden(step.get(name + "_after")), run.weights().get(t).get(name),
                        what + " " + name + " after step " + t);
            }
        }
    }

    @Test
    void fiveAdamStepsMatchTorch() {
        JsonNode section = GOLDEN.get("adam_training");
        Sequential model = model();
        Adam opt = Adam.of(model.parameters()).lr(0.01).betas(0.9, 0.999).eps(1e-8);
        Captured run = train(model, opt, section.get("n_steps").asInt());
        assertSteps(section, run, "adam_training");

        JsonNode after1 = section.get("after_one_step");
        for (String name : TORCH_NAMES) {
            OPTIMIZER.assertClose(golden(after1.get(name + "_after")), run.weights().get(0).get(name),
                    "adam_training after_one_step " + name);
        }
        JsonNode state = section.get("final_state");
        for (int i = 0; i < TORCH_NAMES.size(); i++) {
            Parameter p = model.parameters().get(i);
            JsonNode expected = state.get(TORCH_NAMES.get(i));
            Map<String, Object> actual = opt.state(p);
            assertEquals(expected.get("step").asInt(), actual.get("step"), "final_state step of " + p.name());
            OPTIMIZER.assertClose(golden(expected.get("exp_avg")), torchLayout(p, (Matrix) actual.get("exp_avg")),
                    "final_state exp_avg of " + p.name());
            OPTIMIZER.assertClose(golden(expected.get("exp_avg_sq")), torchLayout(p, (Matrix) actual.get("exp_avg_sq")),
                    "final_state exp_avg_sq of " + p.name());
        }
        OPTIMIZER.assertClose(section.get("final_loss").asDouble(),
                Evaluation.of(model, data(), SoftmaxCrossEntropy.of()).loss(), "adam_training final_loss");
    }

    @Test
    void oneSgdStepMatchesTorch() {
        JsonNode section = GOLDEN.get("sgd_one_step");
        Sequential model = model();
        Captured run = train(model, Sgd.of(model.parameters()).lr(0.1), 1);
        assertSteps(section, run, "sgd_one_step");
        OPTIMIZER.assertClose(section.get("final_loss").asDouble(),
                Evaluation.of(model, data(), SoftmaxCrossEntropy.of()).loss(), "sgd_one_step final_loss");
    }
}
