package gd.train;

import gd.util.Format;
import java.util.List;

/**
 * What a {@link Callback} sees: where training is, the latest loss, and the {@link History} so far; and the
 * way to ask the trainer to stop. Steps, epochs and batches are counted from 0, as the indices of the
 * History's arrays. The trainer updates one state object through the run (it is not re-created).
 */
public final class TrainingState {
    private final HistoryRecorder recorder;
    private final EpochTotals totals;
    private int step;
    private int epoch;
    private int batch;
    private double loss;
    private double lr;
    private boolean endOfEpoch;
    private Evaluation validation;
    private String stopRequest;
    private String divergence;

    TrainingState(HistoryRecorder recorder, EpochTotals totals) {
        this.recorder = recorder;
        this.totals = totals;
    }

    /** Starts step {@code step}, batch {@code batch} of epoch {@code epoch}: {@link #step()} names it from now on. */
    void beginStep(int step, int epoch, int batch) {
        this.step = step;
        this.epoch = epoch;
        this.batch = batch;
        this.endOfEpoch = false;
        this.validation = null;
    }

    /** The gradients of the current step are computed; {@code loss} and {@code lr} are its own. */
    void gradientsReady(double loss, double lr) {
        this.loss = loss;
        this.lr = lr;
    }

    /** The current step is done (the parameters were updated). */
    void afterStep(double loss, double lr) {
        this.loss = loss;
        this.lr = lr;
    }

    /** Epoch {@code epoch} is recorded: its mean loss and its validation results (null without a validation set). */
    void afterEpoch(int epoch, double epochLoss, Evaluation validation) {
        this.epoch = epoch;
        this.loss = epochLoss;
        this.endOfEpoch = true;
        this.validation = validation;
    }

    /** The index of the current step, or of the last one taken (0 for the first). */
    public int step() {
        return step;
    }

    /** The current epoch (0 for the first). */
    public int epoch() {
        return epoch;
    }

    /** The index of the current or last batch within its epoch. */
    public int batch() {
        return batch;
    }

    /** After a step, that step's loss; at the end of an epoch, the epoch's mean training loss. */
    public double loss() {
        return loss;
    }

    /** The learning rate the last step used (NaN when the optimizer has none to read). */
    public double lr() {
        return lr;
    }

    /** Whether this call comes at the end of an epoch (true) or after a step (false). */
    public boolean endOfEpoch() {
        return endOfEpoch;
    }

    /** At the end of an epoch, the validation loss; NaN after a step or without a validation set. */
    public double validationLoss() {
        return validation == null ? Double.NaN : validation.loss();
    }

    /** At the end of an epoch, the validation loss and metrics; null after a step or without a validation set. */
    public Evaluation validation() {
        return validation;
    }

    /** A copy of everything recorded so far (built when called: call it only when you need it). */
    public History history() {
        return recorder.snapshot();
    }

    /**
     * Asks the trainer to stop after this call; the History's {@link History#stopReason()} becomes
     * "stopped by a callback: " + {@code reason}. Training stops after the current step (the epoch is then
     * closed, validated and recorded) or after the current epoch.
     */
    public void stop(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("TrainingState.stop: give a reason, e.g. \"validation accuracy reached"
                    + " 0.99\"; got " + Format.quoted(reason));
        }
        if (stopRequest == null) {
            stopRequest = reason;
        }
    }

    /** Runs {@code callbacks} on this state; a callback's stop request becomes the stop reason unless there is one. */
    void call(List<Callback> callbacks) {
        for (int i = 0; i < callbacks.size(); i++) {
            callbacks.get(i).call(this);
        }
        if (stopRequest != null) {
            recorder.stopIfRunning("stopped by a callback: " + stopRequest);
        }
    }

    /** Ends the current step before the update: {@code evidence} shows the gradients are unusable. */
    void diverge(String evidence) {
        if (divergence == null) {
            divergence = evidence;
        }
    }

    /** What ended the current step as diverged, or null. */
    String divergence() {
        return divergence;
    }

    /** What the run has recorded so far, for the trainer's own components. */
    HistoryRecorder recorder() {
        return recorder;
    }

    /** The running sums of the current epoch. */
    EpochTotals totals() {
        return totals;
    }

    /** The mean training loss of the current epoch so far (batch-size weighted), NaN before its first step. */
    double epochLossSoFar() {
        return totals.meanLoss();
    }

    /** Where training is, e.g. {@code TrainingState(step 41, epoch 0, batch 41, loss 0.3125)}. */
    @Override
    public String toString() {
        return "TrainingState(" + (endOfEpoch ? "end of epoch " + epoch + ", epoch loss " + Format.number(loss)
                + (validation == null ? "" : ", validation loss " + Format.number(validation.loss()))
                : "step " + step + ", epoch " + epoch + ", batch " + batch + ", loss " + Format.number(loss)) + ")";
    }
}
