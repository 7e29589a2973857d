package gd.train;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A {@link ProgressDisplay} for a terminal or a log: every update is a new line (the trainer sends at most
 * one every five seconds), then the summary line.
 * <pre>
 * epoch 0/1  batch 512/938  step 512  loss 0.3016  lr 0.000678  5.0 s
 * 1 epoch, 938 steps, 9.1 s: loss 0.2234; reached the maximum of 1 epoch
 * </pre>
 */
public final class PlainTextProgress implements ProgressDisplay {
    private final Supplier<PrintStream> out;

    private PlainTextProgress(Supplier<PrintStream> out) {
        this.out = out;
    }

    /** Lines printed to {@code out}. */
    public static PlainTextProgress of(PrintStream out) {
        if (out == null) {
            throw new IllegalArgumentException("PlainTextProgress.of: the stream is null");
        }
        return new PlainTextProgress(() -> out);
    }

    /** Lines printed to whatever {@code System.out} is at the time of each line. */
    public static PlainTextProgress standardOutput() {
        return new PlainTextProgress(() -> System.out);
    }

    /** Prints the line. */
    @Override
    public void show(String line) {
        out.get().println(line);
    }

    /** Prints the summary. */
    @Override
    public void close(String summary) {
        out.get().println(summary);
    }

    @Override
    public String toString() {
        return "PlainTextProgress";
    }
}
