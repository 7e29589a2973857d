package gd.nn;

import static gd.testing.Golden.MLP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import gd.loss.Loss;
import gd.loss.MeanSquaredError;
import gd.loss.Reduction;
import gd.loss.Softmax;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 4-3-2 MLP and the linear layer of {@code golden/mlp.json} against PyTorch, one test per case in the
 * file: every forward value and every gradient, with {@link Golden#MLP} (relative 1e-12 + absolute 1e-14).
 * Torch stores weights out×in, so they are transposed on the way in and the weight gradients on the way out.
 */
class MlpGoldenTest {
    private static final JsonNode GOLDEN = Golden.load("mlp.json");

    private static Matrix matrix(String key) {
        return Golden.matrix(GOLDEN.get(key));
    }

    /** A JSON vector as a 1×n row (biases) . */
    private static Matrix row(JsonNode vector) {
        return Matrix.rowVector(Golden.vector(vector));
    }

    private static Layer activation(String name) {
        return switch (name) {
            case "relu" -> ReLU.of();
            case "sigmoid" -> Sigmoid.of();
            case "tanh" -> Tanh.of();
            default -> fail("mlp.json: hidden_activation '" + name + "' is not mapped");
        };
    }

    private static Matrix labels() {
        return Matrix.columnVector(Golden.vector(GOLDEN.get("labels")));
    }

    private static Reduction reduction(JsonNode c) {
        return Reduction.valueOf(c.get("reduction").asText().toUpperCase(Locale.ROOT));
    }

    /** One test per entry of {@code mlp_cases}, named hidden activation/loss/reduction. */
    @TestFactory
    List<DynamicTest> everyMlpCaseMatchesTorch() {
        return Golden.tests("mlp.json mlp_cases", Golden.named(GOLDEN.get("mlp_cases"),
                c -> c.get("hidden_activation").asText() + "/" + c.get("loss_function").asText() + "/"
                        + c.get("reduction").asText()), MlpGoldenTest::checkMlpCase);
    }

    private static void checkMlpCase(String what, JsonNode c) {
        Dense first = Dense.of(matrix("W1").t(), row(GOLDEN.get("b1")));
        Dense second = Dense.of(matrix("W2").t(), row(GOLDEN.get("b2")));
        Sequential model = Sequential.of(first, activation(c.get("hidden_activation").asText()), second);
        Matrix x = matrix("X");

        Loss loss = switch (c.get("loss_function").asText()) {
            case "cross_entropy" -> SoftmaxCrossEntropy.of().reduction(reduction(c));
            case "mse" -> MeanSquaredError.of().reduction(reduction(c));
            default -> fail(what + ": loss_function is not mapped");
        };
        Matrix target = loss instanceof SoftmaxCrossEntropy ? labels()
                : Golden.matrix(GOLDEN.get("linear_mse").get("Y"));

        List<Matrix> outputs = model.forwardAll(x);
        MLP.assertClose(Golden.matrix(c.get("z1")), outputs.get(0), what + " z1");
        MLP.assertClose(Golden.matrix(c.get("h")), outputs.get(1), what + " h");
        Matrix logits = outputs.get(2);
        MLP.assertClose(Golden.matrix(c.get("logits")), logits, what + " logits");
        MLP.assertClose(c.get("loss").asDouble(), loss.value(logits, target), what + " loss");
        if (loss instanceof SoftmaxCrossEntropy crossEntropy) {
            MLP.assertClose(Golden.matrix(c.get("probs")), Softmax.probabilities(logits), what + " probs");
            MLP.assertClose(Golden.vector(c.get("per_sample_loss")), crossEntropy.losses(logits, target).column(0),
                    what + " per_sample_loss");
        }

        Matrix gradLogits = loss.gradient(logits, target);
        MLP.assertClose(Golden.matrix(c.get("grad_logits")), gradLogits, what + " grad_logits");

        // every input gradient, through backwardAll
        model.zeroGrad();
        List<Matrix> grads = model.backwardAll(gradLogits);
        MLP.assertClose(Golden.matrix(c.get("grad_X")), grads.get(0), what + " grad_X");
        MLP.assertClose(Golden.matrix(c.get("grad_z1")), grads.get(1), what + " grad_z1");
        MLP.assertClose(Golden.matrix(c.get("grad_h")), grads.get(2), what + " grad_h");
        assertParameterGradients(c, model, what + " (backwardAll)");

        // the plain backward pass gives the same input gradient and parameter gradients
        model.zeroGrad();
        MLP.assertClose(Golden.matrix(c.get("grad_X")), model.backward(gradLogits), what + " grad_X (backward)");
        assertParameterGradients(c, model, what + " (backward)");

        // and the training path, which skips the input gradient, the same parameter gradients
        model.zeroGrad();
        model.forward(x);
        model.backwardParametersOnly(gradLogits);
        assertParameterGradients(c, model, what + " (backwardParametersOnly)");
    }

    /** The gradients by the model's parameter names, weights transposed back to torch's out×in layout. */
    private static void assertParameterGradients(JsonNode c, Sequential model, String what) {
        Map<String, String> golden = Map.of("0.weight", "grad_W1", "0.bias", "grad_b1",
                "2.weight", "grad_W2", "2.bias", "grad_b2");
        List<String> names = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            names.add(p.name());
            String key = golden.get(p.name());
            if (p.name().endsWith("weight")) {
                MLP.assertClose(Golden.matrix(c.get(key)), p.grad().t(), what + " " + key);
            } else {
                MLP.assertClose(Golden.vector(c.get(key)), p.grad().row(0), what + " " + key);
            }
        }
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), names, what + " parameter names");
    }

    /** One test per entry of {@code linear_mse.cases}, named linear_mse/reduction. */
    @TestFactory
    List<DynamicTest> linearLayerWithMseMatchesTorch() {
        return Golden.tests("mlp.json linear_mse.cases", Golden.named(GOLDEN.get("linear_mse").get("cases"),
                c -> "linear_mse/" + c.get("reduction").asText()), MlpGoldenTest::checkLinearCase);
    }

    private static void checkLinearCase(String what, JsonNode c) {
        JsonNode linear = GOLDEN.get("linear_mse");
        Matrix x = Golden.matrix(linear.get("X"));
        Matrix y = Golden.matrix(linear.get("Y"));
        Dense layer = Dense.of(Golden.matrix(linear.get("W")).t(), row(linear.get("b")));
        MeanSquaredError loss = MeanSquaredError.of().reduction(reduction(c));

        Matrix pred = layer.forward(x);
        MLP.assertClose(Golden.matrix(c.get("pred")), pred, what + " pred");
        MLP.assertClose(c.get("loss").asDouble(), loss.value(pred, y), what + " loss");
        Matrix gradPred = loss.gradient(pred, y);
        MLP.assertClose(Golden.matrix(c.get("grad_pred")), gradPred, what + " grad_pred");
        Matrix gradX = layer.backward(gradPred);
        MLP.assertClose(Golden.matrix(c.get("grad_X")), gradX, what + " grad_X");
        MLP.assertClose(Golden.matrix(c.get("grad_W")), layer.weight().grad().t(), what + " grad_W");
        MLP.assertClose(Golden.vector(c.get("grad_b")), layer.bias().grad().row(0), what + " grad_b");
    }
}
