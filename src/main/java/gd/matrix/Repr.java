package gd.matrix;

import java.math.BigDecimal;

/**
 * Numbers written as Python's {@code repr(float)} writes them ({@code 0.001}, {@code 1e-08},
 * {@code 100.0}), so that hyper-parameters in {@code toString()} read like PyTorch's.
 */
public final class Repr {
    private Repr() {
    }

    /**
     * The shortest digits that identify {@code x}, in fixed notation for 1e-4 ≤ |x| &lt; 1e16 and in
     * scientific notation with a two-digit exponent otherwise, e.g. {@code 0.9}, {@code 1e-08}, {@code 1e+16}.
     */
    public static String of(double x) {
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
}
