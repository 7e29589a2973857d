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

    /**
     * A state of {@code model} holding {@code values} (copies of them), as {@link #values()} listed them for a
     * model of this architecture: {@link #restore()} puts them into the model. For a checkpoint that is read back.
     */
    public static ModelState of(Layer model, List<Matrix> values) {
        ModelState state = capture(model);
        if (values.size() != state.saved.size()) {
            throw new IllegalArgumentException("ModelState.of: the model has " + state.saved.size()
                    + " parameters and buffers, got " + values.size() + " values");
        }
        for (int i = 0; i < values.size(); i++) {
            Matrix value = values.get(i);
            if (!value.sameShape(state.saved.get(i))) {
                throw new IllegalArgumentException("ModelState.of: value " + i + " is " + value.shape()
                        + " but the model's is " + state.saved.get(i).shape());
            }
            state.saved.get(i).copyFrom(value);
        }
        return state;
    }

    /** Copies of the saved values: the parameters' in the order of {@code model.parameters()}, then the buffers'. */
    public List<Matrix> values() {
        List<Matrix> copies = new ArrayList<>(saved.size());
        for (Matrix m : saved) {
            copies.add(m.copy());
        }
        return copies;
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
