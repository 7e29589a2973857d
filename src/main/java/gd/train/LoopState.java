package gd.train;

/**
 * A trainer's own bookkeeping in a {@link Checkpoint}, beside the model, optimizer, schedule and History: what
 * its parts have seen, so that a resumed run stops (or warns) exactly when the uninterrupted run would.
 *
 * @param health the health check's moving average of the loss and its lowest value
 * @param earlyStopping early stopping's best validation loss, wait and best weights, or null without it
 */
record LoopState(HealthCheck.State health, EarlyStopping.State earlyStopping) {
}
