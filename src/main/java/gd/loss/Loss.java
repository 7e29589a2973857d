package gd.loss;

import gd.matrix.Matrix;

/**
 * A loss function L(prediction, target) with its hand-derived gradient ∂L/∂prediction.
 *
 * <p>A loss is stateless: {@link #value} and {@link #gradient} are plain functions of their two
 * arguments, never change them, and may be called in any order. A training step reads
 * <pre>{@code
 * Matrix out = model.forward(x);
 * double l = loss.value(out, y);
 * model.backward(loss.gradient(out, y));
 * }</pre>
 * Predictions and targets hold one example per row. The classes say which targets they accept.
 *
 * <p>Logistic regression and softmax regression are one {@code Dense} layer followed by the right loss:
 * <pre>{@code
 * var logistic = Dense.of(features, 1, rng);        var bce = Loss.binaryCrossEntropy();
 * var softmax  = Dense.of(features, classes, rng);  var ce  = Loss.crossEntropy();
 * }</pre>
 */
public interface Loss {
    /** The loss of {@code prediction} against {@code target}, reduced to one number. */
    double value(Matrix prediction, Matrix target);

    /** ∂L/∂prediction: a new matrix with the shape of {@code prediction}. */
    Matrix gradient(Matrix prediction, Matrix target);

    /** Mean squared error with {@link Reduction#MEAN}, see {@link MeanSquaredError}. */
    static MeanSquaredError mse() {
        return MeanSquaredError.of();
    }

    /** Softmax cross-entropy on logits with {@link Reduction#MEAN}, see {@link SoftmaxCrossEntropy}. */
    static SoftmaxCrossEntropy crossEntropy() {
        return SoftmaxCrossEntropy.of();
    }

    /** Binary cross-entropy on logits with {@link Reduction#MEAN}, see {@link BinaryCrossEntropy}. */
    static BinaryCrossEntropy binaryCrossEntropy() {
        return BinaryCrossEntropy.of();
    }
}
