package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How data values map to pixels along one axis of the SVG preview.
 *
 * <p>Positions are computed in "axis units": the value itself on a linear axis, log₁₀ of the value
 * on a log axis, the category's index on a category axis (Plotly's convention too: the {@code range}
 * of a log axis is given in log₁₀ units). The range is collected from the traces ({@link #include}),
 * then fixed by {@link #fit}, then mapped onto pixels by {@link #pixels}. A reversed axis (a
 * {@code range} written high to low, or {@code autorange: 'reversed'}) maps its high end where the
 * low end would go.
 *
 * <p>The automatic range is plotly's: each trace asks for some free space beyond its own extreme
 * points ({@link #padding}, e.g. 5 % of the axis for markers, none for a line), and the range is the
 * smallest that gives every extreme point its space. So a line from x = 0 starts at the left edge even
 * when another trace's markers, further in, want padding.
 */
final class Scale {
    /** How values are placed along the axis. */
    enum Kind { LINEAR, LOG, CATEGORY }

    final Kind kind;
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    /** The smallest and largest position included with each padding: padding → {min, max}. */
    private final Map<Double, double[]> extremes = new TreeMap<>();
    private double padding;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private boolean anchoredAtZero;
    private boolean reversed;
    private double pixelLo;
    private double pixelHi;

    Scale(Kind kind) {
        this.kind = kind;
    }

    /** Registers a category (category axes only); the first seen comes first. */
    void addCategory(String category) {
        categories.putIfAbsent(category, categories.size());
    }

    /** The categories in axis order. */
    List<String> categories() {
        return new ArrayList<>(categories.keySet());
    }

    /** The position of a data value in axis units, or NaN when it cannot be placed. */
    double position(JsonNode value) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (kind == Kind.CATEGORY) {
            Integer index = categories.get(value.asText());
            return index == null ? Double.NaN : index;
        }
        return position(number(value));
    }

    /** The position of a number in axis units (NaN for non-positive numbers on a log axis). */
    double position(double value) {
        if (kind == Kind.LOG) {
            return value > 0 ? Math.log10(value) : Double.NaN;
        }
        return value;
    }

    /**
     * Sets the free space that the positions included from now on want beyond them, as a fraction of
     * the final range (plotly pads markers by 5 % of the axis, lines not at all).
     */
    void padding(double fraction) {
        padding = fraction;
    }

    /** Widens the range to contain {@code at} (axis units); NaN and infinities are ignored. */
    void include(double at) {
        if (Double.isFinite(at)) {
            lo = Math.min(lo, at);
            hi = Math.max(hi, at);
            double pad = anchoredAtZero && at == 0 ? 0 : padding;
            double[] e = extremes.computeIfAbsent(pad, p -> new double[] {at, at});
            e[0] = Math.min(e[0], at);
            e[1] = Math.max(e[1], at);
        }
    }

    /**
     * Bars, histograms and fills grow from zero: the range includes zero, and zero gets no padding, so
     * it stays an edge of the range when all values lie on one side.
     */
    void anchorAtZero() {
        if (kind == Kind.LINEAR) {
            anchoredAtZero = true;
            include(0);
        }
    }

    /**
     * Fixes the range from the axis settings of the layout: its {@code range} {@code [from, to]} (axis
     * units; {@code from > to} reverses the axis) unless {@code autorange} is {@code true} or
     * {@code 'reversed'}; otherwise the collected extent with the padding each point asked for (not
     * beyond a zero anchor), or ± 1 around a single value.
     */
    void fit(JsonNode axis) {
        JsonNode autorange = axis.path("autorange");
        boolean auto = autorange.isBoolean() && autorange.booleanValue();
        if (autorange.asText().equals("reversed")) {
            auto = true;
            reversed = true;
        }
        JsonNode range = axis.get("range");
        if (!auto && range != null && range.isArray() && range.size() == 2) {
            double from = number(range.get(0));
            double to = number(range.get(1));
            if (Double.isFinite(from) && Double.isFinite(to) && from != to) {
                lo = Math.min(from, to);
                hi = Math.max(from, to);
                reversed = from > to;
                return;
            }
        }
        if (kind == Kind.CATEGORY) {
            lo = -0.5;
            hi = Math.max(categories.size(), 1) - 0.5;
            return;
        }
        if (!(lo <= hi)) {
            lo = -1;
            hi = 6;
            return;
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
            return;
        }
        double span = Double.NEGATIVE_INFINITY;
        double from = lo;
        double to = hi;
        for (Map.Entry<Double, double[]> low : extremes.entrySet()) {
            for (Map.Entry<Double, double[]> high : extremes.entrySet()) {
                double free = 1 - low.getKey() - high.getKey();
                double needed = (high.getValue()[1] - low.getValue()[0]) / Math.max(free, 0.1);
                if (needed > span) {
                    span = needed;
                    from = low.getValue()[0] - low.getKey() * needed;
                    to = high.getValue()[1] + high.getKey() * needed;
                }
            }
        }
        if (anchoredAtZero && lo >= 0) {
            from = Math.max(from, 0);
        }
        if (anchoredAtZero && hi <= 0) {
            to = Math.min(to, 0);
        }
        lo = from;
        hi = to;
    }

    /**
     * Maps the fitted range onto pixels: {@code lo} to {@code start}, {@code hi} to {@code end}, or the
     * other way round on a reversed axis. For a y axis, {@code start} is the bottom of the plot area.
     */
    void pixels(double start, double end) {
        this.pixelLo = reversed ? end : start;
        this.pixelHi = reversed ? start : end;
    }

    /** The pixel of a position in axis units. */
    double pixel(double at) {
        return pixelLo + (at - lo) / (hi - lo) * (pixelHi - pixelLo);
    }

    /** The position in axis units at a pixel: the inverse of {@link #pixel(double)}. */
    double at(double pixel) {
        return lo + (pixel - pixelLo) / (pixelHi - pixelLo) * (hi - lo);
    }

    /** Whether bars, histograms or fills anchored the range at zero ({@link #anchorAtZero}). */
    boolean anchoredAtZero() {
        return anchoredAtZero;
    }

    /** The lower end of the fitted range, in axis units. */
    double lo() {
        return lo;
    }

    /** The upper end of the fitted range, in axis units. */
    double hi() {
        return hi;
    }

    /** Whether a position in axis units lies within the fitted range. */
    boolean contains(double at) {
        double slack = (hi - lo) * 1e-9;
        return at >= lo - slack && at <= hi + slack;
    }

    /** A JSON value as a number: numbers, and strings that read as numbers; NaN otherwise. */
    static double number(JsonNode value) {
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            String s = value.textValue().trim();
            if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
