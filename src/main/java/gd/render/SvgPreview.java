package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.plotly.components.Figure;

/**
 * A static SVG picture of a figure, for places where plotly.js cannot run: GitHub's notebook
 * preview, an untrusted notebook, an HTML export opened with scripts disabled.
 *
 * <p>It draws what the course's figures use, the way plotly.js draws it: the title; the x axis, the y
 * axis and a right-hand y axis ({@code yaxis2} overlaying {@code y}, for traces with {@code yaxis: 'y2'}),
 * each linear, log or category, possibly reversed or hidden, with plotly's ticks and labels
 * ({@code Ticks}), grid and zero line ({@code Axis}); scatter traces with lines, markers of several
 * symbols, per-point colours, text and fills ({@code Scatter}); bars, histograms and box plots;
 * heatmaps (contours drawn as stepped heatmaps) with their colour range and a colour bar
 * ({@code Heatmap}); trace opacity; and a legend. Other trace types (pie, 3-D, violin…), annotations,
 * shapes and subplots beyond {@code y2} are left out of the picture. Every trace becomes one
 * {@code <g class="trace …">} element. The output is well-formed XML; all text is escaped.
 */
public final class SvgPreview {
    private static final String FONT = "'Open Sans', verdana, arial, sans-serif";
    private static final String TEXT = Axis.TEXT;

    private SvgPreview() {
    }

    /** The preview of a Tablesaw figure. */
    public static String render(Figure figure) {
        return render(PlotlyJson.of(figure));
    }

    /**
     * The preview of a Plotly JSON figure {@code {data: [...], layout: {...}}}, as made by
     * {@link PlotlyJson#of}.
     *
     * @throws IllegalArgumentException if {@code figure} is not a JSON object
     */
    public static String render(JsonNode figure) {
        if (figure == null || !figure.isObject()) {
            throw new IllegalArgumentException("SvgPreview.render: expected a Plotly figure object {data, layout}, got "
                    + (figure == null ? "null" : figure.getNodeType()));
        }
        JsonNode layout = figure.path("layout");
        List<Marks.Mark> marks = new ArrayList<>();
        JsonNode data = figure.path("data");
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).isObject()) {
                marks.add(Marks.of((ObjectNode) data.get(i), i));
            }
        }
        groupBars(marks, layout);

        double width = positive(layout.path("width"), 700);
        double height = positive(layout.path("height"), 450);
        String title = PlotText.title(layout.get("title"));
        List<Marks.Mark> legend = legendEntries(marks, layout);
        Marks.ColorBar colorBar = null;
        for (Marks.Mark m : marks) {
            if (m.visible && m.colorBar() != null && colorBar == null) {
                colorBar = m.colorBar();
            }
        }

        // The plot area: the figure less its margins, widened on the right for a legend or colour bar.
        JsonNode margin = layout.path("margin");
        double left = positive(margin.path("l"), 80);
        double right = positive(margin.path("r"), 80);
        double top = positive(margin.path("t"), title.isEmpty() ? 60 : 100);
        double bottom = positive(margin.path("b"), 80);
        double legendWidth = 0;
        if (!legend.isEmpty()) {
            int longest = 0;
            for (Marks.Mark m : legend) {
                longest = Math.max(longest, m.legendName().length());
            }
            legendWidth = Math.min(width * 0.4, 50 + 6.5 * Math.min(longest, 40));
            right = Math.max(right, legendWidth + 20);
        }
        if (colorBar != null) {
            right = Math.max(right, 100) + legendWidth;
        }
        Axis.Area area = new Axis.Area(left, top, Math.max(left + 50, width - right),
                Math.max(top + 50, height - bottom));

        // Axes: each y axis is fitted to the traces drawn against it; x to all of them.
        List<Marks.Mark> onY2 = new ArrayList<>();
        List<Marks.Mark> onY = new ArrayList<>();
        for (Marks.Mark m : marks) {
            (m.onY2() && layout.has("yaxis2") ? onY2 : onY).add(m);
        }
        Axis x = axis("x", layout.path("xaxis"), marks);
        Axis y = axis("y", layout.path("yaxis"), onY);
        Axis y2 = onY2.isEmpty() ? null : axis("y2", layout.path("yaxis2"), onY2);
        extend(x, y, onY, area);
        if (y2 != null) {
            extend(x, y2, onY2, area);
        }
        List<Axis> all = y2 == null ? List.of(x, y) : List.of(x, y, y2);
        for (Axis a : all) {
            a.scale.fit(a.settings);
            a.place(area);
        }

        // Drawing, bottom to top: grid and zero lines, traces (clipped to the plot area), ticks and titles.
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "xmlns:xlink", "http://www.w3.org/1999/xlink",
                "class", "gd-plot-svg", "width", Svg.num(width), "height", Svg.num(height),
                "viewBox", "0 0 " + Svg.num(width) + " " + Svg.num(height),
                "role", "img", "aria-label", title.isEmpty() ? "plot" : title,
                "style", "max-width:100%;height:auto;font-family:" + FONT).newline();
        svg.element("title", title.isEmpty() ? "plot" : title).newline();
        svg.empty("rect", "x", "0", "y", "0", "width", Svg.num(width), "height", Svg.num(height), "fill", "#fff")
                .newline();
        boolean axes = marks.isEmpty() || marks.stream().anyMatch(Marks.Mark::usesAxes);
        if (axes) {
            for (Axis a : all) {
                a.drawGrid(svg, area);
            }
        }
        svg.open("svg", "class", "plot-area", "x", Svg.num(area.left()), "y", Svg.num(area.top()),
                "width", Svg.num(area.width()), "height", Svg.num(area.height()),
                "viewBox", Svg.num(area.left()) + " " + Svg.num(area.top()) + " " + Svg.num(area.width()) + " "
                        + Svg.num(area.height()), "overflow", "hidden").newline();
        for (Marks.Mark m : marks) {
            m.openGroup(svg);
            if (m.visible && m.usesAxes()) {
                m.draw(svg, x.scale, onY2.contains(m) ? y2.scale : y.scale);
            }
            svg.close("g").newline();
        }
        svg.close("svg").newline();
        if (axes) {
            for (Axis a : all) {
                a.drawTicks(svg, area);
                a.drawTitle(svg, area, height);
            }
        }
        if (marks.stream().anyMatch(m -> !m.usesAxes())) {
            svg.element("text", "Part of this figure is drawn only when plotly.js runs.",
                    "x", Svg.num(width / 2), "y", Svg.num((area.top() + area.bottom()) / 2), "text-anchor", "middle",
                    "font-size", "13", "fill", "#888");
        }
        if (!title.isEmpty()) {
            JsonNode font = layout.path("title").path("font");
            svg.element("text", title, "class", "title", "x", Svg.num(width / 2), "y", Svg.num(Math.min(top / 2, 50)),
                    "text-anchor", "middle", "font-size", Svg.num(font.path("size").asDouble(17)),
                    "fill", font.path("color").asText(TEXT)).newline();
        }
        if (colorBar != null) {
            colorBar(svg, colorBar, area.right() + 0.02 * area.width() + 10, area.top() + 10, area.bottom() - 10);
        }
        if (!legend.isEmpty()) {
            legend(svg, legend, width - legendWidth - 10, area.top());
        }
        svg.close("svg");
        return svg.toString();
    }

    /** The axis {@code id} with its layout settings, its scale's kind chosen from the traces drawn against it. */
    private static Axis axis(String id, JsonNode settings, List<Marks.Mark> marks) {
        boolean heatmap = false;
        for (Marks.Mark m : marks) {
            heatmap |= m.visible && m instanceof Heatmap;
        }
        return new Axis(id, settings, scale(marks, settings, id.equals("x")), heatmap);
    }

    /** Widens x and the y axis {@code y} to the visible traces drawn against them, each with its padding. */
    private static void extend(Axis x, Axis y, List<Marks.Mark> marks, Axis.Area area) {
        for (Marks.Mark m : marks) {
            if (m.visible && m.usesAxes()) {
                double marker = m.padPixels();
                x.scale.padding(m.padX() + (m.padX() > 0 ? marker / area.width() : 0));
                y.scale.padding(m.padY() + (m.padY() > 0 ? marker / area.height() : 0));
                m.extend(x.scale, y.scale);
            }
        }
    }

    /** Side-by-side slots for bar traces, as Plotly's default {@code barmode: 'group'} does. */
    private static void groupBars(List<Marks.Mark> marks, JsonNode layout) {
        boolean overlay = !layout.path("barmode").asText("group").equals("group");
        List<Marks.Bar> bars = new ArrayList<>();
        for (Marks.Mark m : marks) {
            if (m instanceof Marks.Bar bar && m.visible) {
                bars.add(bar);
            }
        }
        for (int i = 0; i < bars.size(); i++) {
            bars.get(i).group(overlay ? 0 : i, overlay ? 1 : bars.size());
        }
    }

    /**
     * The traces listed in the legend: as plotly does, when the layout asks for a legend
     * ({@code showlegend: true}), or by default when at least two traces would be listed; traces with
     * {@code showlegend: false} never are.
     */
    private static List<Marks.Mark> legendEntries(List<Marks.Mark> marks, JsonNode layout) {
        List<Marks.Mark> listed = new ArrayList<>();
        for (Marks.Mark m : marks) {
            if (m.inLegend()) {
                listed.add(m);
            }
        }
        JsonNode show = layout.get("showlegend");
        boolean shown = show == null || show.isNull() ? listed.size() >= 2 : !show.asText().equals("false");
        return shown ? listed : List.of();
    }

    /** The scale for one axis: its kind from the layout, or category when a trace has text values. */
    private static Scale scale(List<Marks.Mark> marks, JsonNode axis, boolean isX) {
        List<JsonNode> values = new ArrayList<>();
        for (Marks.Mark m : marks) {
            if (m.visible) {
                List<JsonNode> other = new ArrayList<>();
                m.collect(isX ? values : other, isX ? other : values);
            }
        }
        String type = axis.path("type").asText("-").toLowerCase(Locale.ROOT);
        Scale.Kind kind;
        if (type.equals("log")) {
            kind = Scale.Kind.LOG;
        } else if (type.equals("category")) {
            kind = Scale.Kind.CATEGORY;
        } else if (type.equals("linear")) {
            kind = Scale.Kind.LINEAR;
        } else {
            kind = Scale.Kind.LINEAR;
            for (JsonNode v : values) {
                if (v.isTextual() && Double.isNaN(Scale.number(v))) {
                    kind = Scale.Kind.CATEGORY;
                    break;
                }
            }
        }
        Scale scale = new Scale(kind);
        if (kind == Scale.Kind.CATEGORY) {
            for (JsonNode v : values) {
                if (!v.isNull()) {
                    scale.addCategory(v.asText());
                }
            }
        }
        return scale;
    }

    /** plotly's colour bar: the scale's colours from zmin (bottom) to zmax (top), with ticks on its right. */
    private static void colorBar(Svg svg, Marks.ColorBar bar, double x, double top, double bottom) {
        svg.open("g", "class", "colorbar", "font-size", "12", "fill", TEXT);
        int steps = 64;
        double h = (bottom - top) / steps;
        for (int i = 0; i < steps; i++) {
            double f = (i + 0.5) / steps;
            svg.empty("rect", "x", Svg.num(x), "y", Svg.num(bottom - (i + 1) * h), "width", "30",
                    "height", Svg.num(h + 0.5), "fill", bar.scale().color(f));
        }
        Scale scale = new Scale(Scale.Kind.LINEAR);
        scale.include(bar.min());
        scale.include(bar.max());
        scale.fit(MissingNode.getInstance());
        scale.pixels(bottom, top);
        svg.empty("rect", "x", Svg.num(x), "y", Svg.num(top), "width", "30", "height", Svg.num(bottom - top),
                "fill", "none", "stroke", TEXT, "stroke-width", "1");
        for (Ticks.Tick t : Ticks.of(MissingNode.getInstance(), scale, bottom - top, true)) {
            svg.element("text", t.label(), "x", Svg.num(x + 34), "y", Svg.num(scale.pixel(t.at())), "dy", "0.35em");
        }
        svg.close("g").newline();
    }

    private static void legend(Svg svg, List<Marks.Mark> entries, double x, double top) {
        svg.open("g", "class", "legend", "font-size", "12", "fill", TEXT);
        double y = top + 10;
        for (Marks.Mark m : entries) {
            svg.open("g", "opacity", m.opacity < 1 ? Svg.num2(m.opacity) : null);
            m.legendSymbol(svg, x + 20, y);
            svg.close("g");
            svg.element("text", Axis.shorten(m.legendName(), 40), "x", Svg.num(x + 40), "y", Svg.num(y),
                    "dy", "0.35em");
            y += 19;
        }
        svg.close("g").newline();
    }

    private static double positive(JsonNode value, double fallback) {
        double v = Scale.number(value);
        return Double.isFinite(v) && v >= 0 ? v : fallback;
    }
}
