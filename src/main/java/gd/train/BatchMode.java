package gd.train;

/**
 * How a {@link Trainer} cuts each epoch into the batches that its gradient steps see (built on
 * {@link gd.data.Batches}):
 * <pre>
 *   FULL         one batch of all n examples: the exact gradient, one step per epoch, no shuffling
 *   SGD          n batches of one example, in a new random order every epoch: n steps per epoch
 *   MINI_BATCH   ⌈n / b⌉ batches of b examples, in a new random order every epoch
 * </pre>
 * Chosen with {@link Trainer#fullBatch()}, {@link Trainer#stochastic()} and {@link Trainer#batchSize(int)}.
 */
public enum BatchMode {
    /** Full-batch gradient descent: one step per epoch on the whole training set. */
    FULL,
    /** Stochastic gradient descent: one step per example, shuffled every epoch. */
    SGD,
    /** Mini-batch gradient descent: one step per batch of b examples, shuffled every epoch. */
    MINI_BATCH
}
