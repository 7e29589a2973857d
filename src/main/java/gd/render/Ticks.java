package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis of the SVG preview puts its ticks and how it labels them, following plotly.js's rules
 * so that the preview shows the same ticks as the interactive chart.
 *
 * <ul>
 *   <li>{@code tickvals}/{@code ticktext} ({@code tickmode: 'array'}): exactly those ticks and labels;</li>
 *   <li>{@code dtick} (and {@code tick0}, {@code tickmode: 'linear'}): ticks every dtick from tick0; on a
 *       log axis dtick counts decades, or is {@code "D1"} (1, 2, …, 9 in each decade), {@code "D2"} (1, 2, 5)
 *       or {@code "L<step>"} (evenly spaced values);</li>
 *   <li>otherwise plotly's automatic step: the axis gets about one tick per 80 pixels (x) or 40 pixels
 *       (y), at least 5 and at most 10 ({@code nticks} overrides this), and the step is the next of 2, 5
 *       or 10 × 10ᵏ above range / count.</li>
 * </ul>
 * Labels are written as plotly writes them: with the digits the step needs, a minus sign (−), and
 * for large or small numbers an exponent in the axis's {@code exponentformat} (default {@code B}: SI
 * prefixes such as 10k or 100n; {@code e}, {@code E}, {@code power} (×10⁶, and 10⁻³ on log axes), or
 * {@code none}).
 */
final class Ticks {
    /** The minus sign plotly uses in labels (U+2212). */
    static final String MINUS = "\u2212";

    private static final String[] SI_PREFIXES = {"f", "p", "n", "μ", "m", "", "k", "M", "G", "T"};
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /**
     * A tick: its position in axis units, its label, and the label's size relative to the axis font
     * (plotly writes the digits between decades smaller, and powers of ten larger).
     */
    record Tick(double at, String label, double size) {
        Tick(double at, String label) {
            this(at, label, 1);
        }
    }

    private Ticks() {
    }

    /**
     * The ticks of an axis whose settings are {@code axis} (a {@code layout.xaxis} object), with a fitted
     * {@code scale} that is {@code length} pixels long; {@code vertical} for y axes.
     */
    static List<Tick> of(JsonNode axis, Scale scale, double length, boolean vertical) {
        String mode = axis.path("tickmode").asText("");
        if (mode.isEmpty()) {
            mode = axis.path("tickvals").isArray() ? "array" : axis.has("dtick") ? "linear" : "auto";
        }
        List<Tick> ticks;
        if (mode.equals("array")) {
            ticks = array(axis, scale);
        } else if (scale.kind == Scale.Kind.CATEGORY) {
            ticks = categories(axis, scale, length);
        } else {
            double count = axis.path("nticks").asInt(0) > 0 ? axis.get("nticks").asInt()
                    : Math.max(4, Math.min(9, length / (vertical ? 40 : 80))) + 1;
            JsonNode dtick = mode.equals("linear") ? axis.get("dtick") : null;
            String format = axis.path("exponentformat").asText("B");
            ticks = scale.kind == Scale.Kind.LOG ? log(axis, scale, dtick, count, format)
                    : linear(axis, scale, dtick, count, format);
        }
        List<Tick> inside = new ArrayList<>();
        for (Tick t : ticks) {
            if (scale.contains(t.at())) {
                inside.add(t);
            }
        }
        return inside;
    }

    /** The ticks given as {@code tickvals}, labelled by {@code ticktext} or else by their values. */
    private static List<Tick> array(JsonNode axis, Scale scale) {
        JsonNode values = axis.path("tickvals");
        JsonNode texts = axis.path("ticktext");
        double gap = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 0; i < values.size(); i++) {
            double v = Scale.number(values.get(i));
            largest = Math.max(largest, Math.abs(v));
            if (i > 0) {
                gap = Math.min(gap, Math.abs(v - Scale.number(values.get(i - 1))));
            }
        }
        String format = axis.path("exponentformat").asText("B");
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            double at = scale.position(value);
            if (scale.kind == Scale.Kind.CATEGORY && Double.isNaN(at)) {
                at = Scale.number(value);
            }
            String label = i < texts.size() ? PlotText.plain(texts.get(i).asText())
                    : number(Scale.number(value), Double.isFinite(gap) && gap > 0 ? gap : 1, largest, format);
            ticks.add(new Tick(at, label));
        }
        return ticks;
    }

    /** Every category, or every n-th when they would be closer than 15 pixels. */
    private static List<Tick> categories(JsonNode axis, Scale scale, double length) {
        List<String> names = scale.categories();
        double count = axis.path("nticks").asInt(0) > 0 ? axis.get("nticks").asInt() : length / 15;
        int step = (int) Math.ceil(Math.max((scale.hi() - scale.lo()) / count, 1));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < names.size(); i += step) {
            ticks.add(new Tick(i, PlotText.plain(names.get(i))));
        }
        return ticks;
    }

    /** Ticks every dtick (given, or plotly's automatic step) from tick0 on a linear axis. */
    private static List<Tick> linear(JsonNode axis, Scale scale, JsonNode dtick, double count, String format) {
        double step = dtick == null ? Double.NaN : Scale.number(dtick);
        if (!(step > 0)) {
            step = autoStep((scale.hi() - scale.lo()) / count);
        }
        double tick0 = Scale.number(axis.get("tick0"));
        double origin = Double.isFinite(tick0) ? tick0 : 0;
        double largest = Math.max(Math.abs(scale.lo()), Math.abs(scale.hi()));
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil((scale.lo() - origin) / step - 1e-9);
        for (long k = first; ticks.size() < 200; k++) {
            double v = origin + k * step;
            if (v > scale.hi() + step * 1e-9) {
                break;
            }
            ticks.add(new Tick(v, number(v, step, largest, format)));
        }
        return ticks;
    }

    /**
     * Ticks on a log axis: every n-th decade when the range spans many, decades with 2 and 5 (or every
     * digit) in between when it spans a few, evenly spaced values when it spans less than one.
     */
    private static List<Tick> log(JsonNode axis, Scale scale, JsonNode dtick, double count, String format) {
        double lo = scale.lo();
        double hi = scale.hi();
        String step;
        if (dtick != null && !dtick.asText().isEmpty()) {
            step = dtick.asText();
        } else {
            double rough = (hi - lo) / count;
            if (rough > 0.7) {
                step = Long.toString((long) Math.ceil(rough));
            } else if (hi - lo < 1) {
                double valueStep = Math.abs(Math.pow(10, hi) - Math.pow(10, lo)) / (1.5 * (hi - lo) / rough);
                step = "L" + autoStep(valueStep);
            } else {
                step = rough > 0.3 ? "D2" : "D1";
            }
        }
        List<Tick> ticks = new ArrayList<>();
        if (step.equals("D1") || step.equals("D2")) {
            int[] digits = step.equals("D2") ? new int[] {1, 2, 5} : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
            for (long k = (long) Math.floor(lo); k <= Math.ceil(hi) && ticks.size() < 200; k++) {
                for (int d : digits) {
                    double at = k + Math.log10(d);
                    ticks.add(d == 1 ? decadeTick(k, format) : new Tick(at, Integer.toString(d), 0.75));
                }
            }
        } else if (step.startsWith("L")) {
            double valueStep = Scale.number(TextNode.valueOf(step.substring(1)));
            double from = Math.pow(10, lo);
            double to = Math.pow(10, hi);
            if (valueStep > 0) {
                for (long k = (long) Math.ceil(from / valueStep - 1e-9); k * valueStep <= to * (1 + 1e-9)
                        && ticks.size() < 200; k++) {
                    double v = k * valueStep;
                    if (v > 0) {
                        ticks.add(new Tick(Math.log10(v), number(v, valueStep, to, format)));
                    }
                }
            }
        } else {
            double decades = Math.max(1, Math.round(Scale.number(TextNode.valueOf(step))));
            double tick0 = Scale.number(axis.get("tick0"));
            double origin = Double.isFinite(tick0) ? tick0 : 0;
            for (long k = (long) Math.ceil((lo - origin) / decades - 1e-9); origin + k * decades <= hi + 1e-9
                    && ticks.size() < 200; k++) {
                double at = origin + k * decades;
                ticks.add(decadeTick(Math.round(at), format));
            }
        }
        return ticks;
    }

    /**
     * plotly's automatic step for a rough step: 2, 5 or 10 × 10ᵏ, the first of these above it.
     */
    static double autoStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double base = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / base;
        return base * (f < 2 ? 2 : f < 5 ? 5 : 10);
    }

    /** The tick at the decade 10ᵖ of a log axis; labels written as powers are drawn larger, as plotly does. */
    private static Tick decadeTick(long p, String format) {
        return new Tick(p, decade(p, format), asPower(p, format) ? 1.25 : 1);
    }

    private static boolean asPower(long p, String format) {
        return format.equals("power") || (isSi(format) && (p > 14 || p < -15));
    }

    /** The label of the decade 10ᵖ on a log axis. */
    static String decade(long p, String format) {
        if (asPower(p, format)) {
            return p == 0 ? "1" : p == 1 ? "10" : "10" + superscript(p);
        }
        if ((format.equals("e") || format.equals("E")) && Math.abs(p) > 2) {
            return "1" + format + (p > 0 ? "+" : MINUS) + Math.abs(p);
        }
        double v = Math.pow(10, p);
        return number(v, v, v, format, 4);
    }

    /**
     * A tick label for {@code v} on an axis whose ticks are {@code step} apart and whose range reaches
     * {@code largest} (in absolute value): two digits past the step's leading digit, trailing zeros
     * dropped, and an exponent when {@code largest} is beyond 10³ or below 10⁻³.
     */
    static String number(double v, double step, double largest, String format) {
        return number(v, step, largest, format, 0);
    }

    private static String number(double v, double step, double largest, String format, int extraDigits) {
        if (!Double.isFinite(v)) {
            return "";
        }
        int digits = 2 - (int) Math.floor(Math.log10(step) + 0.01) + extraDigits;
        int exponent = 0;
        int rangeExponent = (int) Math.floor(Math.log10(largest) + 0.01);
        if (largest > 0 && Math.abs(rangeExponent) > 3 && !format.equals("none")) {
            boolean beyondSi = rangeExponent > 14 || rangeExponent < -15;
            exponent = isSi(format) && !beyondSi ? 3 * (int) Math.round((rangeExponent - 1) / 3.0) : rangeExponent;
        }
        if (Math.abs(v) < Math.pow(10, -digits) / 2) {
            return "0";
        }
        BigDecimal mantissa = new BigDecimal(Math.abs(v)).scaleByPowerOfTen(-exponent)
                .setScale(Math.max(0, digits + exponent), RoundingMode.HALF_UP).stripTrailingZeros();
        String text = mantissa.compareTo(BigDecimal.ZERO) == 0 ? "0" : mantissa.toPlainString();
        if (exponent != 0) {
            String e = exponent < 0 ? MINUS + -exponent : Integer.toString(exponent);
            if (format.equals("e") || format.equals("E")) {
                text += format + (exponent > 0 ? "+" : "") + e;
            } else if (format.equals("power") || (isSi(format) && (exponent > 14 || exponent < -15))) {
                text += "×10" + superscript(exponent);
            } else if (format.equals("B") && exponent == 9) {
                text += "B";
            } else if (isSi(format)) {
                text += SI_PREFIXES[exponent / 3 + 5];
            }
        }
        return v < 0 && !text.equals("0") ? MINUS + text : text;
    }

    private static boolean isSi(String format) {
        return format.equals("SI") || format.equals("B");
    }

    /** An integer in superscript digits, e.g. ⁻³. */
    static String superscript(long n) {
        StringBuilder b = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(n)).toCharArray()) {
            b.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }
}
