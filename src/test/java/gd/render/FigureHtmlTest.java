package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The notebook HTML: container, preview image, drawing script with the figure's JSON. */
class FigureHtmlTest {
    private static final Pattern IMG = Pattern.compile(
            "<img class=\"gd-plot-preview\" alt=\"([^\"]*)\" width=\"700\" height=\"450\" "
                    + "style=\"max-width:100%;height:auto\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">");
    private static final Pattern FIGURE = Pattern.compile("\n  var figure = (\\{.*\\});\n");

    @Test
    void structure() throws Exception {
        ObjectNode json = PlotlyJson.of(Figures.logLoss());
        String html = FigureHtml.render(json, "gd-plot-test-1");
        assertTrue(html.startsWith("<div class=\"gd-plot\" id=\"gd-plot-test-1\">\n<img "), html.substring(0, 80));
        assertTrue(html.contains("</div>\n<script type=\"text/javascript\">\n"), html);
        assertTrue(html.endsWith("})();\n</script>\n"));
        assertTrue(html.contains("var root = document.getElementById(\"gd-plot-test-1\");"));
        assertTrue(html.contains("if (!root || !Plotly || root.getAttribute(\"data-drawn\")) { return; }"),
                "without plotly.js the preview stays");
        assertTrue(html.contains("Plotly.newPlot(target, figure.data, figure.layout, figure.config || {})"));
        assertTrue(html.contains("preview.parentNode.removeChild(preview)"), "the preview goes once Plotly drew");
        assertEquals(2, html.split("<script", -1).length, "one script element");
        assertTrue(!html.contains("http:") && !html.contains("https:"), "nothing is loaded from the network");
    }

    @Test
    void previewIsTheSvgAsAnImage() throws Exception {
        String html = FigureHtml.render(PlotlyJson.of(Figures.logLoss()), "gd-plot-test-2");
        Matcher m = IMG.matcher(html);
        assertTrue(m.find(), html.substring(0, 300));
        assertEquals("Loss &amp; &lt;accuracy&gt;", m.group(1), "alt text is escaped");
        String svg = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
        assertEquals(SvgPreview.render(PlotlyJson.of(Figures.logLoss())), svg);
        Document doc = Previews.parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
    }

    @Test
    void scriptCarriesTheFigureJson() throws Exception {
        ObjectNode json = PlotlyJson.of(Figures.logLoss());
        String html = FigureHtml.render(json, "gd-plot-test-3");
        Matcher m = FIGURE.matcher(html);
        assertTrue(m.find());
        assertTrue(!m.group(1).contains("<"), "no '<' inside the script: " + m.group(1));
        assertEquals(json, new ObjectMapper().readTree(m.group(1)));
    }

    @Test
    void idsAreUniqueAndCounted() {
        String a = FigureHtml.nextId();
        String b = FigureHtml.nextId();
        assertNotEquals(a, b);
        assertTrue(a.matches("gd-plot-[0-9a-z]+-[0-9]+"), a);
        String prefix = a.substring(0, a.lastIndexOf('-') + 1);
        assertEquals(prefix + (Long.parseLong(a.substring(prefix.length())) + 1), b);
        String html = FigureHtml.render(Figures.bars());
        assertTrue(html.startsWith("<div class=\"gd-plot\" id=\"" + prefix), html.substring(0, 60));
    }

    @Test
    void badIdIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FigureHtml.render(PlotlyJson.of(Figures.bare()), "x\" onload=\"alert(1)"));
        assertEquals("FigureHtml.render: element id must be a letter followed by letters, digits, '-' or '_', "
                + "got \"x\" onload=\"alert(1)\"", e.getMessage());
    }
}
