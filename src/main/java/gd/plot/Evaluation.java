package gd.plot;

import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import java.util.function.Function;
import java.util.function.Supplier;

/** A model run in evaluation mode (dropout off, batch norm on its running statistics) for a plot. */
final class Evaluation {
    private Evaluation() {
    }

    /** What {@code pass} returns with the model in evaluation mode; each layer's mode is restored afterwards. */
    static <T> T run(Layer model, Supplier<T> pass) {
        TrainingModes modes = TrainingModes.capture(model);
        model.eval();
        try {
            return pass.get();
        } finally {
            modes.restore();
        }
    }

    /** The model's forward pass in evaluation mode, leaving the layers' modes as they were. */
    static Function<Matrix, Matrix> forward(Layer model) {
        return x -> run(model, () -> model.forward(x));
    }
}
