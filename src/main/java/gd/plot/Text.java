package gd.plot;

import gd.matrix.Repr;

/** Text for titles, names and labels. */
final class Text {
    private Text() {
    }

    /**
     * {@code s} made safe for the single-quoted JavaScript strings Tablesaw writes titles and names into (it
     * escapes HTML characters but not backslashes or line breaks).
     */
    static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A number as the library prints hyper-parameters, e.g. {@code 0.001}, {@code 1e-05}. */
    static String num(double x) {
        return Repr.of(x);
    }

    /** A number with about four significant digits, for labels such as {@code 3.162e-03}. */
    static String short4(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Repr.of(x);
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e5) {
            return Repr.of(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", x)));
        }
        return String.format(java.util.Locale.ROOT, "%.3e", x);
    }
}
