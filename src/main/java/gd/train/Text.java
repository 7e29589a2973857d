package gd.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the training package writes measured numbers in messages, tables and progress lines. */
final class Text {
    private Text() {
    }

    /**
     * Four significant digits without trailing zeros: {@code 0.0812}, {@code 2.5}, {@code 1234}, and in
     * scientific notation outside [1e-4, 1e6): {@code 3.2e+152}, {@code 1.5e-07}; NaN and ±Infinity as such.
     */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e6) {
            return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.3e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + s.substring(e);
    }

    /** A whole number with thousands separators: {@code 2,814}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds with one decimal: {@code 12.3 s}. */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** "1 epoch", "3 epochs". */
    static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
