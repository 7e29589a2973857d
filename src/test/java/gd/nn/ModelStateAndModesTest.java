package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.List;
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
    void aStateCanBeRebuiltFromItsValues() {
        Rng rng = Rng.seed(5);
        var model = Sequential.of(Dense.of(2, 3, rng.split()), BatchNorm.of(3), Dense.of(3, 1, rng.split()));
        List<Matrix> values = ModelState.capture(model).values();
        assertEquals(8, values.size(), "6 parameters (BatchNorm has 2), then 2 buffers");
        var rebuilt = ModelState.of(model, values);
        model.parameters().get(2).value().fillInPlace(7);
        rebuilt.restore();
        assertEquals(values, ModelState.capture(model).values());
        var e = assertThrows(IllegalArgumentException.class, () -> ModelState.of(model, values.subList(0, 7)));
        assertEquals("ModelState.of: the model has 8 parameters and buffers, got 7 values", e.getMessage());
        List<Matrix> wrong = new java.util.ArrayList<>(values);
        wrong.set(1, Matrix.zeros(1, 4));
        e = assertThrows(IllegalArgumentException.class, () -> ModelState.of(model, wrong));
        assertEquals("ModelState.of: value 1 is 1×4 but the model's is 1×3", e.getMessage());
    }

    @Test
    void generatorsAreFoundThroughTheChildren() {
        Rng rng = Rng.seed(6);
        Rng first = rng.split();
        Rng second = rng.split();
        var model = Sequential.of(Dense.of(2, 2, rng.split()), Dropout.of(0.5, first),
                Residual.of(Sequential.of(Dense.of(2, 2, rng.split()), Dropout.of(0.1, second))));
        List<Rng> generators = model.generators();
        assertEquals(2, generators.size());
        assertSame(first, generators.get(0));
        assertSame(second, generators.get(1));
        assertEquals(List.of(), Dense.of(2, 2, rng).generators());
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
