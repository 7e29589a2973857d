package gd.train;

/**
 * Where a {@link Trainer} shows its progress. The trainer formats the lines and decides when to show one
 * (at most one per {@link #updateIntervalMillis()}); a display only puts them somewhere: a notebook display
 * replaces its line in place, the {@link PlainTextProgress plain-text one} prints a new line each time.
 * <pre>{@code
 * trainer.progress(false);                                   // no progress at all
 * trainer.progress(PlainTextProgress.of(System.err));        // a display of your choice
 * }</pre>
 */
public interface ProgressDisplay {
    /** Shows the current state of a running training, replacing what this display showed before. */
    void show(String line);

    /** Shows the final summary line; the training is over and {@link #show} will not be called again. */
    void close(String summary);

    /** The shortest time between two {@link #show} calls, in milliseconds (5 seconds by default). */
    default long updateIntervalMillis() {
        return 5000;
    }

    /**
     * The display a trainer uses unless told otherwise: the one place that chooses between environments.
     * Currently plain text on standard output ({@link PlainTextProgress#standardOutput()}).
     */
    static ProgressDisplay automatic() {
        return PlainTextProgress.standardOutput();
    }
}
