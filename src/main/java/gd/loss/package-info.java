/**
 * Loss functions with hand-derived gradients: {@link gd.loss.MeanSquaredError},
 * {@link gd.loss.BinaryCrossEntropy} and {@link gd.loss.SoftmaxCrossEntropy} (both on logits), the
 * {@link gd.loss.Softmax} itself, and the {@link gd.loss.Reduction} that averages or sums.
 *
 * <pre>{@code
 * Loss loss = Loss.crossEntropy();                 // SoftmaxCrossEntropy.of().reduction(Reduction.MEAN)
 * double l = loss.value(logits, labels);
 * Matrix dLogits = loss.gradient(logits, labels);  // hand this to model.backward
 * }</pre>
 */
package gd.loss;
