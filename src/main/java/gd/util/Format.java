package gd.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the library writes numbers in messages, {@code toString()}s, tables, progress lines and plot labels:
 * the one place that decides it.
 * <pre>
 * repr(0.001)        "0.001"     hyper-parameters, exactly as Python's repr(float) (and so PyTorch) writes them
 * repr(1e-8)         "1e-08"
 * number(0.081234)   "0.08123"   measured values: four significant digits, no trailing zeros
 * number(3.2e152)    "3.2e+152"
 * number(x, 6)       six significant digits (the outcomes a notebook asserts)
 * count(2814)        "2,814"
 * seconds(12.34)     "12.3 s"
 * plural(3, "epoch") "3 epochs"
 * </pre>
 */
public final class Format {
    private Format() {
    }

    /**
     * The shortest digits that identify {@code x}, as Python's {@code repr(float)}: fixed notation for
     * 1e-4 ≤ |x| &lt; 1e16 and scientific notation with a two-digit exponent otherwise, e.g. {@code 0.9},
     * {@code 100.0}, {@code 1e-08}, {@code 1e+16}, {@code nan}, {@code inf}. Parsing the text gives {@code x} back.
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        String plain = d.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** A measured value with four significant digits, as {@link #number(double, int)}. */
    public static String number(double x) {
        return number(x, 4);
    }

    /**
     * {@code x} rounded to {@code digits} significant digits without trailing zeros: {@code 0.0812},
     * {@code 2.5}, {@code 1234}, and in scientific notation outside [1e-4, 1e6): {@code 3.2e+152},
     * {@code 1.5e-07}; NaN and ±Infinity as Java writes them.
     */
    public static String number(double x, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("Format.number: digits must be at least 1, got " + digits);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e6) {
            return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + s.substring(e);
    }

    /** A whole number with thousands separators: {@code 2,814}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds with one decimal: {@code 12.3 s}. */
    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** "1 epoch", "3 epochs", "1,000 steps". */
    public static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code s} in double quotes, or {@code null}: how messages show a name the caller gave. */
    public static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
