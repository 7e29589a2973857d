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
 *
 * <p>The trainer's own parts hook in the same way (the gradient statistics, early stopping, the progress
 * display): a callback may also act {@link #afterBackward between backward and the update} and at the
 * {@link #end end} of training.
 */
@FunctionalInterface
public interface Callback {
    /** Called after a step ({@code state.endOfEpoch()} false) and after an epoch (true). */
    void call(TrainingState state);

    /**
     * Called in every step once the gradients are computed, before clipping and the optimizer's update
     * ({@code state.step()} is that step, {@code state.loss()} its loss). Nothing by default.
     */
    default void afterBackward(TrainingState state) {
    }

    /** Called once when training has stopped, before {@code fit} returns (the stop reason is known). Nothing by default. */
    default void end(TrainingState state) {
    }
}
