package gd.notebook;

import gd.render.Html;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line of output that changes while a long loop runs: in a Jupyter kernel (JJava or IJava) a single output cell
 * replaced in place (a display id and {@code update_display_data}); elsewhere nothing is shown and
 * {@link #create()} returns {@code null}, so callers fall back to printing lines.
 * <pre>{@code
 * LiveOutput out = LiveOutput.create();   // null outside a notebook
 * out.show("epoch 3/10 · loss 0.123");
 * }</pre>
 * The trainer's progress display in a notebook ({@link LiveProgress}) is built on it.
 */
public final class LiveOutput {
    private static final AtomicLong IDS = new AtomicLong();
    private static final String SEED = Long.toString(System.currentTimeMillis(), 36);

    private final Bridge bridge;
    private final String id;
    private boolean shown;

    private LiveOutput(Bridge bridge, String id) {
        this.bridge = bridge;
        this.id = id;
    }

    /** A new live output in the cell that is running, or {@code null} when no notebook cell can show one. */
    public static LiveOutput create() {
        Bridge bridge = Kernel.bridge();
        return bridge != null && bridge.canDisplay()
                ? new LiveOutput(bridge, "gd-live-" + SEED + "-" + IDS.incrementAndGet()) : null;
    }

    /** Shows {@code text}, replacing what this output showed before. */
    public void show(String text) {
        show(text, "<div class=\"gd-live\" style=\"font-family:monospace;font-size:12px\">" + Html.escape(text) + "</div>");
    }

    /** Shows {@code text} (plain-text view) and {@code html} (rich view), replacing what was shown before. */
    void show(String text, String html) {
        if (shown) {
            bridge.update(id, text, html);
        } else {
            bridge.display(id, text, html);
            shown = true;
        }
    }
}
