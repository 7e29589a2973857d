package gd.render;

import java.util.Locale;
import java.util.Map;

/**
 * The outlines of Plotly's marker symbols, as SVG path data centred on a point. The shapes and their
 * proportions are plotly.js's: a marker of size s has "radius" r = s / 2; a square is 2r wide, a
 * diamond reaches 1.3 r, a star 1.4 r. Symbols are given by name ({@code "square"}, {@code "star-open"})
 * or by plotly's number (0 circle, 1 square, 2 diamond …; +100 for the open variant). Symbols this
 * preview does not know are drawn as circles.
 */
final class Symbols {
    private static final double T = 2 / Math.sqrt(3);
    private static final double X = 0.8 / Math.sqrt(2);

    /** Corners of each polygon symbol, as (dx, dy) pairs in units of r; y grows downwards. */
    private static final Map<String, double[]> POLYGONS = Map.of(
            "square", new double[] {1, 1, -1, 1, -1, -1, 1, -1},
            "diamond", new double[] {1.3, 0, 0, 1.3, -1.3, 0, 0, -1.3},
            "cross", new double[] {1.2, 0.4, 0.4, 0.4, 0.4, 1.2, -0.4, 1.2, -0.4, 0.4, -1.2, 0.4, -1.2, -0.4,
                -0.4, -0.4, -0.4, -1.2, 0.4, -1.2, 0.4, -0.4, 1.2, -0.4},
            "x", new double[] {0, X, X, 2 * X, 2 * X, X, X, 0, 2 * X, -X, X, -2 * X, 0, -X, -X, -2 * X, -2 * X, -X,
                -X, 0, -2 * X, X, -X, 2 * X},
            "triangle-up", new double[] {-T, 0.5, T, 0.5, 0, -1},
            "triangle-down", new double[] {-T, -0.5, T, -0.5, 0, 1},
            "star", new double[] {0.315, -0.4326, 1.3314, -0.4326, 0.5082, 0.1652, 0.8232, 1.1326, 0, 0.5348,
                -0.8232, 1.1326, -0.5082, 0.1652, -1.3314, -0.4326, -0.315, -0.4326, 0, -1.4});

    /** plotly's symbol numbers 0 … 6 and 17. */
    private static final String[] NUMBERED = {"circle", "square", "diamond", "cross", "x", "triangle-up",
        "triangle-down"};

    private Symbols() {
    }

    /** The symbol's base name without "-open" or "-dot" ("circle" for unknown symbols). */
    static String shape(String symbol) {
        String s = number(symbol);
        s = s.replace("-open", "").replace("-dot", "");
        return s.equals("circle") || POLYGONS.containsKey(s) ? s : "circle";
    }

    /** Whether the symbol is drawn as an outline only ("-open" or a number ≥ 100). */
    static boolean open(String symbol) {
        return number(symbol).contains("-open");
    }

    /**
     * The path data of the symbol with radius r centred on (x, y): a circle as two arcs, a polygon as
     * its first corner and the steps to the next ones (short, as point clouds have many markers).
     */
    static String path(String shape, double x, double y, double r) {
        if (shape.equals("circle")) {
            String radius = Svg.num(r) + "," + Svg.num(r);
            return "M" + Svg.num(x + r) + "," + Svg.num(y) + "a" + radius + " 0 1,1 " + Svg.num(-2 * r) + ",0a" + radius
                    + " 0 1,1 " + Svg.num(2 * r) + ",0z";
        }
        double[] corners = POLYGONS.get(shape);
        StringBuilder d = new StringBuilder("M").append(Svg.num(x + corners[0] * r)).append(',')
                .append(Svg.num(y + corners[1] * r));
        for (int i = 2; i < corners.length; i += 2) {
            double dx = (corners[i] - corners[i - 2]) * r;
            double dy = (corners[i + 1] - corners[i - 1]) * r;
            if (Math.abs(dy) < 1e-9) {
                d.append('h').append(Svg.num(dx));
            } else if (Math.abs(dx) < 1e-9) {
                d.append('v').append(Svg.num(dy));
            } else {
                d.append('l').append(Svg.num(dx)).append(',').append(Svg.num(dy));
            }
        }
        return d.append('z').toString();
    }

    /** A numbered symbol as its name ("101" → "square-open"); names pass unchanged, lower-cased. */
    private static String number(String symbol) {
        String s = symbol == null ? "circle" : symbol.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d{1,3}")) {
            int n = Integer.parseInt(s);
            int base = n % 100;
            String name = base < NUMBERED.length ? NUMBERED[base] : base == 17 ? "star" : "circle";
            return n >= 100 && n < 200 ? name + "-open" : name;
        }
        return s;
    }
}
