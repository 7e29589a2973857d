package gd.train;

import java.util.function.Supplier;

/**
 * Where a {@link Trainer} shows its progress. The trainer formats the lines and decides when to show one
 * (at most one per {@link #updateIntervalMillis()}); a display only puts them somewhere: a notebook display
 * replaces its line in place, the {@link PlainTextProgress plain-text one} prints a new line each time.
 * <pre>{@code
 * trainer.progress(false);                                   // no progress at all
 * trainer.progress(PlainTextProgress.of(System.err));        // a display of your choice
 * }</pre>
 * The training loop knows nothing of notebooks: the environment it runs in {@link #useByDefault registers} the
 * display a trainer picks by default ({@code gd.notebook.Notebook.init()} registers one that updates a single
 * output line in place).
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
     * The display a trainer uses unless told otherwise: the one the registered factory makes, if it makes one
     * (a notebook cell is running), else plain text on standard output ({@link PlainTextProgress#standardOutput()}).
     */
    static ProgressDisplay automatic() {
        ProgressDisplay display = DefaultDisplay.factory.get();
        return display != null ? display : PlainTextProgress.standardOutput();
    }

    /**
     * Registers where {@link #automatic()} gets its display from: {@code factory} returns a display, or null when
     * it cannot show one now (then progress goes to standard output). The last registration wins.
     */
    static void useByDefault(Supplier<ProgressDisplay> factory) {
        if (factory == null) {
            throw new IllegalArgumentException("ProgressDisplay.useByDefault: the factory is null");
        }
        DefaultDisplay.factory = factory;
    }
}
