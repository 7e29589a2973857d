package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** Tablesaw figure → Plotly JSON: titles in the plotly.js 2/3 form, data intact, axes kept. */
class PlotlyJsonTest {
    @Test
    void layoutTitleBecomesAnObjectWithItsFont() {
        JsonNode layout = PlotlyJson.of(Figures.logLoss()).get("layout");
        assertEquals("Loss &amp; &lt;accuracy&gt;", layout.at("/title/text").asText(),
                "Tablesaw's HTML escaping is how Plotly text spells & and <");
        assertEquals(20, layout.at("/title/font/size").asInt());
        assertEquals("#123456", layout.at("/title/font/color").asText());
        assertFalse(layout.has("titlefont"), layout.toString());
    }

    @Test
    void axisTitlesBecomeObjectsWithTheirFonts() {
        JsonNode layout = PlotlyJson.of(Figures.logLoss()).get("layout");
        assertEquals("epoch", layout.at("/xaxis/title/text").asText());
        assertEquals(15, layout.at("/xaxis/title/font/size").asInt());
        assertFalse(layout.get("xaxis").has("titlefont"));
        assertEquals("loss", layout.at("/yaxis/title/text").asText());
    }

    @Test
    void logAxisIsKept() {
        JsonNode layout = PlotlyJson.of(Figures.logLoss()).get("layout");
        assertEquals("log", layout.at("/yaxis/type").asText());
        assertTrue(layout.at("/xaxis/type").isMissingNode());
    }

    @Test
    void traceDataIsIntactAndNumeric() {
        JsonNode data = PlotlyJson.of(Figures.logLoss()).get("data");
        assertEquals(2, data.size());
        JsonNode train = data.get(0);
        assertEquals("scatter", train.get("type").asText());
        assertEquals("train", train.get("name").asText());
        assertEquals("lines+markers", train.get("mode").asText());
        double[] x = {1, 2, 3, 4};
        for (int i = 0; i < 4; i++) {
            assertTrue(train.get("x").get(i).isNumber(), "x[" + i + "] was written as a string by Tablesaw");
            assertEquals(x[i], train.get("x").get(i).asDouble());
        }
        assertEquals(1.0, train.at("/y/0").asDouble());
        assertEquals(0.1, train.at("/y/1").asDouble());
        assertTrue(train.at("/y/2").isNull(), "NaN becomes null, a gap in the line: " + train.get("y"));
        assertEquals(0.001, train.at("/y/3").asDouble());
        assertEquals("lines", data.get(1).get("mode").asText());
    }

    @Test
    void categoriesStayText() {
        JsonNode data = PlotlyJson.of(Figures.bars()).get("data");
        assertEquals("bar", data.at("/0/type").asText());
        assertEquals(List.of("cat", "dog", "bird"),
                List.of(data.at("/0/x/0").asText(), data.at("/0/x/1").asText(), data.at("/0/x/2").asText()));
        assertTrue(data.at("/0/x/0").isTextual());
        assertEquals(5.0, data.at("/0/y/1").asDouble());
        assertEquals("b", data.at("/1/name").asText());
    }

    @Test
    void heatmapAndContourKeepTheirGrid() {
        for (boolean contour : new boolean[] {false, true}) {
            JsonNode trace = PlotlyJson.of(Figures.heatmap(contour)).at("/data/0");
            assertEquals(contour ? "contour" : "heatmap", trace.get("type").asText());
            assertEquals(6, trace.get("z").size());
            assertEquals(8, trace.get("z").get(0).size(), "Tablesaw's trailing commas add no elements");
            assertEquals(23.0, trace.at("/z/2/3").asDouble());
            assertEquals(2.5, trace.at("/y/5").asDouble());
            assertEquals(7.0, trace.at("/x/7").asDouble());
        }
    }

    @Test
    void histogramAndBoxAreRead() {
        JsonNode histogram = PlotlyJson.of(Figures.histogram()).at("/data/0");
        assertEquals("histogram", histogram.get("type").asText());
        assertEquals(200, histogram.get("x").size());
        JsonNode box = PlotlyJson.of(Figures.box()).at("/data/0");
        assertEquals("box", box.get("type").asText());
        assertEquals(10.0, box.at("/y/3").asDouble());
    }

    @Test
    void figureWithoutLayoutGetsAnEmptyOne() {
        ObjectNode json = PlotlyJson.of(Figures.bare());
        assertTrue(json.get("layout").isObject());
        assertEquals(0, json.get("layout").size());
        assertEquals("markers", json.at("/data/0/mode").asText());
        assertFalse(json.has("config"));
    }

    @Test
    void configIsCarried() {
        Figure figure = new Figure(Layout.builder().build(), Config.builder().displayModeBar(false).build(),
                ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        assertFalse(PlotlyJson.of(figure).at("/config/displayModeBar").asBoolean(true));
    }

    @Test
    void jsonIsStrictAndEmbeddable() throws Exception {
        String json = PlotlyJson.toJson(Figures.logLoss());
        JsonNode reread = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(PlotlyJson.of(Figures.logLoss()), reread);
        String script = PlotlyJson.toScriptJson(reread);
        assertFalse(script.contains("<") || script.contains(">") || script.contains("&"), script);
        assertEquals(reread, new com.fasterxml.jackson.databind.ObjectMapper().readTree(script));
    }

    @Test
    void plainObjectsForKernels() {
        Object plain = PlotlyJson.toPlainObjects(PlotlyJson.of(Figures.logLoss()));
        Map<?, ?> figure = assertInstanceOf(Map.class, plain);
        List<?> data = assertInstanceOf(List.class, figure.get("data"));
        Map<?, ?> train = assertInstanceOf(Map.class, data.get(0));
        List<?> y = assertInstanceOf(List.class, train.get("y"));
        assertEquals(1.0, y.get(0));
        assertEquals(null, y.get(2));
        Map<?, ?> layout = assertInstanceOf(Map.class, figure.get("layout"));
        assertEquals(450L, layout.get("height"));
    }

    @Test
    void describeIsOneReadableLine() {
        assertEquals("Figure \"Loss & <accuracy>\": 2 traces (scatter \"train\", scatter \"test\"), 700×450",
                PlotlyJson.describe(PlotlyJson.of(Figures.logLoss())));
        assertEquals("Figure: 1 trace (scatter)", PlotlyJson.describe(PlotlyJson.of(Figures.bare())));
    }

    @Test
    void nullFigureIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> PlotlyJson.of(null));
        assertEquals("PlotlyJson.of: figure is null", e.getMessage());
    }

    @Test
    void unreadableLiteralIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PlotlyJson.literal("var layout = { title: };", "layout"));
        assertTrue(e.getMessage().startsWith("PlotlyJson.of: cannot read the layout that Tablesaw wrote ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): var layout = { title: };"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> PlotlyJson.literal("nothing", "trace 2"));
        assertEquals("PlotlyJson.of: Tablesaw wrote no object literal for the trace 2, got: nothing",
                missing.getMessage());
    }
}
