package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the SVG preview draws each kind of Plotly trace: the common part of every trace ({@link Mark}),
 * bars, histograms and box plots. Scatter traces ({@link Scatter}) and heatmaps ({@link Heatmap}) have
 * their own files.
 */
final class Marks {
    /** Plotly's default trace colours, in order. */
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private Marks() {
    }

    /** The mark that draws {@code trace}, the {@code index}-th trace of the figure. */
    static Mark of(ObjectNode trace, int index) {
        String type = trace.path("type").asText("scatter").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "scatter", "scattergl" -> new Scatter(trace, index, type);
            case "bar" -> new Bar(trace, index, type);
            case "histogram" -> new Histogram(trace, index, type);
            case "heatmap", "contour", "heatmapgl" -> new Heatmap(trace, index, type);
            case "box" -> new Box(trace, index, type);
            default -> new Unsupported(trace, index, type);
        };
    }

    /**
     * One trace of the preview, with what all traces share: name, visibility, colour (its own, or the
     * next of plotly's palette), {@code opacity}, the y axis it is drawn against and its legend entry.
     */
    abstract static class Mark {
        final ObjectNode trace;
        final int index;
        final String type;
        final String name;
        final boolean visible;
        final String color;
        final double opacity;

        Mark(ObjectNode trace, int index, String type) {
            this.trace = trace;
            this.index = index;
            this.type = type;
            this.name = PlotText.plain(trace.path("name").asText(""));
            String v = trace.path("visible").asText("true");
            this.visible = !v.equals("false") && !v.equals("legendonly");
            this.color = colorOf(trace, PALETTE[index % PALETTE.length]);
            double o = Scale.number(trace.get("opacity"));
            this.opacity = o >= 0 && o <= 1 ? o : 1;
        }

        /** Adds the values this trace places on each axis (used to choose category or numeric axes). */
        abstract void collect(List<JsonNode> xValues, List<JsonNode> yValues);

        /** Widens the scales to contain the trace. */
        abstract void extend(Scale x, Scale y);

        /** Draws the trace's marks. */
        abstract void draw(Svg svg, Scale x, Scale y);

        /** Free space the trace wants beyond its extreme x values, as a fraction of the x range. */
        double padX() {
            return 0;
        }

        /** Free space the trace wants beyond its extreme y values, as a fraction of the y range. */
        double padY() {
            return 0.05;
        }

        /** Further free space beyond the trace's extreme points in pixels, on both axes (half a marker). */
        double padPixels() {
            return 0;
        }

        /** Whether the trace is placed on x/y axes at all. */
        boolean usesAxes() {
            return true;
        }

        /** Whether the trace is drawn against the right-hand y axis ({@code yaxis: 'y2'}). */
        boolean onY2() {
            return trace.path("yaxis").asText("y").equals("y2");
        }

        /** Whether the trace is a heatmap-like trace that needs a colour bar. */
        ColorBar colorBar() {
            return null;
        }

        /** Whether the trace has an entry in the legend, when the figure shows one. */
        boolean inLegend() {
            return !trace.path("visible").asText("true").equals("false")
                    && !trace.path("showlegend").asText("true").equals("false");
        }

        /** The legend's text for the trace: its name, or plotly's "trace i". */
        String legendName() {
            return name.isEmpty() ? "trace " + index : name;
        }

        /** Draws the small legend symbol centred on (x, y). */
        void legendSymbol(Svg svg, double x, double y) {
            svg.empty("rect", "x", Svg.num(x - 7), "y", Svg.num(y - 5), "width", "14", "height", "10",
                    "fill", color);
        }

        /** The {@code <g>} that holds the trace (with the trace's opacity); tests count these. */
        void openGroup(Svg svg) {
            svg.open("g", "class", "trace " + type, "data-index", Integer.toString(index),
                    "data-name", name.isEmpty() ? null : name, "opacity", opacity < 1 ? Svg.num2(opacity) : null);
        }
    }

    /** A colour range for heatmaps: the values that map to the ends of the colour scale. */
    record ColorBar(double min, double max, ColorScale scale) {
    }

    /** Vertical or horizontal bars from zero. */
    static final class Bar extends Mark {
        private final boolean horizontal;
        private final JsonNode positions;
        private final JsonNode values;
        private int slot;
        private int slots = 1;

        Bar(ObjectNode trace, int index, String type) {
            super(trace, index, type);
            horizontal = trace.path("orientation").asText("v").equals("h");
            positions = trace.get(horizontal ? "y" : "x");
            values = trace.get(horizontal ? "x" : "y");
        }

        /** Places this bar trace in slot {@code slot} of {@code slots} side-by-side groups. */
        void group(int slot, int slots) {
            this.slot = slot;
            this.slots = slots;
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
            addAll(horizontal ? yValues : xValues, positions);
            addAll(horizontal ? xValues : yValues, values);
        }

        @Override
        void extend(Scale x, Scale y) {
            Scale pos = horizontal ? y : x;
            Scale val = horizontal ? x : y;
            double half = width(pos) / 2;
            val.anchorAtZero();
            for (int i = 0; i < size(values); i++) {
                double p = at(pos, positions, i);
                double v = at(val, values, i);
                if (Double.isFinite(p) && Double.isFinite(v)) {
                    pos.include(p - half);
                    pos.include(p + half);
                    val.include(v);
                }
            }
        }

        @Override
        double padX() {
            return horizontal ? 0.05 : 0;
        }

        @Override
        double padY() {
            return horizontal ? 0 : 0.05;
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
            Scale pos = horizontal ? y : x;
            Scale val = horizontal ? x : y;
            double band = width(pos);
            double w = band / slots;
            double base = val.kind == Scale.Kind.LOG ? val.lo() : Math.max(val.lo(), Math.min(val.hi(), 0));
            for (int i = 0; i < size(values); i++) {
                double p = at(pos, positions, i);
                double v = at(val, values, i);
                if (!Double.isFinite(p) || !Double.isFinite(v)) {
                    continue;
                }
                double from = p - band / 2 + slot * w;
                rect(svg, horizontal, pos.pixel(from), pos.pixel(from + w), val.pixel(base), val.pixel(v), color);
            }
        }

        /** Bar width in axis units: 0.8 of the smallest gap between neighbouring positions. */
        private double width(Scale pos) {
            if (pos.kind == Scale.Kind.CATEGORY) {
                return 0.8;
            }
            double[] p = new double[size(positions)];
            int n = 0;
            for (int i = 0; i < p.length; i++) {
                double v = at(pos, positions, i);
                if (Double.isFinite(v)) {
                    p[n++] = v;
                }
            }
            return 0.8 * smallestGap(Arrays.copyOf(p, n));
        }
    }

    /** A histogram of {@code x}: counted here into bins, or per category for text values. */
    static final class Histogram extends Mark {
        private final double[] edges;
        private final double[] heights;
        private final Map<String, Double> categoryHeights;

        Histogram(ObjectNode trace, int index, String type) {
            super(trace, index, type);
            JsonNode xs = trace.get("x");
            boolean text = false;
            for (int i = 0; i < size(xs); i++) {
                JsonNode v = xs.get(i);
                text |= v.isTextual() && Double.isNaN(Scale.number(v));
            }
            String norm = trace.path("histnorm").asText("");
            if (text) {
                Map<String, Double> counts = new LinkedHashMap<>();
                for (JsonNode v : xs) {
                    if (!v.isNull()) {
                        counts.merge(v.asText(), 1.0, Double::sum);
                    }
                }
                double total = size(xs);
                counts.replaceAll((k, c) -> normalise(c, total, 1, norm));
                categoryHeights = counts;
                edges = new double[0];
                heights = new double[0];
                return;
            }
            List<Double> numbers = new ArrayList<>();
            for (int i = 0; i < size(xs); i++) {
                double d = Scale.number(xs.get(i));
                if (Double.isFinite(d)) {
                    numbers.add(d);
                }
            }
            categoryHeights = null;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : numbers) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            if (numbers.isEmpty()) {
                edges = new double[0];
                heights = new double[0];
                return;
            }
            int requested = trace.path("nbinsx").asInt(0);
            int target = requested > 0 ? requested : (int) Math.max(5, Math.min(50, Math.round(Math.sqrt(numbers.size()))));
            double size = max > min ? Ticks.autoStep((max - min) / target) : 1;
            double start = Math.floor(min / size) * size;
            int bins = Math.max(1, (int) Math.floor((max - start) / size) + 1);
            edges = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                edges[b] = start + b * size;
            }
            heights = new double[bins];
            for (double d : numbers) {
                heights[Math.min(bins - 1, (int) Math.floor((d - start) / size))] += 1;
            }
            for (int b = 0; b < bins; b++) {
                heights[b] = normalise(heights[b], numbers.size(), size, norm);
            }
        }

        private static double normalise(double count, double total, double binWidth, String norm) {
            return switch (norm) {
                case "percent" -> 100 * count / total;
                case "probability" -> count / total;
                case "density" -> count / binWidth;
                case "probability density" -> count / (total * binWidth);
                default -> count;
            };
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
            if (categoryHeights != null) {
                for (String c : categoryHeights.keySet()) {
                    xValues.add(TextNode.valueOf(c));
                }
            }
        }

        @Override
        void extend(Scale x, Scale y) {
            y.anchorAtZero();
            if (categoryHeights != null) {
                for (Map.Entry<String, Double> e : categoryHeights.entrySet()) {
                    double p = x.position(TextNode.valueOf(e.getKey()));
                    x.include(p - 0.5);
                    x.include(p + 0.5);
                    y.include(y.position(e.getValue()));
                }
                return;
            }
            for (int b = 0; b < heights.length; b++) {
                x.include(x.position(edges[b]));
                x.include(x.position(edges[b + 1]));
                y.include(y.position(heights[b]));
            }
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
            double base = y.kind == Scale.Kind.LOG ? y.lo() : Math.max(y.lo(), Math.min(y.hi(), 0));
            if (categoryHeights != null) {
                for (Map.Entry<String, Double> e : categoryHeights.entrySet()) {
                    double p = x.position(TextNode.valueOf(e.getKey()));
                    double h = y.position(e.getValue());
                    if (Double.isFinite(p) && Double.isFinite(h)) {
                        rect(svg, false, x.pixel(p - 0.5), x.pixel(p + 0.5), y.pixel(base), y.pixel(h), color);
                    }
                }
                return;
            }
            for (int b = 0; b < heights.length; b++) {
                double from = x.position(edges[b]);
                double to = x.position(edges[b + 1]);
                double h = y.position(heights[b]);
                if (Double.isFinite(from) && Double.isFinite(to) && Double.isFinite(h) && heights[b] != 0) {
                    rect(svg, false, x.pixel(from), x.pixel(to), y.pixel(base), y.pixel(h), color);
                }
            }
        }
    }

    /** Box plots: one box per category of {@code x} (or one per trace), with 1.5 IQR whiskers. */
    static final class Box extends Mark {
        private final Map<String, double[]> groups = new LinkedHashMap<>();

        Box(ObjectNode trace, int index, String type) {
            super(trace, index, type);
            JsonNode xs = trace.get("x");
            JsonNode ys = trace.get("y");
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (int i = 0; i < size(ys); i++) {
                double v = Scale.number(ys.get(i));
                if (!Double.isFinite(v)) {
                    continue;
                }
                String key = xs != null && i < size(xs) ? xs.get(i).asText() : defaultCategory();
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            }
            for (Map.Entry<String, List<Double>> e : values.entrySet()) {
                double[] sorted = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                groups.put(e.getKey(), sorted);
            }
        }

        private String defaultCategory() {
            return name.isEmpty() ? "trace " + index : name;
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
            for (String key : groups.keySet()) {
                xValues.add(TextNode.valueOf(key));
            }
        }

        @Override
        void extend(Scale x, Scale y) {
            for (Map.Entry<String, double[]> e : groups.entrySet()) {
                double p = x.position(TextNode.valueOf(e.getKey()));
                x.include(p - 0.5);
                x.include(p + 0.5);
                double[] v = e.getValue();
                y.include(y.position(v[0]));
                y.include(y.position(v[v.length - 1]));
            }
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
            for (Map.Entry<String, double[]> e : groups.entrySet()) {
                double p = x.position(TextNode.valueOf(e.getKey()));
                double[] v = e.getValue();
                double q1 = quantile(v, 0.25);
                double median = quantile(v, 0.5);
                double q3 = quantile(v, 0.75);
                double iqr = q3 - q1;
                double low = q1;
                double high = q3;
                for (double d : v) {
                    if (d >= q1 - 1.5 * iqr) {
                        low = Math.min(low, d);
                    }
                    if (d <= q3 + 1.5 * iqr) {
                        high = Math.max(high, d);
                    }
                }
                double left = x.pixel(p - 0.3);
                double right = x.pixel(p + 0.3);
                double mid = x.pixel(p);
                double yq1 = y.pixel(y.position(q1));
                double yq3 = y.pixel(y.position(q3));
                svg.empty("rect", "x", Svg.num(Math.min(left, right)), "y", Svg.num(Math.min(yq1, yq3)),
                        "width", Svg.num(Math.abs(right - left)), "height", Svg.num(Math.abs(yq1 - yq3)),
                        "fill", color, "fill-opacity", "0.5", "stroke", color, "stroke-width", "2");
                double ym = y.pixel(y.position(median));
                svg.empty("line", "x1", Svg.num(left), "y1", Svg.num(ym), "x2", Svg.num(right), "y2", Svg.num(ym),
                        "stroke", color, "stroke-width", "2");
                whisker(svg, mid, yq1, y.pixel(y.position(low)), left, right);
                whisker(svg, mid, yq3, y.pixel(y.position(high)), left, right);
                for (double d : v) {
                    if (d < low || d > high) {
                        svg.empty("circle", "cx", Svg.num(mid), "cy", Svg.num(y.pixel(y.position(d))), "r", "3",
                                "fill", "none", "stroke", color);
                    }
                }
            }
        }

        private void whisker(Svg svg, double mid, double from, double to, double left, double right) {
            if (!Double.isFinite(to)) {
                return;
            }
            double quarter = (right - left) / 4;
            svg.empty("line", "x1", Svg.num(mid), "y1", Svg.num(from), "x2", Svg.num(mid), "y2", Svg.num(to),
                    "stroke", color, "stroke-width", "2");
            svg.empty("line", "x1", Svg.num(mid - quarter), "y1", Svg.num(to), "x2", Svg.num(mid + quarter),
                    "y2", Svg.num(to), "stroke", color, "stroke-width", "2");
        }

        /** Linear interpolation between order statistics of sorted values. */
        private static double quantile(double[] sorted, double q) {
            double at = q * (sorted.length - 1);
            int i = (int) Math.floor(at);
            int j = Math.min(sorted.length - 1, i + 1);
            return sorted[i] + (at - i) * (sorted[j] - sorted[i]);
        }
    }

    /** Trace types the preview does not draw (pie, 3-D, violin…): plotly.js draws them when it runs. */
    static final class Unsupported extends Mark {
        Unsupported(ObjectNode trace, int index, String type) {
            super(trace, index, type);
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
        }

        @Override
        void extend(Scale x, Scale y) {
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
        }

        @Override
        boolean usesAxes() {
            return false;
        }
    }

    /** A bar from {@code base} to {@code value} (pixels), across {@code from}–{@code to} (pixels). */
    static void rect(Svg svg, boolean horizontal, double from, double to, double base, double value, String fill) {
        double a = Math.min(from, to);
        double across = Math.abs(to - from);
        double b = Math.min(base, value);
        double along = Math.abs(value - base);
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return;
        }
        if (horizontal) {
            svg.empty("rect", "x", Svg.num(b), "y", Svg.num(a), "width", Svg.num(along), "height", Svg.num(across),
                    "fill", fill);
        } else {
            svg.empty("rect", "x", Svg.num(a), "y", Svg.num(b), "width", Svg.num(across), "height", Svg.num(along),
                    "fill", fill);
        }
    }

    /** The position of element {@code i} of {@code values} in axis units; the index when there are none. */
    static double at(Scale scale, JsonNode values, int i) {
        if (values == null || !values.isArray()) {
            return scale.kind == Scale.Kind.CATEGORY ? Double.NaN : scale.position(i);
        }
        return i < values.size() ? scale.position(values.get(i)) : Double.NaN;
    }

    static int size(JsonNode array) {
        return array != null && array.isArray() ? array.size() : 0;
    }

    static void addAll(List<JsonNode> out, JsonNode array) {
        if (array != null && array.isArray()) {
            for (JsonNode v : array) {
                out.add(v);
            }
        }
    }

    /** The smallest positive gap between sorted distinct values; 1 when there is none. */
    static double smallestGap(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[i - 1]) {
                gap = Math.min(gap, v[i] - v[i - 1]);
            }
        }
        return Double.isFinite(gap) ? gap : 1;
    }

    /** The trace's single colour (marker, then line), if it names one; {@code fallback} otherwise. */
    static String colorOf(ObjectNode trace, String fallback) {
        for (JsonNode c : new JsonNode[] {trace.path("marker").path("color"), trace.path("line").path("color")}) {
            if (c.isTextual() && c.textValue().matches("[#a-zA-Z0-9(),.% ]{1,40}")) {
                return c.textValue();
            }
        }
        return fallback;
    }
}
