package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.plotly.components.Figure;

/**
 * A static SVG picture of a figure, for places where plotly.js cannot run: GitHub's notebook
 * preview, an untrusted notebook, an HTML export opened with scripts disabled.
 *
 * <p>It draws the title, both axes with ticks and labels (linear, log or category), lines and
 * markers, bars, histograms, heatmaps (contours drawn as stepped heatmaps), box plots, a colour bar
 * and, when several traces have names, a legend. Other trace types (pie, 3-D, violin…) are left out
 * of the picture. Every trace becomes one {@code <g class="trace …">} element. The output is
 * well-formed XML; all text is escaped.
 */
public final class SvgPreview {
    private static final String FONT = "'Open Sans', verdana, arial, sans-serif";
    private static final String TEXT = "#444";
    private static final String GRID = "#eee";

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

        JsonNode margin = layout.path("margin");
        double left = positive(margin.path("l"), 80);
        double right = positive(margin.path("r"), 80);
        double top = positive(margin.path("t"), title.isEmpty() ? 60 : 100);
        double bottom = positive(margin.path("b"), 80);
        double legendWidth = 0;
        if (!legend.isEmpty()) {
            int longest = 0;
            for (Marks.Mark m : legend) {
                longest = Math.max(longest, m.name.length());
            }
            legendWidth = Math.min(width * 0.35, 40 + 7 * longest);
            right = Math.max(right, legendWidth + 20);
        }
        if (colorBar != null) {
            right = Math.max(right, 90) + legendWidth;
        }
        double plotLeft = left;
        double plotRight = Math.max(plotLeft + 50, width - right);
        double plotTop = top;
        double plotBottom = Math.max(plotTop + 50, height - bottom);

        Scale x = scale(marks, layout.path("xaxis"), true);
        Scale y = scale(marks, layout.path("yaxis"), false);
        double padX = 0;
        double padY = 0;
        for (Marks.Mark m : marks) {
            if (m.visible && m.usesAxes()) {
                m.extend(x, y);
                padX = Math.max(padX, m.padX());
                padY = Math.max(padY, m.padY());
            }
        }
        x.fit(layout.path("xaxis").get("range"), padX);
        y.fit(layout.path("yaxis").get("range"), padY);
        x.pixels(plotLeft, plotRight);
        y.pixels(plotBottom, plotTop);

        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "gd-plot-svg",
                "width", Svg.num(width), "height", Svg.num(height),
                "viewBox", "0 0 " + Svg.num(width) + " " + Svg.num(height),
                "role", "img", "aria-label", title.isEmpty() ? "plot" : title,
                "style", "max-width:100%;height:auto;font-family:" + FONT).newline();
        svg.element("title", title.isEmpty() ? "plot" : title).newline();
        svg.empty("rect", "x", "0", "y", "0", "width", Svg.num(width), "height", Svg.num(height), "fill", "#fff")
                .newline();
        boolean axes = marks.isEmpty() || marks.stream().anyMatch(Marks.Mark::usesAxes);
        if (axes) {
            grid(svg, x, y, plotLeft, plotRight, plotTop, plotBottom);
        }
        svg.open("svg", "class", "plot-area", "x", Svg.num(plotLeft), "y", Svg.num(plotTop),
                "width", Svg.num(plotRight - plotLeft), "height", Svg.num(plotBottom - plotTop),
                "viewBox", Svg.num(plotLeft) + " " + Svg.num(plotTop) + " " + Svg.num(plotRight - plotLeft) + " "
                        + Svg.num(plotBottom - plotTop), "overflow", "hidden").newline();
        for (Marks.Mark m : marks) {
            m.openGroup(svg);
            if (m.visible && m.usesAxes()) {
                m.draw(svg, x, y);
            }
            svg.close("g").newline();
        }
        svg.close("svg").newline();
        if (axes) {
            tickLabels(svg, x, y, plotLeft, plotRight, plotTop, plotBottom);
            axisTitles(svg, layout, plotLeft, plotRight, plotTop, plotBottom, height);
        }
        if (marks.stream().anyMatch(m -> !m.usesAxes())) {
            svg.element("text", "Part of this figure is drawn only when plotly.js runs.",
                    "x", Svg.num(width / 2), "y", Svg.num((plotTop + plotBottom) / 2), "text-anchor", "middle",
                    "font-size", "13", "fill", "#888");
        }
        if (!title.isEmpty()) {
            svg.element("text", title, "class", "title", "x", Svg.num(width / 2), "y", Svg.num(Math.min(top / 2, 50)),
                    "text-anchor", "middle", "dy", "0.35em", "font-size", "17", "fill", TEXT).newline();
        }
        if (colorBar != null) {
            colorBar(svg, colorBar, plotRight + 20, plotTop, plotBottom);
        }
        if (!legend.isEmpty()) {
            legend(svg, legend, width - legendWidth - 10, plotTop);
        }
        svg.close("svg");
        return svg.toString();
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

    /** Named traces shown in the legend: when at least two have names, or the layout asks for it. */
    private static List<Marks.Mark> legendEntries(List<Marks.Mark> marks, JsonNode layout) {
        List<Marks.Mark> named = new ArrayList<>();
        for (Marks.Mark m : marks) {
            if (!m.name.isEmpty() && m.trace.path("showlegend").asBoolean(true)) {
                named.add(m);
            }
        }
        JsonNode show = layout.get("showlegend");
        if (show != null && !show.asBoolean(true)) {
            return List.of();
        }
        boolean asked = show != null && show.asBoolean(false);
        return named.size() >= 2 || (asked && !named.isEmpty()) ? named : List.of();
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

    private static void grid(Svg svg, Scale x, Scale y, double left, double right, double top, double bottom) {
        svg.open("g", "class", "grid", "stroke", GRID, "stroke-width", "1");
        if (x.kind != Scale.Kind.CATEGORY) {
            for (Scale.Tick t : x.ticks()) {
                double px = x.pixel(t.at());
                svg.empty("line", "x1", Svg.num(px), "y1", Svg.num(top), "x2", Svg.num(px), "y2", Svg.num(bottom));
            }
        }
        if (y.kind != Scale.Kind.CATEGORY) {
            for (Scale.Tick t : y.ticks()) {
                double py = y.pixel(t.at());
                svg.empty("line", "x1", Svg.num(left), "y1", Svg.num(py), "x2", Svg.num(right), "y2", Svg.num(py));
            }
        }
        svg.close("g").newline();
        if (x.kind == Scale.Kind.LINEAR && x.lo() < 0 && x.hi() > 0) {
            double px = x.pixel(0);
            svg.empty("line", "class", "zeroline", "x1", Svg.num(px), "y1", Svg.num(top), "x2", Svg.num(px),
                    "y2", Svg.num(bottom), "stroke", TEXT, "stroke-width", "1");
        }
        if (y.kind == Scale.Kind.LINEAR && y.lo() < 0 && y.hi() > 0) {
            double py = y.pixel(0);
            svg.empty("line", "class", "zeroline", "x1", Svg.num(left), "y1", Svg.num(py), "x2", Svg.num(right),
                    "y2", Svg.num(py), "stroke", TEXT, "stroke-width", "1");
        }
        svg.empty("line", "class", "axis", "x1", Svg.num(left), "y1", Svg.num(bottom), "x2", Svg.num(right),
                "y2", Svg.num(bottom), "stroke", TEXT, "stroke-width", "1");
        svg.empty("line", "class", "axis", "x1", Svg.num(left), "y1", Svg.num(top), "x2", Svg.num(left),
                "y2", Svg.num(bottom), "stroke", TEXT, "stroke-width", "1").newline();
    }

    private static void tickLabels(Svg svg, Scale x, Scale y, double left, double right, double top, double bottom) {
        svg.open("g", "class", "xtick", "font-size", "12", "fill", TEXT);
        List<Scale.Tick> xt = x.ticks();
        double room = xt.isEmpty() ? right - left : (right - left) / xt.size();
        int longest = 0;
        for (Scale.Tick t : xt) {
            longest = Math.max(longest, t.label().length());
        }
        boolean rotate = longest * 7 > room;
        for (Scale.Tick t : xt) {
            double px = x.pixel(t.at());
            svg.empty("line", "x1", Svg.num(px), "y1", Svg.num(bottom), "x2", Svg.num(px), "y2", Svg.num(bottom + 5),
                    "stroke", TEXT);
            if (rotate) {
                svg.element("text", shorten(t.label(), 18), "x", Svg.num(px), "y", Svg.num(bottom + 14),
                        "text-anchor", "end", "transform",
                        "rotate(-30 " + Svg.num(px) + " " + Svg.num(bottom + 14) + ")");
            } else {
                svg.element("text", t.label(), "x", Svg.num(px), "y", Svg.num(bottom + 20), "text-anchor", "middle");
            }
        }
        svg.close("g").newline();
        svg.open("g", "class", "ytick", "font-size", "12", "fill", TEXT);
        for (Scale.Tick t : y.ticks()) {
            double py = y.pixel(t.at());
            svg.empty("line", "x1", Svg.num(left - 5), "y1", Svg.num(py), "x2", Svg.num(left), "y2", Svg.num(py),
                    "stroke", TEXT);
            svg.element("text", shorten(t.label(), 12), "x", Svg.num(left - 8), "y", Svg.num(py),
                    "text-anchor", "end", "dy", "0.35em");
        }
        svg.close("g").newline();
    }

    private static void axisTitles(Svg svg, JsonNode layout, double left, double right, double top, double bottom,
            double height) {
        String xTitle = PlotText.title(layout.path("xaxis").get("title"));
        String yTitle = PlotText.title(layout.path("yaxis").get("title"));
        if (!xTitle.isEmpty()) {
            svg.element("text", xTitle, "class", "xtitle", "x", Svg.num((left + right) / 2),
                    "y", Svg.num(Math.min(height - 8, bottom + 48)), "text-anchor", "middle", "font-size", "14",
                    "fill", TEXT).newline();
        }
        if (!yTitle.isEmpty()) {
            double px = Math.max(14, left - 58);
            double py = (top + bottom) / 2;
            svg.element("text", yTitle, "class", "ytitle", "x", Svg.num(px), "y", Svg.num(py),
                    "text-anchor", "middle", "font-size", "14", "fill", TEXT,
                    "transform", "rotate(-90 " + Svg.num(px) + " " + Svg.num(py) + ")").newline();
        }
    }

    private static void colorBar(Svg svg, Marks.ColorBar bar, double x, double top, double bottom) {
        svg.open("g", "class", "colorbar");
        int steps = 32;
        double h = (bottom - top) / steps;
        for (int i = 0; i < steps; i++) {
            double f = (i + 0.5) / steps;
            svg.empty("rect", "x", Svg.num(x), "y", Svg.num(bottom - (i + 1) * h), "width", "14",
                    "height", Svg.num(h + 0.5), "fill", bar.scale().color(f));
        }
        double step = Scale.niceStep(Math.max(bar.max() - bar.min(), 1e-12) / 5);
        for (Scale.Tick t : linear(bar.min(), bar.max(), step)) {
            double f = bar.max() > bar.min() ? (t.at() - bar.min()) / (bar.max() - bar.min()) : 0.5;
            double py = bottom - f * (bottom - top);
            svg.element("text", t.label(), "x", Svg.num(x + 18), "y", Svg.num(py), "dy", "0.35em", "font-size", "11",
                    "fill", TEXT);
        }
        svg.close("g").newline();
    }

    private static List<Scale.Tick> linear(double min, double max, double step) {
        List<Scale.Tick> ticks = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; i < 20 && first + i * step <= max + step * 1e-9; i++) {
            double v = first + i * step;
            ticks.add(new Scale.Tick(v, Scale.label(Math.abs(v) < step * 1e-9 ? 0 : v, step)));
        }
        return ticks;
    }

    private static void legend(Svg svg, List<Marks.Mark> entries, double x, double top) {
        svg.open("g", "class", "legend", "font-size", "12", "fill", TEXT);
        double y = top + 8;
        for (Marks.Mark m : entries) {
            m.legendSymbol(svg, x + 12, y);
            svg.element("text", shorten(m.name, 40), "x", Svg.num(x + 28), "y", Svg.num(y), "dy", "0.35em");
            y += 20;
        }
        svg.close("g").newline();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static double positive(JsonNode value, double fallback) {
        double v = Scale.number(value);
        return Double.isFinite(v) && v >= 0 ? v : fallback;
    }
}
