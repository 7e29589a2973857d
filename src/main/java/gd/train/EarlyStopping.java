package gd.train;

import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.ModelState;
import gd.util.Format;
import java.util.List;

/**
 * Early stopping on the validation loss, with the best weights restored at the end:
 * <pre>
 * improved(v) = v &lt; best − minDelta;   if improved: best ← v, save the weights, wait ← 0
 *                                       else: wait ← wait + 1, stop if wait ≥ patience
 * at the end (whatever stopped training): restore the saved weights unless the last epoch was the best
 * </pre>
 */
final class EarlyStopping implements Callback {
    private final Layer model;
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;
    private int bestEpoch = -1;
    private ModelState bestState;

    /**
     * What early stopping has seen, for a checkpoint.
     *
     * @param best the lowest validation loss so far
     * @param waited the epochs since it was reached (wait)
     * @param bestEpoch its epoch, or -1
     * @param weights the parameters and buffers of that epoch ({@link ModelState#values()}), or null before it
     */
    record State(double best, int waited, int bestEpoch, List<Matrix> weights) {
    }

    EarlyStopping(Layer model, int patience, double minDelta) {
        this.model = model;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** The state to save in a checkpoint (copies). */
    State state() {
        return new State(best, wait, bestEpoch, bestState == null ? null : bestState.values());
    }

    /** Continues from a saved state (the weights must fit the model). */
    void restore(State state) {
        best = state.best();
        wait = state.waited();
        bestEpoch = state.bestEpoch();
        bestState = state.weights() == null ? null : ModelState.of(model, state.weights());
    }

    /** At the end of an epoch with a validation loss: save the weights if it is the best, or count and maybe stop. */
    @Override
    public void call(TrainingState state) {
        if (!state.endOfEpoch() || state.validation() == null || state.recorder().diverged()) {
            return;
        }
        double validationLoss = state.validationLoss();
        HistoryRecorder recorder = state.recorder();
        if (validationLoss < best - minDelta) {
            best = validationLoss;
            bestEpoch = state.epoch();
            wait = 0;
            if (bestState == null) {
                bestState = ModelState.capture(model);
            } else {
                bestState.update();
            }
            recorder.bestEpoch(bestEpoch);
        } else if (++wait >= patience) {
            recorder.stopIfRunning("early stopping: the validation loss has not improved"
                    + (minDelta > 0 ? " by more than " + Format.repr(minDelta) : "") + " for "
                    + Format.plural(wait, "epoch") + "; restored the weights of epoch " + bestEpoch
                    + " (validation loss " + Format.number(best) + ")");
        }
    }

    /** Puts back the weights of the best epoch unless the last epoch was the best, and says so in the stop reason. */
    @Override
    public void end(TrainingState state) {
        HistoryRecorder recorder = state.recorder();
        if (bestState == null || bestEpoch == recorder.epochs() - 1) {
            return;
        }
        bestState.restore();
        String weights = "the weights of epoch " + bestEpoch + " (validation loss " + Format.number(best) + ")";
        if (recorder.diverged()) {
            recorder.stop(recorder.stopReason() + " Restored " + weights + ".", true);
        } else if (!recorder.stopReason().startsWith("early stopping")) {
            recorder.stop(recorder.stopReason() + "; restored " + weights, false);
        }
    }
}
