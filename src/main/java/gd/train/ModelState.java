package gd.train;

import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a model's weights and buffers (such as BatchNorm's running statistics), to go back to: the best
 * epoch of early stopping, the starting point of a learning-rate range test.
 */
final class ModelState {
    private final List<Matrix> live;
    private final List<Matrix> saved;

    private ModelState(List<Matrix> live) {
        this.live = live;
        this.saved = new ArrayList<>(live.size());
        for (Matrix m : live) {
            saved.add(m.copy());
        }
    }

    /** A copy of every parameter value and buffer of {@code model}. */
    static ModelState capture(Layer model) {
        List<Matrix> live = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            live.add(p.value());
        }
        live.addAll(model.buffers());
        return new ModelState(live);
    }

    /** Copies the model's current values over the saved ones (no new matrices). */
    void update() {
        for (int i = 0; i < live.size(); i++) {
            saved.get(i).copyFrom(live.get(i));
        }
    }

    /** Puts the saved values back into the model. */
    void restore() {
        for (int i = 0; i < live.size(); i++) {
            live.get(i).copyFrom(saved.get(i));
        }
    }
}
