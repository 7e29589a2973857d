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
import gd.optim.BaseOptimizer;
import gd.optim.GoldenOptimizers;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The training runs of {@code golden/mlp.json} ({@code adam_training}: Adam, 5 steps; {@code sgd_one_step}:
 * SGD, 1 step; one test per run in the file): the 4-3-2 ReLU network with mean cross-entropy, trained
 * full-batch by a {@link Trainer} with the optimizer that the run's constructor text describes. A callback
 * captures every gradient and every weight after each step. Losses and gradients use {@link Golden#MLP},
 * weights after optimizer steps and the optimizer state {@link Golden#OPTIMIZER}. torch stores weights
 * out×in, the library in×out: they are transposed on the way in and out.
 */
class TrainerGoldenTest {
    private static final JsonNode GOLDEN = Golden.load("mlp.json");
    /** The model's parameter names and the golden file's names for them, in the model's order. */
    private static final List<String> TORCH_NAMES = List.of("W1", "b1", "W2", "b2");

    private static Sequential model() {
        return Sequential.of(
                Dense.of(Golden.matrix(GOLDEN.get("W1")).t(), Matrix.rowVector(Golden.vector(GOLDEN.get("b1")))),
                ReLU.of(),
                Dense.of(Golden.matrix(GOLDEN.get("W2")).t(), Matrix.rowVector(Golden.vector(GOLDEN.get("b2")))));
    }

    private static Dataset data() {
        return Dataset.of(Golden.matrix(GOLDEN.get("X")), Matrix.columnVector(Golden.vector(GOLDEN.get("labels"))));
    }

    /** A parameter's matrix in torch's layout: weights transposed back to out×in, biases as they are (1×out). */
    private static Matrix torchLayout(Parameter p, Matrix m) {
        return p.name().endsWith("weight") ? m.t() : m;
    }

    /** Per step: the gradients and the weights after the update, by torch name, captured by a callback. */
    private record Captured(History history, List<Map<String, Matrix>> grads, List<Map<String, Matrix>> weights) {
    }

    private static Captured train(Sequential model, BaseOptimizer<?> opt, int steps) {
        List<Map<String, Matrix>> grads = new ArrayList<>();
        List<Map<String, Matrix>> weights = new ArrayList<>();
        Function<Function<Parameter, Matrix>, Map<String, Matrix>> byName = f -> {
            Map<String, Matrix> m = new HashMap<>();
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
                MLP.assertClose(Golden.tensor(step.get("grad_" + name)), run.grads().get(t).get(name),
                        what + " grad_" + name + " at step " + t);
                OPTIMIZER.assertClose(Golden.tensor(step.get(name + "_after")), run.weights().get(t).get(name),
                        what + " " + name + " after step " + t);
            }
        }
    }

    /**
     * One test per training run in the file: every top-level entry with an {@code optimizer} call and
     * {@code steps} ({@code adam_training}, {@code sgd_one_step}, and any added later).
     */
    @TestFactory
    List<DynamicTest> everyTrainingRunMatchesTorch() {
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : GOLDEN.properties()) {
            if (entry.getValue().has("optimizer") && entry.getValue().has("steps")) {
                runs.put(entry.getKey(), entry.getValue());
            }
        }
        return Golden.tests("mlp.json training runs", runs, TrainerGoldenTest::checkRun);
    }

    /**
     * Trains the network for as many full-batch steps as the run records, with the optimizer its constructor
     * text describes, then compares every step and, where the run records them, the parameters after one
     * step, the optimizer's final state and the final loss.
     */
    private static void checkRun(String name, JsonNode run) {
        Golden.Call constructor = Golden.Call.parse(run.get("optimizer").asText());
        assertEquals(TORCH_NAMES, constructor.tensors(), name + ": the optimizer's parameters, in the model's order");
        Sequential model = model();
        BaseOptimizer<?> opt = GoldenOptimizers.build(constructor, model.parameters());
        int steps = run.get("steps").size();
        if (run.has("n_steps")) {
            assertEquals(run.get("n_steps").asInt(), steps, name + " n_steps");
        }
        Captured captured = train(model, opt, steps);
        assertSteps(run, captured, name);

        if (run.has("after_one_step")) {
            for (String torchName : TORCH_NAMES) {
                OPTIMIZER.assertClose(Golden.tensor(run.get("after_one_step").get(torchName + "_after")),
                        captured.weights().get(0).get(torchName), name + " after_one_step " + torchName);
            }
        }
        if (run.has("final_state")) {
            for (int i = 0; i < TORCH_NAMES.size(); i++) {
                Parameter p = model.parameters().get(i);
                GoldenOptimizers.assertState(name + " " + TORCH_NAMES.get(i) + " ",
                        run.get("final_state").get(TORCH_NAMES.get(i)), opt.state(p), m -> torchLayout(p, m));
            }
        }
        OPTIMIZER.assertClose(run.get("final_loss").asDouble(),
                Evaluation.of(model, data(), SoftmaxCrossEntropy.of()).loss(), name + " final_loss");
    }
}
