/**
 * Training loops: {@link gd.train.Trainer} runs epochs of gradient steps (full batch, stochastic or
 * mini-batch, with schedules, clipping, validation, metrics, stopping rules and a progress display) and
 * returns a {@link gd.train.History}; {@link gd.train.LrFinder} runs the learning-rate range test.
 *
 * <pre>{@code
 * var rng = Rng.seed(42);
 * var mnist = Mnist.load();
 * var model = Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dense.of(256, 10, rng.split()));
 * var opt = AdamW.of(model.parameters()).lr(3e-3);
 * var history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).batchSize(64).shuffle(rng.split())
 *         .schedule(CosineAnnealingLR.of(opt).tMax(938)).epochs(1).fit(mnist.train());
 * Metrics.accuracy(model.forward(mnist.test().x()), mnist.test().y());    // 0.9655
 * }</pre>
 * Nothing outside this package depends on it: it uses {@code gd.nn}, {@code gd.loss}, {@code gd.optim},
 * {@code gd.schedule} and {@code gd.data}.
 */
package gd.train;
