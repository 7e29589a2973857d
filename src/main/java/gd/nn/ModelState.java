package gd.nn;

import gd.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a model's weights and buffers (such as BatchNorm's running statistics), to go back to: the best
 * epoch of early stopping, the starting point of a learning-rate range test, or an experiment in a notebook.
 * <pre>{@code
 * var start = ModelState.capture(model);   // copies every weight and buffer
 * ...train...
 * start.restore();                         // the model is back where it started
 * }</pre>
 * It holds the model's own matrices and copies of them, so it follows the model it was taken from.
 */
public final class ModelState {
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
    public static ModelState capture(Layer model) {
        List<Matrix> live = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            live.add(p.value());
        }
        live.addAll(model.buffers());
        return new ModelState(live);
    }

    /** Copies the model's current values over the saved ones (no new matrices). */
    public void update() {
        for (int i = 0; i < live.size(); i++) {
            saved.get(i).copyFrom(live.get(i));
        }
    }

    /** Puts the saved values back into the model. */
    public void restore() {
        for (int i = 0; i < live.size(); i++) {
            live.get(i).copyFrom(saved.get(i));
        }
    }
}
