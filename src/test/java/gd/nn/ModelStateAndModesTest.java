package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

class ModelStateAndModesTest {
    @Test
    void restoresWeightsAndBuffersExactly() {
        Rng rng = Rng.seed(5);
        var norm = BatchNorm.of(3);
        var model = Sequential.of(Dense.of(2, 3, rng.split()), norm, ReLU.of(), Dense.of(3, 1, rng.split()));
        Matrix before = model.parameters().get(0).value().copy();
        Matrix runningBefore = norm.buffers().get(0).copy();
        var state = ModelState.capture(model);
        model.parameters().get(0).value().fillInPlace(7);
        model.forward(Matrix.random(4, 2, rng, Rng::normal));   // moves BatchNorm's running statistics
        assertNotEquals(runningBefore, norm.buffers().get(0));
        state.restore();
        assertEquals(before, model.parameters().get(0).value());
        assertEquals(runningBefore, norm.buffers().get(0));
    }

    @Test
    void restoresEachLayersOwnMode() {
        Rng rng = Rng.seed(6);
        var first = Dropout.of(0.5, rng.split());
        var second = Dropout.of(0.5, rng.split());
        var model = Sequential.of(first, Dense.of(2, 2, rng.split()), second);
        first.train(false);
        var modes = TrainingModes.capture(model);
        model.train();
        assertTrue(first.training());
        modes.restore();
        assertFalse(first.training(), "restored to evaluation mode");
        assertTrue(second.training(), "restored to training mode");
    }
}
