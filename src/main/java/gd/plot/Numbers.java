package gd.plot;

/** Evenly spaced grids, and rounding that keeps the numbers written into a page short. */
final class Numbers {
    private Numbers() {
    }

    /** n evenly spaced values from {@code from} to {@code to}, both included. */
    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? to : from + (to - from) * i / (n - 1);
        }
        return v;
    }

    /** The values rounded to multiples of a power of ten no larger than {@code step}: shorter numbers in the page. */
    static double[] round(double[] values, double step) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = roundOne(values[i], step);
        }
        return r;
    }

    /** One value rounded as {@link #round}; NaN and infinities stay as they are. */
    static double roundOne(double value, double step) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, -Math.floor(Math.log10(step)));
        return Math.rint(value * scale) / scale;
    }
}
