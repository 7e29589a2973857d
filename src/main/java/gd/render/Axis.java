package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One axis of the SVG preview ({@code x}, {@code y}, or the right-hand {@code y2}): its settings from the
 * layout, its {@link Scale}, its {@link Ticks}, and how it is drawn. It honours the plotly.js settings
 * the course's figures use, with plotly's defaults: {@code visible} (true), {@code showgrid} (true,
 * {@code gridcolor} #eee), {@code zeroline} (true, {@code zerolinecolor} #444), {@code showline}
 * (false), {@code ticks} ("" — no tick marks — except "outside" next to a heatmap), {@code ticklen} (5),
 * {@code showticklabels} (true), {@code side} and {@code title}.
 */
final class Axis {
    /** plotly's colour for text, axis lines and zero lines. */
    static final String TEXT = "#444";

    /** The plot area in pixels: the rectangle the axes frame. */
    record Area(double left, double top, double right, double bottom) {
        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }
    }

    final String id;
    final JsonNode settings;
    final Scale scale;
    private final boolean nextToHeatmap;
    private List<Ticks.Tick> ticks = List.of();

    /**
     * The axis {@code id} ("x", "y" or "y2") with the layout's settings for it ({@code layout.xaxis} …, a
     * missing node when absent); {@code nextToHeatmap} when a heatmap is drawn against it (plotly then
     * draws tick marks by default).
     */
    Axis(String id, JsonNode settings, Scale scale, boolean nextToHeatmap) {
        this.id = id;
        this.settings = settings;
        this.scale = scale;
        this.nextToHeatmap = nextToHeatmap;
    }

    boolean vertical() {
        return id.startsWith("y");
    }

    /** Whether the axis is drawn at all ({@code visible: false} hides grid, ticks, labels and title). */
    boolean visible() {
        return !settings.path("visible").asText("true").equals("false");
    }

    /** Whether the axis is drawn on the right (a y axis with {@code side: 'right'}). */
    boolean onRight() {
        return vertical() && settings.path("side").asText("left").equals("right");
    }

    /** Maps the fitted scale onto the plot area and computes the ticks. */
    void place(Area area) {
        if (vertical()) {
            scale.pixels(area.bottom(), area.top());
        } else {
            scale.pixels(area.left(), area.right());
        }
        ticks = Ticks.of(settings, scale, vertical() ? area.height() : area.width(), vertical());
    }

    /** The grid lines (one per tick) and the zero line, drawn below the traces. */
    void drawGrid(Svg svg, Area area) {
        if (!visible()) {
            return;
        }
        if (settings.path("showgrid").asBoolean(true)) {
            svg.open("g", "class", id + "grid", "stroke", settings.path("gridcolor").asText("#eee"),
                    "stroke-width", Svg.num(settings.path("gridwidth").asDouble(1)));
            for (Ticks.Tick t : ticks) {
                across(svg, area, scale.pixel(t.at()));
            }
            svg.close("g").newline();
        }
        if (showZeroLine() && settings.path("zeroline").asBoolean(true)) {
            svg.open("g", "class", id + "zeroline", "stroke", settings.path("zerolinecolor").asText(TEXT),
                    "stroke-width", Svg.num(settings.path("zerolinewidth").asDouble(1)));
            across(svg, area, scale.pixel(0));
            svg.close("g").newline();
        }
    }

    /**
     * plotly's rule for the zero line: on a linear axis whose range holds zero, except at the very edge
     * when bars or fills grow from zero there.
     */
    private boolean showZeroLine() {
        if (scale.kind != Scale.Kind.LINEAR || scale.lo() > 0 || scale.hi() < 0) {
            return false;
        }
        double edge = (scale.hi() - scale.lo()) * 1e-3;
        boolean atEdge = scale.lo() > -edge || scale.hi() < edge;
        return !(atEdge && scale.anchoredAtZero());
    }

    /** The axis line (if {@code showline}), tick marks and tick labels, drawn above the traces. */
    void drawTicks(Svg svg, Area area) {
        if (!visible()) {
            return;
        }
        double edge = vertical() ? (onRight() ? area.right() : area.left()) : area.bottom();
        int outward = vertical() && !onRight() ? -1 : 1;
        if (settings.path("showline").asBoolean(false)) {
            svg.open("g", "class", id + "line", "stroke", settings.path("linecolor").asText(TEXT), "stroke-width", "1");
            if (vertical()) {
                svg.empty("line", "x1", Svg.num(edge), "y1", Svg.num(area.top()), "x2", Svg.num(edge),
                        "y2", Svg.num(area.bottom()));
            } else {
                svg.empty("line", "x1", Svg.num(area.left()), "y1", Svg.num(edge), "x2", Svg.num(area.right()),
                        "y2", Svg.num(edge));
            }
            svg.close("g");
        }
        String marks = settings.path("ticks").asText(nextToHeatmap ? "outside" : "");
        double length = marks.isEmpty() ? 0 : settings.path("ticklen").asDouble(5);
        svg.open("g", "class", id + "tick", "font-size", "12", "fill", settings.path("tickfont").path("color")
                .asText(TEXT));
        if (length > 0) {
            double tipOffset = (marks.equals("outside") ? outward : -outward) * length;
            tickMarks(svg, edge, edge + tipOffset, settings.path("tickcolor").asText(TEXT));
        }
        if (settings.path("showticklabels").asBoolean(true)) {
            tickLabels(svg, area, edge + outward * (marks.equals("outside") ? length : 0));
        }
        svg.close("g").newline();
    }

    /** A short line across the axis at each tick, from {@code edge} to {@code tip} (pixels). */
    private void tickMarks(Svg svg, double edge, double tip, String color) {
        for (Ticks.Tick t : ticks) {
            double p = scale.pixel(t.at());
            if (vertical()) {
                svg.empty("line", "x1", Svg.num(edge), "y1", Svg.num(p), "x2", Svg.num(tip), "y2", Svg.num(p),
                        "stroke", color);
            } else {
                svg.empty("line", "x1", Svg.num(p), "y1", Svg.num(edge), "x2", Svg.num(p), "y2", Svg.num(tip),
                        "stroke", color);
            }
        }
    }

    /**
     * The tick labels beyond {@code start} (pixels: the axis edge, or the tips of outside tick marks):
     * right-aligned left of a y axis, left-aligned right of a y2 axis, centred below an x axis, or
     * rotated by 30° when they would not fit side by side.
     */
    private void tickLabels(Svg svg, Area area, double start) {
        boolean rotate = !vertical() && longestLabel() * 7 > area.width() / Math.max(1, ticks.size());
        for (Ticks.Tick t : ticks) {
            double p = scale.pixel(t.at());
            String size = t.size() == 1 ? null : Svg.num(12 * t.size());
            if (vertical()) {
                double x = start + (onRight() ? 3 : -3);
                svg.element("text", shorten(t.label(), 12), "x", Svg.num(x), "y", Svg.num(p),
                        "text-anchor", onRight() ? "start" : "end", "dy", "0.35em", "font-size", size);
            } else if (rotate) {
                double y = start + 12;
                svg.element("text", shorten(t.label(), 18), "x", Svg.num(p), "y", Svg.num(y), "text-anchor", "end",
                        "font-size", size, "transform", "rotate(-30 " + Svg.num(p) + " " + Svg.num(y) + ")");
            } else {
                svg.element("text", t.label(), "x", Svg.num(p), "y", Svg.num(start + 16), "text-anchor", "middle",
                        "font-size", size);
            }
        }
    }

    /** The axis title: below an x axis, beside a y axis (rotated to read upwards). */
    void drawTitle(Svg svg, Area area, double canvasHeight) {
        String title = PlotText.title(settings.get("title"));
        if (!visible() || title.isEmpty()) {
            return;
        }
        String size = Svg.num(settings.path("title").path("font").path("size").asDouble(14));
        if (!vertical()) {
            svg.element("text", title, "class", "xtitle", "x", Svg.num((area.left() + area.right()) / 2),
                    "y", Svg.num(Math.min(canvasHeight - 8, area.bottom() + 48)), "text-anchor", "middle",
                    "font-size", size, "fill", TEXT).newline();
            return;
        }
        double labels = settings.path("showticklabels").asBoolean(true) ? longestLabel() * 6.6 : 0;
        double gap = labels + 20;
        double x = onRight() ? area.right() + gap + 6 : Math.max(12, area.left() - gap);
        double y = (area.top() + area.bottom()) / 2;
        svg.element("text", title, "class", id + "title", "x", Svg.num(x), "y", Svg.num(y), "text-anchor", "middle",
                "font-size", size, "fill", TEXT, "transform", "rotate(-90 " + Svg.num(x) + " " + Svg.num(y) + ")")
                .newline();
    }

    private int longestLabel() {
        int longest = 0;
        for (Ticks.Tick t : ticks) {
            longest = Math.max(longest, t.label().length());
        }
        return longest;
    }

    /** A line across the plot area at pixel {@code p} along this axis. */
    private void across(Svg svg, Area area, double p) {
        if (vertical()) {
            svg.empty("line", "x1", Svg.num(area.left()), "y1", Svg.num(p), "x2", Svg.num(area.right()),
                    "y2", Svg.num(p));
        } else {
            svg.empty("line", "x1", Svg.num(p), "y1", Svg.num(area.top()), "x2", Svg.num(p),
                    "y2", Svg.num(area.bottom()));
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
