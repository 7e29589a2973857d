/**
 * Data: the {@link gd.data.Dataset} of features and targets, how an epoch is cut into batches
 * ({@link gd.data.Batches}), feature scaling fitted on the training split ({@link gd.data.Scaler}),
 * synthetic problems with known answers ({@link gd.data.Synthetic}), MNIST from its original IDX
 * files ({@link gd.data.Mnist}, {@link gd.data.Idx}), class labels ({@link gd.data.Labels}) and
 * classification metrics ({@link gd.data.Metrics}, {@link gd.data.ConfusionMatrix}).
 *
 * <p>Every random choice (shuffling, splitting, synthetic data) takes an explicit {@link gd.matrix.Rng}.
 */
package gd.data;
