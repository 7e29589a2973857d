package gd.notebook;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop, shown while it runs.
 *
 * <pre>{@code
 * var progress = Progress.start("epochs", 100);
 * for (int epoch = 1; epoch <= 100; epoch++) {
 *     double loss = ...;
 *     progress.update(epoch, "loss " + loss);
 * }
 * progress.finish("final loss " + loss);
 * }</pre>
 *
 * In a Jupyter kernel (JJava) it is one output with a progress bar that is updated in place (a
 * display id and {@code update_display_data}), refreshed at most every {@value #KERNEL_INTERVAL_MS}
 * ms. Elsewhere (JShell, Maven tests) it prints a plain line such as
 * {@code epochs 30/100 (30%) 12.0 s, about 28 s left · loss 0.123} at most every
 * {@value #TEXT_INTERVAL_MS} ms, and always a final line. {@link #close()} finishes it, so
 * try-with-resources works too.
 */
public final class Progress implements AutoCloseable {
    /** Shortest time between two refreshes of the in-place display in a kernel. */
    public static final long KERNEL_INTERVAL_MS = 250;

    /** Shortest time between two printed lines outside a kernel. */
    public static final long TEXT_INTERVAL_MS = 5000;

    private static final AtomicLong IDS = new AtomicLong();
    private static final String SEED = Long.toString(System.currentTimeMillis(), 36);

    /** Where the progress goes: an in-place kernel display or printed lines. */
    interface Sink {
        /** Shows the state; {@code first} for the first call, {@code last} for the final one. */
        void show(String text, String html, boolean first, boolean last);
    }

    private final String label;
    private final long total;
    private final Sink sink;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startNanos;
    private long lastShownNanos;
    private boolean shown;
    private boolean finished;
    private long done;

    Progress(String label, long total, Sink sink, LongSupplier nanoClock, long intervalMillis) {
        this.label = label;
        this.total = total;
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * Starts showing progress of {@code total} steps under {@code label}.
     *
     * @throws IllegalArgumentException if {@code label} is null or {@code total} &lt; 1
     */
    public static Progress start(String label, long total) {
        check(label, total);
        if (Kernel.canDisplay()) {
            String id = "gd-progress-" + SEED + "-" + IDS.incrementAndGet();
            Sink kernel = (text, html, first, last) -> {
                if (first) {
                    KernelBridge.display(id, text, html);
                } else {
                    KernelBridge.update(id, text, html);
                }
            };
            return new Progress(label, total, kernel, System::nanoTime, KERNEL_INTERVAL_MS);
        }
        return new Progress(label, total, printing(System.out), System::nanoTime, TEXT_INTERVAL_MS);
    }

    static void check(String label, long total) {
        if (label == null) {
            throw new IllegalArgumentException("Progress.start: label is null");
        }
        if (total < 1) {
            throw new IllegalArgumentException("Progress.start: total must be ≥ 1, got " + total);
        }
    }

    /** A sink that prints each shown state as one line. */
    static Sink printing(PrintStream out) {
        return (text, html, first, last) -> {
            out.println(text);
            out.flush();
        };
    }

    /**
     * Records that {@code done} of the steps are complete, with an optional short {@code message}
     * (e.g. the current loss); shown when enough time has passed since the last refresh.
     *
     * @throws IllegalArgumentException if {@code done} is outside [0, total]
     * @throws IllegalStateException    after {@link #finish}
     */
    public void update(long done, String message) {
        if (finished) {
            throw new IllegalStateException("Progress(" + label + ").update: already finished");
        }
        if (done < 0 || done > total) {
            throw new IllegalArgumentException("Progress(" + label + ").update: done must be in [0, " + total
                    + "], got " + done);
        }
        this.done = done;
        long now = nanoClock.getAsLong();
        if (!shown || now - lastShownNanos >= intervalNanos) {
            show(message, false, now);
        }
    }

    /**
     * Shows the final state with an optional {@code message}, always. Calling it again does nothing.
     */
    public void finish(String message) {
        if (finished) {
            return;
        }
        finished = true;
        show(message, true, nanoClock.getAsLong());
    }

    /** Finishes without a message, if not finished yet. */
    @Override
    public void close() {
        finish(null);
    }

    private void show(String message, boolean last, long now) {
        boolean first = !shown;
        shown = true;
        lastShownNanos = now;
        double seconds = (now - startNanos) / 1e9;
        String text = line(message, last, seconds);
        sink.show(text, html(text, last), first, last);
    }

    private String line(String message, boolean last, double seconds) {
        StringBuilder b = new StringBuilder(label).append(' ');
        if (last) {
            b.append("done ").append(done).append('/').append(total).append(" in ").append(seconds(seconds));
        } else {
            b.append(done).append('/').append(total).append(" (").append(100 * done / total).append("%) ")
                    .append(seconds(seconds));
            if (done > 0 && done < total) {
                b.append(", about ").append(seconds(seconds / done * (total - done))).append(" left");
            }
        }
        if (message != null && !message.isBlank()) {
            b.append(" · ").append(message.strip());
        }
        return b.toString();
    }

    private String html(String text, boolean last) {
        return "<div class=\"gd-progress\" style=\"font-family:monospace;font-size:12px\">"
                + "<progress value=\"" + (last ? total : done) + "\" max=\"" + total
                + "\" style=\"width:200px;vertical-align:middle;margin-right:8px\"></progress>"
                + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</div>";
    }

    private static String seconds(double s) {
        return s < 100 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f s", s);
    }

    /** E.g. {@code Progress(epochs, 30/100)}. */
    @Override
    public String toString() {
        return "Progress(" + label + ", " + done + "/" + total + (finished ? ", finished)" : ")");
    }
}
