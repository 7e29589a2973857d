package gd.train;

import gd.data.Batches;
import gd.data.Dataset;
import gd.matrix.Rng;

/**
 * How a trainer cuts each epoch into batches: the mode, the batch size and the generator of each epoch's order.
 *
 * @param mode full batch, stochastic or mini-batch
 * @param size the batch size (0 for a full batch, 1 for stochastic)
 * @param rng the generator of the order, or null (a full batch needs none)
 */
record Batching(BatchMode mode, int size, Rng rng) {
    /** The batches of an epoch of {@code train}; the shuffling modes need a generator. */
    Batches of(Dataset train) {
        if (mode != BatchMode.FULL && rng == null) {
            String what = mode == BatchMode.SGD ? "stochastic mode visits the examples"
                    : "mini-batch mode draws batches of " + size;
            throw new IllegalArgumentException("Trainer.fit: " + what + " in a new random order every epoch and needs"
                    + " an Rng; add .shuffle(rng.split())");
        }
        return switch (mode) {
            case SGD -> Batches.stochastic(train, rng);
            case MINI_BATCH -> Batches.miniBatch(train, size, rng);
            case FULL -> Batches.full(train);
        };
    }

    /** For example {@code mini-batches of 64, shuffled}. */
    @Override
    public String toString() {
        return switch (mode) {
            case FULL -> "full batch";
            case SGD -> "stochastic";
            case MINI_BATCH -> "mini-batches of " + size;
        } + (mode == BatchMode.FULL ? "" : rng != null ? ", shuffled" : ", no Rng to shuffle with");
    }
}
