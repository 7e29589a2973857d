package gd.notebook;

/**
 * What {@link Notebook#init()} returns: a one-line summary of the loaded library, a warning when
 * the library jar is older than its sources, and (in the HTML form only) the inlined plotly.js.
 *
 * <p>In a JJava kernel a cell that ends with this object shows {@link #html()}; elsewhere (plain
 * JShell) {@link #toString()} shows {@link #text()}.
 */
public final class Banner {
    private final String text;
    private final String html;
    private final boolean stale;

    Banner(String text, String html, boolean stale) {
        this.text = text;
        this.html = html;
        this.stale = stale;
    }

    /** The plain-text form: the summary line, plus a warning line when the jar is stale. */
    public String text() {
        return text;
    }

    /** The HTML form: summary, warning, and a {@code <script>} that defines {@code window.Plotly}. */
    public String html() {
        return html;
    }

    /** Whether a file under the repository's {@code src/main} is newer than the loaded jar. */
    public boolean stale() {
        return stale;
    }

    /** The same as {@link #text()}. */
    @Override
    public String toString() {
        return text;
    }
}
