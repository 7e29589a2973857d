package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * The HTML that shows a figure in a notebook output or an exported page.
 *
 * <pre>{@code
 * <div class="gd-plot" id="gd-plot-…">
 *   <img class="gd-plot-preview" alt="title" src="data:image/svg+xml;base64,…">
 * </div>
 * <script>… if window.Plotly exists: Plotly.newPlot(…), then remove the preview …</script>
 * }</pre>
 *
 * Where scripts run and {@code window.Plotly} is defined (by {@code gd.notebook.Notebook.init()},
 * which inlines {@link PlotlyJs}), the preview is replaced by the interactive chart; everywhere else
 * the SVG preview stays. The preview is an {@code <img>} with a {@code data:} URL rather than inline
 * SVG because JupyterLab's sanitizer, applied to untrusted notebooks, removes inline {@code <svg>}
 * but keeps images. The HTML loads nothing from the network.
 *
 * <p>Element ids come from a counter seeded with the time this class was loaded (not from a random
 * generator), so outputs made in one kernel session never share an id, and outputs from earlier
 * sessions saved in the same notebook almost certainly do not either.
 */
public final class FigureHtml {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,100}");
    private static final Pattern SIZE = Pattern.compile("^<svg [^>]*?width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
    private static final String SEED = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private FigureHtml() {
    }

    /** The HTML for a Tablesaw figure, with a fresh element id. */
    public static String render(Figure figure) {
        return render(PlotlyJson.of(figure), nextId());
    }

    /**
     * The HTML for a Plotly JSON figure ({@link PlotlyJson#of}) in an element with id {@code elementId}.
     *
     * @throws IllegalArgumentException if the id is not a letter followed by letters, digits, '-' or '_'
     *                                  (at most 101 characters), or the figure is not a JSON object
     */
    public static String render(JsonNode figure, String elementId) {
        if (elementId == null || !ID.matcher(elementId).matches()) {
            throw new IllegalArgumentException("FigureHtml.render: element id must be a letter followed by "
                    + "letters, digits, '-' or '_', got " + (elementId == null ? "null" : "\"" + elementId + "\""));
        }
        String svg = SvgPreview.render(figure);
        String alt = PlotText.title(figure.path("layout").get("title"));
        String size = "";
        if (svg.startsWith("<svg ")) {
            Matcher m = SIZE.matcher(svg);
            size = m.find() ? " width=\"" + m.group(1) + "\" height=\"" + m.group(2) + "\"" : "";
        }
        return "<div class=\"gd-plot\" id=\"" + elementId + "\">\n"
                + "<img class=\"gd-plot-preview\" alt=\"" + Html.escape(alt.isEmpty() ? "plot" : alt) + "\"" + size
                + " style=\"max-width:100%;height:auto\" src=\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)) + "\">\n"
                + "</div>\n"
                + "<script type=\"text/javascript\">\n"
                + "(function () {\n"
                + "  var root = document.getElementById(\"" + elementId + "\");\n"
                + "  var Plotly = window.Plotly;\n"
                + "  if (!root || !Plotly || root.getAttribute(\"data-drawn\")) { return; }\n"
                + "  var figure = " + PlotlyJson.toScriptJson(figure) + ";\n"
                + "  var preview = root.querySelector(\".gd-plot-preview\");\n"
                + "  var target = document.createElement(\"div\");\n"
                + "  root.appendChild(target);\n"
                + "  if (preview) { preview.style.display = \"none\"; }\n"
                + "  function keepPreview(error) {\n"
                + "    if (target.parentNode) { target.parentNode.removeChild(target); }\n"
                + "    if (preview) { preview.style.display = \"\"; }\n"
                + "    if (window.console) { console.error(\"gd: plotly.js could not draw the figure\", error); }\n"
                + "  }\n"
                + "  try {\n"
                + "    Plotly.newPlot(target, figure.data, figure.layout, figure.config || {}).then(function () {\n"
                + "      if (preview && preview.parentNode) { preview.parentNode.removeChild(preview); }\n"
                + "      root.setAttribute(\"data-drawn\", \"plotly\");\n"
                + "    }, keepPreview);\n"
                + "  } catch (error) {\n"
                + "    keepPreview(error);\n"
                + "  }\n"
                + "})();\n"
                + "</script>\n";
    }

    /** A new element id {@code gd-plot-<seed>-<n>}: the seed is fixed per class load, n counts up from 1. */
    public static String nextId() {
        return "gd-plot-" + SEED + "-" + COUNTER.incrementAndGet();
    }
}
