package gd.train;

import gd.util.Format;
import java.util.function.Supplier;

/**
 * What a {@link Callback} sees: where training is, the latest loss, and the {@link History} so far; and the
 * way to ask the trainer to stop. Steps, epochs and batches are counted from 0, as the indices of the
 * History's arrays.
 */
public final class TrainingState {
    private final Supplier<History> history;
    private int step;
    private int epoch;
    private int batch;
    private double loss;
    private double lr;
    private boolean endOfEpoch;
    private double validationLoss = Double.NaN;
    private String stopRequest;

    TrainingState(Supplier<History> history) {
        this.history = history;
    }

    /** Updates the state after step {@code step} (batch {@code batch} of epoch {@code epoch}). */
    void afterStep(int step, int epoch, int batch, double loss, double lr) {
        this.step = step;
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
        this.lr = lr;
        this.endOfEpoch = false;
        this.validationLoss = Double.NaN;
    }

    /** Updates the state at the end of epoch {@code epoch}, whose mean loss was {@code epochLoss}. */
    void afterEpoch(int epoch, double epochLoss, double validationLoss) {
        this.epoch = epoch;
        this.loss = epochLoss;
        this.endOfEpoch = true;
        this.validationLoss = validationLoss;
    }

    /** The index of the last step taken (0 for the first). */
    public int step() {
        return step;
    }

    /** The current epoch (0 for the first). */
    public int epoch() {
        return epoch;
    }

    /** The index of the last batch within its epoch. */
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
        return validationLoss;
    }

    /** A copy of everything recorded so far (built when called: call it only when you need it). */
    public History history() {
        return history.get();
    }

    /**
     * Asks the trainer to stop after this call; the History's {@link History#stopReason()} becomes
     * "stopped by a callback: " + {@code reason}. Training stops after the current step (the epoch is then
     * closed, validated and recorded) or after the current epoch.
     */
    public void stop(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("TrainingState.stop: give a reason, e.g. \"validation accuracy reached"
                    + " 0.99\"; got " + (reason == null ? "null" : "\"" + reason + "\""));
        }
        if (stopRequest == null) {
            stopRequest = reason;
        }
    }

    /** The reason of the first {@link #stop} call, or null if no callback asked to stop. */
    String stopRequest() {
        return stopRequest;
    }

    /** Where training is, e.g. {@code TrainingState(step 41, epoch 0, batch 41, loss 0.3125)}. */
    @Override
    public String toString() {
        return "TrainingState(" + (endOfEpoch ? "end of epoch " + epoch + ", epoch loss " + Format.number(loss)
                + (Double.isNaN(validationLoss) ? "" : ", validation loss " + Format.number(validationLoss))
                : "step " + step + ", epoch " + epoch + ", batch " + batch + ", loss " + Format.number(loss)) + ")";
    }
}
