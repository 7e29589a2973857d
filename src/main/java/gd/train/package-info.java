/**
 * The training loop: {@link gd.train.Trainer} runs epochs of gradient steps (full batch, stochastic or
 * mini-batch, with schedules, clipping, validation, metrics, stopping rules and a progress display) and returns
 * a {@link gd.train.History}. Every step is a {@link gd.train.TrainingStep}, the library's only implementation of
 * one gradient step; what runs around the steps (gradient statistics, early stopping, the stopping rules, the
 * progress display, the health check that stops and explains a diverging run, checkpoints, your own code) are {@link gd.train.Callback}s on the
 * {@link gd.train.TrainingState} of the run.
 *
 * <pre>{@code
 * var rng = Rng.seed(42);
 * var mnist = Mnist.load();
 * var model = Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dense.of(256, 10, rng.split()));
 * var opt = AdamW.of(model.parameters()).lr(3e-3);
 * var history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).batchSize(64).shuffle(rng.split())
 *         .schedule(Schedule.cosine(3e-3, 938)).epochs(1).fit(mnist.train());
 * Evaluation.of(model, mnist.test(), SoftmaxCrossEntropy.of(), Map.of("accuracy", Metrics::accuracy));
 * }</pre>
 * It uses {@code gd.nn}, {@code gd.loss}, {@code gd.optim}, {@code gd.schedule} and {@code gd.data}, and nothing
 * that shows things: progress goes to a {@link gd.train.ProgressDisplay}, which the notebook layer registers.
 */
package gd.train;
