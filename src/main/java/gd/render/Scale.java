package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One axis of the SVG preview: how data values map to pixels, and where the ticks go.
 *
 * <p>Positions are computed in "axis units": the value itself on a linear axis, log₁₀ of the value
 * on a log axis, the category's index on a category axis. The range is collected from the traces
 * ({@link #include}), then fixed by {@link #fit}, then mapped onto pixels by {@link #pixels}.
 */
final class Scale {
    /** How values are placed along the axis. */
    enum Kind { LINEAR, LOG, CATEGORY }

    /** A tick: its position in axis units and its label. */
    record Tick(double at, String label) {
    }

    final Kind kind;
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private boolean anchoredAtZero;
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

    /** Widens the range to contain {@code at} (axis units); NaN and infinities are ignored. */
    void include(double at) {
        if (Double.isFinite(at)) {
            lo = Math.min(lo, at);
            hi = Math.max(hi, at);
        }
    }

    /** Bars and histograms grow from zero: the range keeps zero as an edge, without padding below it. */
    void anchorAtZero() {
        if (kind == Kind.LINEAR) {
            include(0);
            anchoredAtZero = true;
        }
    }

    /**
     * Fixes the range: an explicit {@code [from, to]} (axis units) when given, else the collected
     * extent, widened by {@code padFraction} on each side (not below a zero anchor).
     */
    void fit(JsonNode explicitRange, double padFraction) {
        if (explicitRange != null && explicitRange.isArray() && explicitRange.size() == 2
                && Double.isFinite(number(explicitRange.get(0))) && Double.isFinite(number(explicitRange.get(1)))
                && number(explicitRange.get(0)) != number(explicitRange.get(1))) {
            lo = Math.min(number(explicitRange.get(0)), number(explicitRange.get(1)));
            hi = Math.max(number(explicitRange.get(0)), number(explicitRange.get(1)));
            return;
        }
        if (kind == Kind.CATEGORY) {
            lo = -0.5;
            hi = Math.max(categories.size(), 1) - 0.5;
            return;
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
            return;
        }
        if (lo == hi) {
            double half = kind == Kind.LOG ? 0.5 : (lo == 0 ? 1 : Math.abs(lo) * 0.1);
            lo -= half;
            hi += half;
            return;
        }
        double pad = (hi - lo) * padFraction;
        if (!(anchoredAtZero && lo == 0)) {
            lo -= pad;
        }
        if (!(anchoredAtZero && hi == 0)) {
            hi += pad;
        }
    }

    /** Maps the fitted range onto pixels: {@code lo} to {@code pixelLo}, {@code hi} to {@code pixelHi}. */
    void pixels(double pixelLo, double pixelHi) {
        this.pixelLo = pixelLo;
        this.pixelHi = pixelHi;
    }

    /** The pixel of a position in axis units. */
    double pixel(double at) {
        return pixelLo + (at - lo) / (hi - lo) * (pixelHi - pixelLo);
    }

    /** The lower end of the fitted range, in axis units. */
    double lo() {
        return lo;
    }

    /** The upper end of the fitted range, in axis units. */
    double hi() {
        return hi;
    }

    /** Ticks for the fitted range: about six on numeric axes, at most twenty labels on a category axis. */
    List<Tick> ticks() {
        return switch (kind) {
            case CATEGORY -> categoryTicks();
            case LOG -> logTicks();
            case LINEAR -> linearTicks(lo, hi, false);
        };
    }

    private List<Tick> categoryTicks() {
        List<Tick> ticks = new ArrayList<>();
        List<String> names = categories();
        int every = Math.max(1, (int) Math.ceil(names.size() / 20.0));
        for (int i = 0; i < names.size(); i += every) {
            if (i >= lo && i <= hi) {
                ticks.add(new Tick(i, PlotText.plain(names.get(i))));
            }
        }
        return ticks;
    }

    private List<Tick> logTicks() {
        int first = (int) Math.ceil(lo - 1e-9);
        int last = (int) Math.floor(hi + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        if (last - first + 1 > 3) {
            int every = Math.max(1, (int) Math.ceil((last - first + 1) / 8.0));
            for (int k = first; k <= last; k += every) {
                ticks.add(new Tick(k, powerLabel(1, k)));
            }
            return ticks;
        }
        for (int k = first - 1; k <= last; k++) {
            for (int m : new int[] {1, 2, 5}) {
                double at = Math.log10(m) + k;
                if (at >= lo - 1e-9 && at <= hi + 1e-9) {
                    ticks.add(new Tick(at, powerLabel(m, k)));
                }
            }
        }
        return ticks.size() >= 2 ? ticks : linearTicks(Math.pow(10, lo), Math.pow(10, hi), true);
    }

    /** Nice ticks (steps of 1, 2 or 5 × 10ᵏ) on [from, to] in value units; mapped through log₁₀ if asked. */
    private static List<Tick> linearTicks(double from, double to, boolean log) {
        List<Tick> ticks = new ArrayList<>();
        double step = niceStep((to - from) / 6);
        if (!(step > 0) || !Double.isFinite(step)) {
            return ticks;
        }
        double first = Math.ceil(from / step - 1e-9) * step;
        for (int i = 0; i < 50; i++) {
            double v = first + i * step;
            if (v > to + step * 1e-9) {
                break;
            }
            if (Math.abs(v) < step * 1e-9) {
                v = 0;
            }
            if (!log || v > 0) {
                ticks.add(new Tick(log ? Math.log10(v) : v, label(v, step)));
            }
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, close to {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * power;
    }

    /** A tick label for {@code v} with as many digits as the step needs. */
    static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        int stepExponent = (int) Math.floor(Math.log10(step) + 1e-9);
        int valueExponent = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        if (Math.abs(v) >= 1e6 || stepExponent < -5) {
            int digits = Math.max(0, valueExponent - stepExponent);
            String mantissa = String.format(Locale.ROOT, "%." + digits + "f", v / Math.pow(10, valueExponent));
            return trimZeros(mantissa) + "e" + valueExponent;
        }
        int decimals = Math.max(0, -stepExponent);
        return trimZeros(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    /** "1.50" → "1.5", "2.0" → "2", "-0" → "0", as Plotly writes tick labels. */
    private static String trimZeros(String number) {
        String s = number;
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    /** The label of m·10ᵏ: plain decimal for moderate k, else {@code m e k}. */
    static String powerLabel(int m, int k) {
        if (k >= -4 && k <= 5) {
            return BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        return m + "e" + k;
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
