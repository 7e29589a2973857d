/**
 * Choosing hyper-parameters around training: {@link gd.tune.LrFinder}, the learning-rate range test, which
 * trains for a short while with an exponentially growing rate ({@link gd.train.TrainingStep}s with a
 * {@link gd.schedule.Schedule}) and suggests a rate from the loss curve; and {@link gd.tune.Search}, grid and
 * random search over named ranges, each trial trained and scored on a validation set by a function of yours.
 * <pre>{@code
 * var result = LrFinder.of(model, Loss.crossEntropy(), params -> Sgd.of(params).momentum(0.9))
 *         .startLr(1e-3).endLr(10).steps(400).batchSize(16).shuffle(rng.split()).run(train);
 * result.minimumOverTen();
 * var best = Search.random(rng.split(), 16, Search.logRange("lr", 1e-4, 1e-1))
 *         .maximize(p -> validationAccuracy(p.get("lr"))).best();
 * }</pre>
 * It sits above {@code gd.train}: it trains, through the training loop's one step.
 */
package gd.tune;
