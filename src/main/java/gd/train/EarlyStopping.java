package gd.train;

import gd.nn.Layer;
import gd.nn.ModelState;
import gd.util.Format;

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

    EarlyStopping(Layer model, int patience, double minDelta) {
        this.model = model;
        this.patience = patience;
        this.minDelta = minDelta;
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
