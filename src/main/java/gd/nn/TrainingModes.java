package gd.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The training/evaluation mode ({@link Layer#training()}) of a model and of every layer inside it (found
 * through {@link Layer#children()}), to be restored after switching the model to {@code train()} or
 * {@code eval()}: a trainer's validation or a plot of the model's predictions must leave a model in the mode
 * it found it. The modes are restored container first, so that each layer ends in its own recorded mode.
 * <pre>{@code
 * var modes = TrainingModes.capture(model);
 * model.eval();
 * try { ... } finally { modes.restore(); }
 * }</pre>
 */
public final class TrainingModes {
    private final List<Layer> layers = new ArrayList<>();
    private final List<Boolean> training = new ArrayList<>();

    private TrainingModes() {
    }

    /** The current modes of {@code model}'s layers. */
    public static TrainingModes capture(Layer model) {
        TrainingModes modes = new TrainingModes();
        modes.visit(model);
        return modes;
    }

    private void visit(Layer layer) {
        layers.add(layer);
        training.add(layer.training());
        for (Layer child : layer.children()) {
            visit(child);
        }
    }

    /**
     * What {@code pass} returns with {@code model} in evaluation mode (dropout off, batch norm on its running
     * statistics); every layer's mode is restored afterwards, also when {@code pass} throws.
     */
    public static <T> T inEvalMode(Layer model, Supplier<T> pass) {
        TrainingModes modes = capture(model);
        model.eval();
        try {
            return pass.get();
        } finally {
            modes.restore();
        }
    }

    /** Sets every recorded layer back to its recorded mode, each container before the layers inside it. */
    public void restore() {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).train(training.get(i));
        }
    }
}
