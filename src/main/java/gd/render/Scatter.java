package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scatter trace of the preview: a fill, lines, markers and text, in that order, as plotly draws them.
 *
 * <ul>
 *   <li>{@code mode}: any of {@code lines}, {@code markers}, {@code text} joined by '+' (plotly's default:
 *       lines+markers up to 20 points, lines above);</li>
 *   <li>lines: {@code line.color}, {@code line.width} (2), {@code line.dash} (solid, dot, dash, longdash,
 *       dashdot, longdashdot or a list of lengths); NaN values split the line;</li>
 *   <li>markers: {@code marker.symbol} (see {@link Symbols}), {@code marker.size} (6, or one per point),
 *       {@code marker.color} (one colour, or one colour string per point), {@code marker.opacity},
 *       {@code marker.line.color} and {@code .width} (the outline);</li>
 *   <li>text: {@code text} (one string, or one per point) at each point, placed by {@code textposition}
 *       (middle center) in {@code textfont.size} (12) and {@code .color} (#444);</li>
 *   <li>{@code fill}: {@code tozeroy}, {@code tozerox} or {@code toself}, in {@code fillcolor} (the trace's
 *       colour at half opacity).</li>
 * </ul>
 * A trace's markers of one colour are written as one {@code <path>}, so large point clouds stay small;
 * markers of different colours that overlap are therefore stacked by colour rather than point order.
 */
final class Scatter extends Marks.Mark {
    /** Markers drawn per trace at most; longer traces show every k-th point. */
    static final int MAX_MARKERS = 50_000;

    private final JsonNode xs;
    private final JsonNode ys;
    private final int n;
    private final boolean lines;
    private final boolean markers;
    private final boolean text;
    private final String lineColor;
    private final String fill;

    Scatter(ObjectNode trace, int index, String type) {
        super(trace, index, type);
        xs = trace.get("x");
        ys = trace.get("y");
        n = Math.max(Marks.size(xs), Marks.size(ys));
        String mode = trace.path("mode").asText(n <= 20 ? "lines+markers" : "lines");
        lines = mode.contains("lines");
        markers = mode.contains("markers");
        text = mode.contains("text");
        JsonNode ownLineColor = trace.path("line").path("color");
        lineColor = ownLineColor.isTextual() ? ownLineColor.textValue() : color;
        fill = trace.path("fill").asText("none");
    }

    @Override
    void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
        Marks.addAll(xValues, xs);
        Marks.addAll(yValues, ys);
    }

    @Override
    void extend(Scale x, Scale y) {
        if (fill.equals("tozeroy")) {
            y.anchorAtZero();
        } else if (fill.equals("tozerox")) {
            x.anchorAtZero();
        }
        for (int i = 0; i < n; i++) {
            double px = Marks.at(x, xs, i);
            double py = Marks.at(y, ys, i);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                x.include(px);
                y.include(py);
            }
        }
    }

    /** plotly pads the x range for markers and text, not for lines alone nor for a fill down to y = 0. */
    @Override
    double padX() {
        return (markers || text) && !fill.equals("tozeroy") ? 0.05 : 0;
    }

    @Override
    double padY() {
        return fill.equals("tozerox") ? 0 : 0.05;
    }

    @Override
    double padPixels() {
        if (!markers) {
            return 0;
        }
        JsonNode sizes = trace.path("marker").path("size");
        double largest = sizes.isArray() ? 0 : sizes.asDouble(6);
        for (int i = 0; i < sizes.size(); i++) {
            largest = Math.max(largest, Scale.number(sizes.get(i)));
        }
        return largest / 2;
    }

    @Override
    void draw(Svg svg, Scale x, Scale y) {
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = x.pixel(Marks.at(x, xs, i));
            py[i] = y.pixel(Marks.at(y, ys, i));
        }
        if (!fill.equals("none")) {
            drawFill(svg, x, y, px, py);
        }
        if (lines) {
            for (int[] run : runs(px, py)) {
                svg.empty("polyline", "points", points(px, py, run[0], run[1]), "fill", "none", "stroke", lineColor,
                        "stroke-width", Svg.num(lineWidth()), "stroke-dasharray", dash(), "stroke-linejoin", "round");
            }
        }
        if (markers) {
            drawMarkers(svg, px, py);
        }
        if (text) {
            drawText(svg, px, py);
        }
    }

    private double lineWidth() {
        return trace.path("line").path("width").asDouble(2);
    }

    /** The SVG dash array for {@code line.dash}, with plotly's lengths (relative to the line width). */
    private String dash() {
        double w = Math.max(lineWidth(), 3);
        String dash = trace.path("line").path("dash").asText("solid");
        return switch (dash) {
            case "solid", "" -> null;
            case "dot" -> lengths(w, w);
            case "dash" -> lengths(3 * w, 3 * w);
            case "longdash" -> lengths(5 * w, 5 * w);
            case "dashdot" -> lengths(3 * w, w, w, w);
            case "longdashdot" -> lengths(5 * w, 2 * w, w, 2 * w);
            default -> dash.matches("[0-9., px%]{1,60}") ? dash.replace("px", "") : null;
        };
    }

    private static String lengths(double... values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ",").append(Svg.num(v));
        }
        return b.toString();
    }

    /** The area between the line and zero ({@code tozeroy}, {@code tozerox}), or inside it ({@code toself}). */
    private void drawFill(Svg svg, Scale x, Scale y, double[] px, double[] py) {
        JsonNode ownFill = trace.get("fillcolor");
        String fillColor = ownFill != null && ownFill.isTextual() ? ownFill.textValue() : lineColor;
        String fillOpacity = ownFill != null && ownFill.isTextual() ? null : "0.5";
        double zeroY = y.pixel(y.kind == Scale.Kind.LINEAR ? Math.max(y.lo(), Math.min(y.hi(), 0)) : y.lo());
        double zeroX = x.pixel(x.kind == Scale.Kind.LINEAR ? Math.max(x.lo(), Math.min(x.hi(), 0)) : x.lo());
        for (int[] run : runs(px, py)) {
            String outline = points(px, py, run[0], run[1]);
            String polygon = switch (fill) {
                case "tozeroy" -> Svg.num(px[run[0]]) + "," + Svg.num(zeroY) + " " + outline + " "
                        + Svg.num(px[run[1] - 1]) + "," + Svg.num(zeroY);
                case "tozerox" -> Svg.num(zeroX) + "," + Svg.num(py[run[0]]) + " " + outline + " "
                        + Svg.num(zeroX) + "," + Svg.num(py[run[1] - 1]);
                case "toself" -> outline;
                default -> null;
            };
            if (polygon != null) {
                svg.empty("polygon", "class", "fill", "points", polygon, "fill", fillColor, "fill-opacity", fillOpacity,
                        "stroke", "none");
            }
        }
    }

    /** Markers grouped by fill colour, one {@code <path>} per colour. */
    private void drawMarkers(Svg svg, double[] px, double[] py) {
        JsonNode marker = trace.path("marker");
        String symbol = marker.path("symbol").asText("circle");
        String shape = Symbols.shape(symbol);
        boolean open = Symbols.open(symbol);
        JsonNode outline = marker.path("line");
        double outlineWidth = outline.path("width").asDouble(open ? 1 : 0);
        String outlineColor = outline.path("color").isTextual() ? outline.path("color").textValue() : null;
        JsonNode colors = marker.path("color");
        JsonNode sizes = marker.path("size");
        Map<String, StringBuilder> byColor = new LinkedHashMap<>();
        int every = Math.max(1, (int) Math.ceil(n / (double) MAX_MARKERS));
        for (int i = 0; i < n; i += every) {
            if (!Double.isFinite(px[i]) || !Double.isFinite(py[i])) {
                continue;
            }
            double size = sizes.isArray() ? Scale.number(sizes.get(i)) : sizes.asDouble(6);
            if (!(size > 0)) {
                continue;
            }
            String fill = colors.isArray() && colors.get(i) != null && colors.get(i).isTextual()
                    ? colors.get(i).textValue() : color;
            byColor.computeIfAbsent(fill, c -> new StringBuilder()).append(Symbols.path(shape, px[i], py[i], size / 2));
        }
        double markerOpacity = Scale.number(marker.get("opacity"));
        for (Map.Entry<String, StringBuilder> e : byColor.entrySet()) {
            String stroke = open ? (outlineColor != null ? outlineColor : e.getKey())
                    : outlineWidth > 0 && outlineColor != null ? outlineColor : null;
            svg.empty("path", "class", "markers", "d", e.getValue().toString(), "fill", open ? "none" : e.getKey(),
                    "stroke", stroke, "stroke-width", stroke == null ? null : Svg.num(Math.max(outlineWidth, 1)),
                    "opacity", markerOpacity >= 0 && markerOpacity < 1 ? Svg.num2(markerOpacity) : null);
        }
    }

    /** The text of each point at its position, e.g. a caption above an image or a count in a heatmap cell. */
    private void drawText(Svg svg, double[] px, double[] py) {
        JsonNode texts = trace.get("text");
        if (texts == null) {
            return;
        }
        JsonNode font = trace.path("textfont");
        double size = font.path("size").asDouble(12);
        String position = trace.path("textposition").asText("middle center");
        double r = markers ? trace.path("marker").path("size").asDouble(6) / 2 : 0;
        double dx = position.contains("left") ? -(r + 3) : position.contains("right") ? r + 3 : 0;
        String anchor = position.contains("left") ? "end" : position.contains("right") ? "start" : "middle";
        String dy = position.startsWith("top") ? Svg.num(-(r + 3)) : position.startsWith("bottom")
                ? Svg.num(r + 3 + 0.8 * size) : "0.35em";
        svg.open("g", "class", "text", "font-size", Svg.num(size), "fill", font.path("color").asText(Axis.TEXT),
                "text-anchor", anchor);
        for (int i = 0; i < n; i++) {
            String label = texts.isArray() ? (i < texts.size() ? texts.get(i).asText("") : "") : texts.asText("");
            if (Double.isFinite(px[i]) && Double.isFinite(py[i]) && !label.isEmpty()) {
                svg.element("text", PlotText.plain(label), "x", Svg.num(px[i] + dx), "y", Svg.num(py[i]), "dy", dy);
            }
        }
        svg.close("g");
    }

    @Override
    void legendSymbol(Svg svg, double x, double y) {
        if (!fill.equals("none")) {
            JsonNode ownFill = trace.get("fillcolor");
            svg.empty("rect", "x", Svg.num(x - 15), "y", Svg.num(y), "width", "30", "height", "6",
                    "fill", ownFill != null && ownFill.isTextual() ? ownFill.textValue() : lineColor,
                    "fill-opacity", ownFill != null && ownFill.isTextual() ? null : "0.5");
        }
        if (lines) {
            svg.empty("line", "x1", Svg.num(x - 15), "y1", Svg.num(y), "x2", Svg.num(x + 15), "y2", Svg.num(y),
                    "stroke", lineColor, "stroke-width", Svg.num(Math.min(lineWidth(), 5)), "stroke-dasharray", dash());
        }
        if (markers) {
            JsonNode marker = trace.path("marker");
            String symbol = marker.path("symbol").asText("circle");
            double size = Math.min(marker.path("size").isNumber() ? marker.get("size").asDouble() : 6, 16);
            boolean open = Symbols.open(symbol);
            JsonNode outline = marker.path("line");
            String outlineColor = outline.path("color").isTextual() ? outline.path("color").textValue() : null;
            boolean stroked = open || (outline.path("width").asDouble(0) > 0 && outlineColor != null);
            svg.empty("path", "d", Symbols.path(Symbols.shape(symbol), x, y, size / 2), "fill", open ? "none" : color,
                    "stroke", stroked ? (outlineColor != null ? outlineColor : color) : null);
        }
        if (text && !lines && !markers) {
            svg.element("text", "Aa", "x", Svg.num(x), "y", Svg.num(y), "dy", "0.35em", "text-anchor", "middle",
                    "fill", trace.path("textfont").path("color").asText(Axis.TEXT));
        }
    }

    /** The runs [from, to) of consecutive points with finite pixel positions. */
    private List<int[]> runs(double[] px, double[] py) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && Double.isFinite(px[i]) && Double.isFinite(py[i]);
            if (ok && start < 0) {
                start = i;
            } else if (!ok && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    /**
     * The points {@code from} … {@code to − 1} as an SVG list. Long lines (a loss per iteration) are
     * thinned: of consecutive points in the same pixel column only the first, the lowest, the highest
     * and the last are kept, which leaves the drawn shape unchanged.
     */
    private static String points(double[] px, double[] py, int from, int to) {
        StringBuilder out = new StringBuilder();
        boolean thin = to - from > 1000;
        int i = from;
        while (i < to) {
            int j = i;
            int low = i;
            int high = i;
            while (thin && j + 1 < to && Math.round(px[j + 1]) == Math.round(px[i])) {
                j++;
                low = py[j] < py[low] ? j : low;
                high = py[j] > py[high] ? j : high;
            }
            int last = -1;
            for (int k : new int[] {i, Math.min(low, high), Math.max(low, high), j}) {
                if (k != last) {
                    out.append(out.length() == 0 ? "" : " ").append(Svg.num(px[k])).append(',')
                            .append(Svg.num(py[k]));
                    last = k;
                }
            }
            i = j + 1;
        }
        return out.toString();
    }
}
