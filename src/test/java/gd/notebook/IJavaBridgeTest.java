package gd.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.render.PlotlyJson;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * The renderers registered with the original IJava kernel (basekernel 2.3.0, driven here without a kernel) turn
 * a figure into html, Plotly JSON and text, and a banner into html and text, exactly as with JJava.
 */
class IJavaBridgeTest {
    private static Figure figure() {
        return new Figure(Layout.builder().title("Loss").yAxis(Axis.builder().type(Axis.Type.LOG).build()).build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {0.5, 0.25}).name("train").build());
    }

    @Test
    void figureRendersAsHtmlPlotlyJsonAndText() {
        Renderer renderer = new Renderer();
        IJavaBridge.register(renderer);
        DisplayData data = renderer.render(figure());
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.startsWith("<div class=\"gd-plot\" id=\"gd-plot-"), html.substring(0, 60));
        assertEquals("Figure \"Loss\": 1 trace (scatter \"train\"), 700×450", data.getData(MIMEType.TEXT_PLAIN));
        Map<?, ?> plotly = assertInstanceOf(Map.class, data.getData(MIMEType.parse(PlotlyJson.MIME_TYPE)));
        Map<?, ?> layout = assertInstanceOf(Map.class, plotly.get("layout"));
        assertEquals(Map.of("text", "Loss"), layout.get("title"));
        assertEquals("log", ((Map<?, ?>) layout.get("yaxis")).get("type"));
        List<?> traces = assertInstanceOf(List.class, plotly.get("data"));
        assertEquals(List.of(0.5, 0.25), ((Map<?, ?>) traces.get(0)).get("y"));
    }

    @Test
    void textOnlyRequestSkipsTheRest() {
        Renderer renderer = new Renderer();
        IJavaBridge.register(renderer);
        DisplayData data = renderer.renderAs(figure(), "text/plain");
        assertEquals("Figure \"Loss\": 1 trace (scatter \"train\"), 700×450", data.getData(MIMEType.TEXT_PLAIN));
        assertFalse(data.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void bannerRendersAsHtmlAndText() {
        Renderer renderer = new Renderer();
        IJavaBridge.register(renderer);
        Banner banner = new Banner("line", "<div>line</div>", false);
        DisplayData data = renderer.render(banner);
        assertEquals("line", data.getData(MIMEType.TEXT_PLAIN));
        assertEquals("<div>line</div>", data.getData(MIMEType.TEXT_HTML));
    }
}
