package gd.train;

import gd.matrix.Matrix;

/**
 * A number that describes how well a model's outputs match the targets, such as
 * {@link gd.data.Metrics#accuracy(Matrix, Matrix)}; larger or smaller may be better, the trainer only
 * records it.
 * <pre>{@code
 * trainer.metric("accuracy", Metrics::accuracy);
 * }</pre>
 */
@FunctionalInterface
public interface Metric {
    /** The metric of the model's {@code outputs} (one row per example) against the {@code targets}. */
    double compute(Matrix outputs, Matrix targets);
}
