package gd.loss;

/**
 * How a loss turns the losses of single elements or examples into one number, as torch's
 * {@code reduction} argument.
 */
public enum Reduction {
    /**
     * The average: over all elements for {@link MeanSquaredError} and {@link BinaryCrossEntropy}, over the
     * examples (rows) for {@link SoftmaxCrossEntropy}. The default; the learning rate then does not depend
     * on the batch size.
     */
    MEAN,
    /** The sum: the gradient grows with the batch size. */
    SUM
}
