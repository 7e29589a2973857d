package gd.train;

import gd.nn.BatchNorm;
import gd.nn.Dropout;
import gd.nn.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The training/evaluation mode of every layer of a model that reports it ({@link Dropout}, {@link BatchNorm},
 * found through {@link Layer#children()}), to be restored after a trainer switched the model to
 * {@code train()} or {@code eval()}. Layers that do not report a mode behave the same in both.
 */
final class TrainingModes {
    private final List<Layer> layers = new ArrayList<>();
    private final List<Boolean> training = new ArrayList<>();

    private TrainingModes() {
    }

    /** The current modes of {@code model}'s layers. */
    static TrainingModes capture(Layer model) {
        TrainingModes modes = new TrainingModes();
        modes.visit(model);
        return modes;
    }

    private void visit(Layer layer) {
        if (layer instanceof Dropout) {
            layers.add(layer);
            training.add(((Dropout) layer).training());
        } else if (layer instanceof BatchNorm) {
            layers.add(layer);
            training.add(((BatchNorm) layer).training());
        }
        for (Layer child : layer.children()) {
            visit(child);
        }
    }

    /** Sets every recorded layer back to its recorded mode. */
    void restore() {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).train(training.get(i));
        }
    }
}
