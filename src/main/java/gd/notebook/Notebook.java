package gd.notebook;

import gd.render.Html;
import gd.render.PlotlyJs;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The first cell of every notebook:
 * <pre>{@code
 * %classpath ../target/lib/*.jar
 * gd.notebook.Notebook.init()
 * }</pre>
 *
 * <p>{@link #init()} shows which build of the library is loaded and puts plotly.js into the
 * notebook, so that every later figure output draws an interactive chart offline: in JupyterLab and
 * Notebook 7 while running, and in the HTML export (nbconvert) of the saved notebook. It must be an
 * explicit cell that always runs: if plotly.js travelled inside the first figure's output instead,
 * re-running that cell in the same kernel (where plotly.js is already loaded) would drop it from the
 * saved file, and the export would show no charts.
 */
public final class Notebook {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Notebook() {
    }

    /**
     * Prepares the notebook and returns its banner: one line with the library version, when the jar
     * was built, the Java version, the plotly.js version and "plots render offline"; a visible warning
     * to rebuild ({@code ./gd build}) and restart the kernel when a file under the repository's
     * {@code src/main} is newer than the loaded jar; and, in its HTML form, the bundled plotly.js,
     * wrapped so that {@code window.Plotly} is defined even on pages that use RequireJS (running it
     * twice is harmless).
     *
     * <p>In a JJava or IJava kernel it also registers the renderers for Tablesaw figures (JJava may have done it
     * through the library's extension; IJava has no extensions), and it registers the notebook's progress display:
     * a trainer's progress then updates one output line in place. Outside a kernel it only returns the banner,
     * whose {@code toString()} is the plain-text form.
     */
    public static Banner init() {
        Bridge bridge = Kernel.bridge();
        if (bridge != null) {
            bridge.install();
        }
        LiveProgress.register();
        return banner(BuildInfo.current());
    }

    static Banner banner(BuildInfo build) {
        String summary = "gd " + build.version() + " (built " + build.built() + ") · Java "
                + System.getProperty("java.version") + " · plotly.js " + PlotlyJs.VERSION + " · plots render offline";
        String warning = build.newestSource().map(source -> "WARNING: the library jar " + name(build.jar().orElse(null))
                + " is older than " + source + " (changed " + TIME.format(
                        Instant.ofEpochMilli(BuildInfo.modified(source).toMillis())) + "). "
                + "Rebuild with ./gd build, then restart the kernel.").orElse(null);
        String text = warning == null ? summary : summary + "\n" + warning;
        StringBuilder html = new StringBuilder(PlotlyJs.source().length() + 2048);
        html.append("<div class=\"gd-banner\" style=\"font-family:monospace;font-size:12px;color:#555\">")
                .append(Html.escape(summary)).append("</div>\n");
        if (warning != null) {
            html.append("<div class=\"gd-banner-warning\" style=\"font-family:sans-serif;font-size:14px;"
                    + "font-weight:bold;color:#b00020;background:#fdecea;padding:6px 10px;margin:4px 0;"
                    + "border-left:4px solid #b00020\">&#9888; ").append(Html.escape(warning)).append("</div>\n");
        }
        html.append(PlotlyJs.scriptTag()).append('\n');
        return new Banner(text, html.toString(), warning != null);
    }

    private static String name(Path jar) {
        return jar == null ? "" : jar.toString();
    }
}
