package gd.train;

import gd.notebook.LiveOutput;

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
     * In a notebook, one output line replaced in place twice a second ({@link LiveOutput}); elsewhere plain
     * text on standard output ({@link PlainTextProgress#standardOutput()}).
     */
    static ProgressDisplay automatic() {
        LiveOutput live = LiveOutput.create();
        if (live == null) {
            return PlainTextProgress.standardOutput();
        }
        return new ProgressDisplay() {
            @Override
            public void show(String line) {
                live.show(line);
            }

            @Override
            public void close(String summary) {
                live.show(summary);
            }

            @Override
            public long updateIntervalMillis() {
                return 500;
            }
        };
    }
}
