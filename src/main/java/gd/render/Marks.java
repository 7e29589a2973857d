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

/** How the SVG preview draws each kind of Plotly trace. */
final class Marks {
    /** Plotly's default trace colours, in order. */
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** Markers drawn per trace at most; longer traces show every k-th point. */
    static final int MAX_MARKERS = 2000;

    /** Heatmap cells per direction at most; larger grids are averaged in blocks. */
    static final int MAX_CELLS = 80;

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

    /** One trace of the preview. */
    abstract static class Mark {
        final ObjectNode trace;
        final int index;
        final String type;
        final String name;
        final boolean visible;
        final String color;

        Mark(ObjectNode trace, int index, String type) {
            this.trace = trace;
            this.index = index;
            this.type = type;
            this.name = PlotText.plain(trace.path("name").asText(""));
            String v = trace.path("visible").asText("true");
            this.visible = !v.equals("false") && !v.equals("legendonly");
            this.color = colorOf(trace, PALETTE[index % PALETTE.length]);
        }

        /** Adds the values this trace places on each axis (used to choose category or numeric axes). */
        abstract void collect(List<JsonNode> xValues, List<JsonNode> yValues);

        /** Widens the scales to contain the trace. */
        abstract void extend(Scale x, Scale y);

        /** Draws the trace's marks. */
        abstract void draw(Svg svg, Scale x, Scale y);

        /** Fraction of the range added on each side of the x axis for this trace. */
        double padX() {
            return 0;
        }

        /** Fraction of the range added on each side of the y axis for this trace. */
        double padY() {
            return 0.05;
        }

        /** Whether the trace is placed on x/y axes at all. */
        boolean usesAxes() {
            return true;
        }

        /** Whether the trace is a heatmap-like trace that needs a colour bar. */
        ColorBar colorBar() {
            return null;
        }

        /** Draws the small legend symbol centred on (x, y). */
        void legendSymbol(Svg svg, double x, double y) {
            svg.empty("rect", "x", Svg.num(x - 7), "y", Svg.num(y - 5), "width", "14", "height", "10",
                    "fill", color);
        }

        /** The {@code <g>} that holds the trace; tests count these. */
        void openGroup(Svg svg) {
            svg.open("g", "class", "trace " + type, "data-index", Integer.toString(index),
                    "data-name", name.isEmpty() ? null : name);
        }
    }

    /** A colour range for heatmaps: the values that map to the ends of the colour scale. */
    record ColorBar(double min, double max, ColorScale scale) {
    }

    /** Lines and/or markers. */
    static final class Scatter extends Mark {
        private final boolean lines;
        private final boolean markers;
        private final JsonNode xs;
        private final JsonNode ys;
        private final int n;

        Scatter(ObjectNode trace, int index, String type) {
            super(trace, index, type);
            xs = trace.get("x");
            ys = trace.get("y");
            n = Math.max(size(xs), size(ys));
            String mode = trace.path("mode").asText(n <= 20 ? "lines+markers" : "lines");
            lines = mode.contains("lines");
            markers = mode.contains("markers");
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
            addAll(xValues, xs);
            addAll(yValues, ys);
        }

        @Override
        void extend(Scale x, Scale y) {
            for (int i = 0; i < n; i++) {
                double px = at(x, xs, i);
                double py = at(y, ys, i);
                if (Double.isFinite(px) && Double.isFinite(py)) {
                    x.include(px);
                    y.include(py);
                }
            }
        }

        @Override
        double padX() {
            return markers ? 0.05 : 0;
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = x.pixel(at(x, xs, i));
                py[i] = y.pixel(at(y, ys, i));
            }
            if (lines) {
                double width = trace.path("line").path("width").asDouble(2);
                String dash = switch (trace.path("line").path("dash").asText("solid")) {
                    case "dash" -> "6,4";
                    case "dot" -> "2,3";
                    case "dashdot" -> "6,3,2,3";
                    default -> null;
                };
                int start = -1;
                for (int i = 0; i <= n; i++) {
                    boolean ok = i < n && Double.isFinite(px[i]) && Double.isFinite(py[i]);
                    if (ok && start < 0) {
                        start = i;
                    } else if (!ok && start >= 0) {
                        svg.empty("polyline", "points", points(px, py, start, i), "fill", "none", "stroke", color,
                                "stroke-width", Svg.num(width), "stroke-dasharray", dash, "stroke-linejoin", "round");
                        start = -1;
                    }
                }
            }
            if (markers) {
                double r = trace.path("marker").path("size").asDouble(6) / 2;
                int every = Math.max(1, (int) Math.ceil(n / (double) MAX_MARKERS));
                for (int i = 0; i < n; i += every) {
                    if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                        svg.empty("circle", "cx", Svg.num(px[i]), "cy", Svg.num(py[i]), "r", Svg.num(r),
                                "fill", color);
                    }
                }
            }
        }

        @Override
        void legendSymbol(Svg svg, double x, double y) {
            if (lines) {
                svg.empty("line", "x1", Svg.num(x - 10), "y1", Svg.num(y), "x2", Svg.num(x + 10), "y2", Svg.num(y),
                        "stroke", color, "stroke-width", "2");
            }
            if (markers) {
                svg.empty("circle", "cx", Svg.num(x), "cy", Svg.num(y), "r", "3", "fill", color);
            }
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
            double size = max > min ? Scale.niceStep((max - min) / target) : 1;
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

    /** A grid of coloured cells; contour traces are drawn the same way, in a few colour steps. */
    static final class Heatmap extends Mark {
        private final double[][] z;
        private final JsonNode xs;
        private final JsonNode ys;
        private final int rows;
        private final int cols;
        private final ColorBar colorBar;

        Heatmap(ObjectNode trace, int index, String type) {
            super(trace, index, type);
            JsonNode zNode = trace.get("z");
            rows = size(zNode);
            int c = 0;
            for (int r = 0; r < rows; r++) {
                c = Math.max(c, size(zNode.get(r)));
            }
            cols = c;
            z = new double[rows][cols];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    double v = k < size(zNode.get(r)) ? Scale.number(zNode.get(r).get(k)) : Double.NaN;
                    z[r][k] = v;
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (trace.path("zmin").isNumber()) {
                min = trace.get("zmin").doubleValue();
            }
            if (trace.path("zmax").isNumber()) {
                max = trace.get("zmax").doubleValue();
            }
            xs = trace.get("x");
            ys = trace.get("y");
            boolean reverse = trace.path("reversescale").asBoolean(false);
            colorBar = min <= max ? new ColorBar(min, max, ColorScale.of(trace.get("colorscale"), reverse)) : null;
        }

        @Override
        void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
            addAll(xValues, xs);
            addAll(yValues, ys);
        }

        @Override
        void extend(Scale x, Scale y) {
            double[] xe = edges(x, xs, cols);
            double[] ye = edges(y, ys, rows);
            for (double e : xe) {
                x.include(e);
            }
            for (double e : ye) {
                y.include(e);
            }
        }

        @Override
        double padY() {
            return 0;
        }

        @Override
        ColorBar colorBar() {
            return colorBar;
        }

        @Override
        void draw(Svg svg, Scale x, Scale y) {
            if (colorBar == null || rows == 0 || cols == 0) {
                return;
            }
            double[] xe = edges(x, xs, cols);
            double[] ye = edges(y, ys, rows);
            int rowStep = (int) Math.ceil(rows / (double) MAX_CELLS);
            int colStep = (int) Math.ceil(cols / (double) MAX_CELLS);
            boolean contour = type.equals("contour");
            double span = colorBar.max() - colorBar.min();
            for (int r = 0; r < rows; r += rowStep) {
                int r2 = Math.min(rows, r + rowStep);
                for (int k = 0; k < cols; k += colStep) {
                    int k2 = Math.min(cols, k + colStep);
                    double v = blockMean(r, r2, k, k2);
                    if (!Double.isFinite(v) || !Double.isFinite(xe[k]) || !Double.isFinite(xe[k2])
                            || !Double.isFinite(ye[r]) || !Double.isFinite(ye[r2])) {
                        continue;
                    }
                    double f = span > 0 ? (v - colorBar.min()) / span : 0.5;
                    if (contour) {
                        f = Math.min(1, Math.floor(f * 10) / 9.0);
                    }
                    double x0 = x.pixel(xe[k]);
                    double x1 = x.pixel(xe[k2]);
                    double y0 = y.pixel(ye[r]);
                    double y1 = y.pixel(ye[r2]);
                    svg.empty("rect", "x", Svg.num(Math.min(x0, x1)), "y", Svg.num(Math.min(y0, y1)),
                            "width", Svg.num(Math.abs(x1 - x0) + 0.5), "height", Svg.num(Math.abs(y1 - y0) + 0.5),
                            "fill", colorBar.scale().color(f));
                }
            }
        }

        private double blockMean(int r0, int r1, int k0, int k1) {
            double sum = 0;
            int count = 0;
            for (int r = r0; r < r1; r++) {
                for (int k = k0; k < k1; k++) {
                    if (Double.isFinite(z[r][k])) {
                        sum += z[r][k];
                        count++;
                    }
                }
            }
            return count == 0 ? Double.NaN : sum / count;
        }

        /**
         * Cell edges in axis units for {@code n} cells: given directly when there are n + 1 coordinates,
         * else halfway between neighbouring centres (the outer edges mirrored); index ± ½ without coordinates.
         */
        private static double[] edges(Scale scale, JsonNode coords, int n) {
            double[] e = new double[n + 1];
            if (coords == null || size(coords) < n || n == 0) {
                for (int i = 0; i <= n; i++) {
                    e[i] = i - 0.5;
                }
                return e;
            }
            if (size(coords) > n && scale.kind != Scale.Kind.CATEGORY) {
                for (int i = 0; i <= n; i++) {
                    e[i] = scale.position(coords.get(i));
                }
                return e;
            }
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = scale.position(coords.get(i));
            }
            if (n == 1) {
                e[0] = c[0] - 0.5;
                e[1] = c[0] + 0.5;
                return e;
            }
            for (int i = 1; i < n; i++) {
                e[i] = (c[i - 1] + c[i]) / 2;
            }
            e[0] = c[0] - (e[1] - c[0]);
            e[n] = c[n - 1] + (c[n - 1] - e[n - 1]);
            return e;
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
