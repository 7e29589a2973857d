package gd.train;

/**
 * Thrown by {@link Trainer#fit} when the loss or a gradient became NaN or infinite and the trainer was told
 * to {@link Trainer#failOnDivergence() fail on divergence}. The message names the step and suggests a cause;
 * {@link #history()} holds everything recorded up to that step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The History is not serialised with the exception. */
    private final transient History history;

    TrainingDivergedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** What the run recorded up to and including the step that diverged. */
    public History history() {
        return history;
    }
}
