package gd.train;

/**
 * Code that a {@link Trainer} runs after every step and at the end of every epoch, e.g. to log, to save
 * weights, or to stop on a condition of your own:
 * <pre>{@code
 * trainer.callback(s -> {
 *     if (s.endOfEpoch() && s.epoch() == 2 && s.loss() > 1.0) {
 *         s.stop("the loss is still above 1 after 3 epochs");
 *     }
 * });
 * }</pre>
 * The {@link TrainingState} passed in is the same object every time (it is updated, not re-created); read
 * it during the call.
 */
@FunctionalInterface
public interface Callback {
    /** Called after a step ({@code state.endOfEpoch()} false) and after an epoch (true). */
    void call(TrainingState state);
}
