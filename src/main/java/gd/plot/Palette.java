package gd.plot;

import java.util.Locale;

/** The colours of the plots: a cycle for series, plotly's RdBu scale for classes, greys for images. */
final class Palette {
    /** plotly.js's default colour cycle (D3's category10). */
    private static final String[] CYCLE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** Colours for paths drawn over blue contour lines: the cycle without its blue, grey and pale colours. */
    private static final String[] PATHS = {"#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#e377c2", "#8c564b",
        "#000000", "#bcbd22"};

    /** plotly.js's RdBu scale (stops and colours), the default colour scale of its heatmaps. */
    private static final double[] RDBU_STOPS = {0, 0.35, 0.5, 0.6, 0.7, 1};
    private static final int[][] RDBU = {{5, 10, 172}, {106, 137, 247}, {190, 190, 190}, {220, 170, 132},
        {230, 145, 90}, {178, 10, 28}};

    private Palette() {
    }

    /** The i-th colour of the cycle (it repeats after ten). */
    static String cycle(int i) {
        return CYCLE[i % CYCLE.length];
    }

    /** The i-th colour for an optimizer path on a contour plot. */
    static String path(int i) {
        return PATHS[i % PATHS.length];
    }

    /**
     * The colour plotly.js gives class c of k in a heatmap whose values run from 0 to k − 1: RdBu at
     * c / (k − 1), so that points drawn in this colour match the region their class paints.
     */
    static String classColor(int c, int k) {
        return rdBu(k <= 1 ? 0 : (double) c / (k - 1));
    }

    /** RdBu at t in [0, 1], interpolated in RGB between its stops as plotly.js does. */
    static String rdBu(double t) {
        double u = Math.min(1, Math.max(0, t));
        int i = 0;
        while (i < RDBU_STOPS.length - 2 && u > RDBU_STOPS[i + 1]) {
            i++;
        }
        double f = (u - RDBU_STOPS[i]) / (RDBU_STOPS[i + 1] - RDBU_STOPS[i]);
        int[] a = RDBU[i];
        int[] b = RDBU[i + 1];
        return rgb(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
    }

    /** Grey for an amount of ink in [0, 1]: 0 is white paper, 1 is black. */
    static String ink(double amount) {
        double v = 255 * (1 - Math.min(1, Math.max(0, amount)));
        return rgb(v, v, v);
    }

    /**
     * A blue for contour level i of n: dark for low levels (the valley), pale for high ones, so that the
     * eye finds the minimum without a colour bar.
     */
    static String level(int i, int n) {
        double t = n <= 1 ? 0 : (double) i / (n - 1);
        return rgb(8 + t * (180 - 8), 48 + t * (205 - 48), 107 + t * (235 - 107));
    }

    /** A hex colour such as {@code #1f77b4} with the given opacity, as {@code rgba(31,119,180,0.2)}. */
    static String translucent(String hex, double alpha) {
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%s)", r, g, b, alpha);
    }

    private static String rgb(double r, double g, double b) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", Math.round(r), Math.round(g), Math.round(b));
    }
}
