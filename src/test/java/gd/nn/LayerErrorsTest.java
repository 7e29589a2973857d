package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The exact text of the errors a learner meets first. */
class LayerErrorsTest {
    private static String illegalArgument(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static String illegalState(Executable e) {
        return assertThrows(IllegalStateException.class, e).getMessage();
    }

    @Test
    void wrongInputColumns() {
        Dense dense = Dense.of(784, 128, Rng.seed(1));
        assertEquals("Dense(784→128).forward: input has 100 columns, expected 784",
                illegalArgument(() -> dense.forward(Matrix.zeros(64, 100))));
        Sequential model = Sequential.of(Dense.of(4, 3, Rng.seed(1)), ReLU.of());
        assertEquals("Dense(4→3).forward: input has 5 columns, expected 4",
                illegalArgument(() -> model.forward(Matrix.zeros(2, 5))));
        assertEquals("BatchNorm(3, eps=1e-05, momentum=0.1).forward: input has 4 columns, expected 3",
                illegalArgument(() -> BatchNorm.of(3).forward(Matrix.zeros(5, 4))));
    }

    @Test
    void backwardBeforeForward() {
        assertEquals("Dense(4→3).backward: no forward pass to differentiate, call forward first",
                illegalState(() -> Dense.of(4, 3, Rng.seed(1)).backward(Matrix.zeros(2, 3))));
        assertEquals("Dense(4→3).backwardParametersOnly: no forward pass to differentiate, call forward first",
                illegalState(() -> Dense.of(4, 3, Rng.seed(1)).backwardParametersOnly(Matrix.zeros(2, 3))));
        assertEquals("ReLU().backward: no forward pass to differentiate, call forward first",
                illegalState(() -> ReLU.of().backward(Matrix.zeros(2, 3))));
        assertEquals("LeakyReLU(negativeSlope=0.01).backward: no forward pass to differentiate, call forward first",
                illegalState(() -> LeakyReLU.of().backward(Matrix.zeros(2, 3))));
        assertEquals("Sigmoid().backward: no forward pass to differentiate, call forward first",
                illegalState(() -> Sigmoid.of().backward(Matrix.zeros(2, 3))));
        assertEquals("Tanh().backward: no forward pass to differentiate, call forward first",
                illegalState(() -> Tanh.of().backward(Matrix.zeros(2, 3))));
        assertEquals("Dropout(p=0.5).backward: no forward pass to differentiate, call forward first",
                illegalState(() -> Dropout.of(0.5, Rng.seed(1)).backward(Matrix.zeros(2, 3))));
        assertEquals("BatchNorm(3, eps=1e-05, momentum=0.1).backward: no forward pass to differentiate, call forward "
                + "first", illegalState(() -> BatchNorm.of(3).backward(Matrix.zeros(2, 3))));
        assertEquals("Dense(3→2).backward: no forward pass to differentiate, call forward first",
                illegalState(() -> Sequential.of(Dense.of(4, 3, Rng.seed(1)), Dense.of(3, 2, Rng.seed(2)))
                        .backward(Matrix.zeros(2, 2))));
    }

    @Test
    void gradientOfTheWrongShape() {
        Dense dense = Dense.of(4, 3, Rng.seed(1));
        dense.forward(Matrix.zeros(5, 4));
        assertEquals("Dense(4→3).backward: gradOutput is 5×4, expected 5×3 like the output of the last forward pass",
                illegalArgument(() -> dense.backward(Matrix.zeros(5, 4))));
        ReLU relu = ReLU.of();
        relu.forward(Matrix.zeros(2, 3));
        assertEquals("ReLU().backward: gradOutput is 3×2, expected 2×3 like the output of the last forward pass",
                illegalArgument(() -> relu.backward(Matrix.zeros(3, 2))));
        assertEquals("ReLU().backward: gradOutput is null", illegalArgument(() -> relu.backward(null)));
    }

    @Test
    void badHyperParameters() {
        assertEquals("Dropout.p must be in [0, 1), got 1.0", illegalArgument(() -> Dropout.of(1, Rng.seed(1))));
        assertEquals("Dropout.p must be in [0, 1), got -0.1", illegalArgument(() -> Dropout.of(-0.1, Rng.seed(1))));
        assertEquals("Dropout.p must be in [0, 1), got NaN", illegalArgument(() -> Dropout.of(Double.NaN, Rng.seed(1))));
        assertEquals("Dropout.of: rng is null, pass a seeded Rng", illegalArgument(() -> Dropout.of(0.5, null)));
        assertEquals("LeakyReLU.negativeSlope must be in [0, 1), got -0.01",
                illegalArgument(() -> LeakyReLU.of().negativeSlope(-0.01)));
        assertEquals("LeakyReLU.negativeSlope must be in [0, 1), got 1.0",
                illegalArgument(() -> LeakyReLU.of().negativeSlope(1)));
        assertEquals("BatchNorm.eps must be positive and finite, got 0.0", illegalArgument(() -> BatchNorm.of(3).eps(0)));
        assertEquals("BatchNorm.momentum must be in [0, 1], got 1.5",
                illegalArgument(() -> BatchNorm.of(3).momentum(1.5)));
        assertEquals("BatchNorm.of: features must be at least 1, got 0", illegalArgument(() -> BatchNorm.of(0)));
        assertEquals("Dense.of: in and out must be at least 1, got in=0, out=3",
                illegalArgument(() -> Dense.of(0, 3, Rng.seed(1))));
        assertEquals("Dense.of: rng is null, pass a seeded Rng", illegalArgument(() -> Dense.of(2, 3, null)));
        assertEquals("Dense.of: bias is 3×1, expected 1×3 for a 2×3 weight",
                illegalArgument(() -> Dense.of(Matrix.zeros(2, 3), Matrix.zeros(3, 1))));
        assertEquals("Init.uniform: needs finite a < b, got a=1.0, b=0.5",
                illegalArgument(() -> Init.uniform(1, 0.5, Rng.seed(1))));
        assertEquals("Init.normal: needs a finite mean and std ≥ 0, got mean=0.0, std=-1.0",
                illegalArgument(() -> Init.normal(0, -1, Rng.seed(1))));
        assertEquals("Init.kaimingNormal: gain must be positive and finite, got 0.0",
                illegalArgument(() -> Init.kaimingNormal(0.0, Rng.seed(1))));
        assertEquals("Init.xavierUniform: rng is null, pass a seeded Rng", illegalArgument(() -> Init.xavierUniform(null)));
        assertEquals("Nonlinearity.gain(negativeSlope) applies to LEAKY_RELU only, not TANH; call gain()",
                illegalArgument(() -> Nonlinearity.TANH.gain(0.2)));
    }

    @Test
    void batchNormNeedsTwoRowsToTrain() {
        BatchNorm bn = BatchNorm.of(3);
        assertEquals("BatchNorm(3, eps=1e-05, momentum=0.1).forward: a training batch needs at least 2 rows, got 1×3 "
                + "(the variance of one example is undefined; use eval() for single examples)",
                illegalArgument(() -> bn.forward(Matrix.zeros(1, 3))));
        bn.eval();
        assertEquals(1, bn.forward(Matrix.zeros(1, 3)).rows());
    }

    @Test
    void containerErrors() {
        assertEquals("Sequential.of: needs at least one layer", illegalArgument(Sequential::of));
        assertEquals("Sequential.of: layer 1 is null", illegalArgument(() -> Sequential.of(ReLU.of(), null)));
        assertEquals("Residual.of: the inner layer is null", illegalArgument(() -> Residual.of(null)));
        Residual residual = Residual.of(Dense.of(4, 3, Rng.seed(1)));
        assertEquals("Residual(Dense(4→3)).forward: the inner layer maps 5×4 to 5×3, expected the same shape to add "
                + "the input", illegalArgument(() -> residual.forward(Matrix.zeros(5, 4))));
        assertEquals("Sequential.layer: index 2 is outside 0…1",
                assertThrows(IndexOutOfBoundsException.class, () -> Sequential.of(ReLU.of(), Tanh.of()).layer(2))
                        .getMessage());
    }
}
