package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Naming, printing, modes and the backward walks of {@link Sequential}. */
class SequentialTest {
    /** Delegates to a layer and records which backward method was called. */
    private static final class Spy implements Layer {
        private final Layer inner;
        final List<String> calls = new ArrayList<>();

        Spy(Layer inner) {
            this.inner = inner;
        }

        @Override
        public Matrix forward(Matrix input) {
            return inner.forward(input);
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            calls.add("backward");
            return inner.backward(gradOutput);
        }

        @Override
        public void backwardParametersOnly(Matrix gradOutput) {
            calls.add("backwardParametersOnly");
            inner.backwardParametersOnly(gradOutput);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }
    }

    private static Sequential mlp(Rng rng) {
        return Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dense.of(256, 10, rng.split()));
    }

    @Test
    void parametersAreNamedLikeTorch() {
        Sequential model = Sequential.of(Dense.of(4, 3, Rng.seed(1)), ReLU.of(), BatchNorm.of(3),
                Residual.of(Dense.of(3, 3, Rng.seed(2))), Dense.of(3, 2, Rng.seed(3)));
        List<String> names = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            names.add(p.name());
        }
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "3.bias", "4.weight", "4.bias"),
                names);
        assertSame(model.parameters(), model.parameters(), "always the same list");
        Dense first = (Dense) model.layer(0);
        assertSame(first.weight().value(), model.parameters().get(0).value(), "the same values, not copies");
        assertSame(first.weight().grad(), model.parameters().get(0).grad(), "the same gradients, not copies");
        assertEquals(4 * 3 + 3 + 3 + 3 + 9 + 3 + 6 + 2, model.parameterCount());
    }

    @Test
    void printsOneLinePerLayerAndTheParameterCount() {
        assertEquals("Sequential(\n"
                + "  (0): Dense(784→256)\n"
                + "  (1): ReLU()\n"
                + "  (2): Dense(256→10)\n"
                + ")  203,530 parameters", mlp(Rng.seed(1)).toString());
        Sequential nested = Sequential.of(Residual.of(Sequential.of(Dense.of(2, 2, Rng.seed(1)), Tanh.of())),
                Dropout.of(0.5, Rng.seed(2)));
        assertEquals("Sequential(\n"
                + "  (0): Residual(\n"
                + "    Sequential(\n"
                + "      (0): Dense(2→2)\n"
                + "      (1): Tanh()\n"
                + "    )\n"
                + "  )\n"
                + "  (1): Dropout(p=0.5)\n"
                + ")  6 parameters", nested.toString());
    }

    @Test
    void trainAndEvalSwitchEveryChild() {
        Dropout dropout = Dropout.of(0.5, Rng.seed(1));
        BatchNorm bn = BatchNorm.of(3);
        Sequential model = Sequential.of(Dense.of(3, 3, Rng.seed(2)), bn, Residual.of(Sequential.of(dropout)));
        assertTrue(dropout.training() && bn.training());
        model.eval();
        assertFalse(dropout.training() || bn.training());
        model.train();
        assertTrue(dropout.training() && bn.training());
        model.train(false);
        assertFalse(dropout.training() || bn.training());
        assertEquals(List.of(bn.runningMean(), bn.runningVar()), model.buffers());
    }

    @Test
    void backwardParametersOnlyStopsAtTheFirstLayerWithParameters() {
        Rng rng = Rng.seed(3);
        Spy scale = new Spy(Tanh.of());
        Spy first = new Spy(Dense.of(4, 5, rng.split()));
        Spy relu = new Spy(ReLU.of());
        Spy last = new Spy(Dense.of(5, 2, rng.split()));
        Sequential model = Sequential.of(scale, first, relu, last);
        Matrix x = Matrix.random(6, 4, rng, Rng::normal);
        Matrix labels = Matrix.fromFunction(6, 1, (i, j) -> rng.nextInt(2));
        Matrix g = Loss.crossEntropy().gradient(model.forward(x), labels);

        model.backwardParametersOnly(g);
        assertEquals(List.of("backward"), last.calls);
        assertEquals(List.of("backward"), relu.calls);
        assertEquals(List.of("backwardParametersOnly"), first.calls);
        assertEquals(List.of(), scale.calls, "a layer before the first parameters is not visited");

        // the same parameter gradients as the full backward pass
        List<Matrix> partial = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            partial.add(p.grad().copy());
        }
        model.zeroGrad();
        model.backward(g);
        for (int i = 0; i < partial.size(); i++) {
            assertEquals(partial.get(i), model.parameters().get(i).grad(), model.parameters().get(i).name());
        }
    }

    @Test
    void backwardParametersOnlyWithoutParametersDoesNothing() {
        Spy relu = new Spy(ReLU.of());
        Sequential model = Sequential.of(relu, Tanh.of());
        model.forward(Matrix.filled(2, 2, 1));
        model.backwardParametersOnly(Matrix.filled(2, 2, 1));
        assertEquals(List.of(), relu.calls);
    }

    @Test
    void forwardAllAndBackwardAllKeepEveryStep() {
        Rng rng = Rng.seed(4);
        Sequential model = Sequential.of(Dense.of(3, 4, rng.split()), Tanh.of(), Dense.of(4, 2, rng.split()));
        Matrix x = Matrix.random(5, 3, rng, Rng::normal);
        List<Matrix> outputs = model.forwardAll(x);
        assertEquals(3, outputs.size());
        assertEquals(model.forward(x), outputs.get(2));
        assertEquals(outputs.get(0).map(Math::tanh), outputs.get(1));
        Matrix g = Matrix.random(5, 2, rng, Rng::normal);
        List<Matrix> grads = model.backwardAll(g);
        assertEquals(3, grads.size());
        model.zeroGrad();
        assertEquals(model.backward(g), grads.get(0));
        assertEquals(g.timesTranspose(((Dense) model.layer(2)).weight().value()), grads.get(2));
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Rng rng = Rng.seed(5);
        Sequential model = mlp(rng);
        Matrix x = Matrix.random(3, 784, rng, Rng::normal);
        model.backward(model.forward(x));
        assertTrue(model.parameters().get(0).grad().maxAbs() > 0);
        model.zeroGrad();
        for (Parameter p : model.parameters()) {
            assertEquals(0, p.grad().maxAbs(), p.name());
        }
    }

    /**
     * Gradient accumulation: an MLP's gradients summed over micro-batches, one after the other, are bit for bit
     * those of the whole batch, with the SUM reduction (each example's loss gradient does not depend on the
     * batch), in every layer: the hidden one (the wide kernel) and the 10-class output (the narrow one).
     */
    @Test
    void gradientsAccumulatedOverMicroBatchesAreTheWholeBatchsBitForBit() {
        Rng rng = Rng.seed(11);
        Sequential model = Sequential.of(Dense.of(30, 40, rng.split()), ReLU.of(), Dense.of(40, 10, rng.split()));
        Matrix x = Matrix.random(24, 30, rng, r -> r.uniform() < 0.5 ? 0.0 : r.uniform());
        Matrix y = Matrix.random(24, 1, rng, r -> (double) r.nextInt(10));
        Loss loss = gd.loss.SoftmaxCrossEntropy.of().reduction(gd.loss.Reduction.SUM);
        model.backward(loss.gradient(model.forward(x), y));
        List<Matrix> whole = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            whole.add(p.grad().copy());
            p.zeroGrad();
        }
        for (int[] block : new int[][] {{0, 5}, {5, 16}, {16, 24}}) {
            Matrix xb = x.rows(block[0], block[1]);
            model.backward(loss.gradient(model.forward(xb), y.rows(block[0], block[1])));
        }
        for (int i = 0; i < whole.size(); i++) {
            Parameter p = model.parameters().get(i);
            assertEquals(whole.get(i), p.grad(), p.name() + " accumulated over 3 micro-batches");
        }
    }
}
