package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A Plotly colour scale: colour stops on [0, 1], linearly interpolated in RGB. */
final class ColorScale {
    private final double[] stops;
    private final int[][] rgb;

    private ColorScale(double[] stops, int[][] rgb) {
        this.stops = stops;
        this.rgb = rgb;
    }

    /**
     * The scale a heatmap asks for: a named Plotly scale, or an array of {@code [fraction, colour]}
     * pairs; plotly.js's default (RdBu) when absent or unknown.
     */
    static ColorScale of(JsonNode spec, boolean reverse) {
        ColorScale scale = null;
        if (spec != null && spec.isTextual()) {
            scale = named(spec.textValue());
        } else if (spec != null && spec.isArray() && spec.size() >= 2) {
            scale = fromPairs(spec);
        }
        if (scale == null) {
            scale = named("RdBu");
        }
        return reverse ? scale.reversed() : scale;
    }

    /** The colour at {@code fraction} ∈ [0, 1] as {@code rgb(r,g,b)}; values outside are clamped. */
    String color(double fraction) {
        int c = rgb(fraction);
        return "rgb(" + (c >> 16) + "," + ((c >> 8) & 0xFF) + "," + (c & 0xFF) + ")";
    }

    /** The colour at {@code fraction} ∈ [0, 1] as {@code 0xRRGGBB}; values outside are clamped. */
    int rgb(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int i = 1;
        while (i < stops.length - 1 && stops[i] < f) {
            i++;
        }
        double span = stops[i] - stops[i - 1];
        double t = span <= 0 ? 1 : (f - stops[i - 1]) / span;
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(rgb[i - 1][0] + t * (rgb[i][0] - rgb[i - 1][0]));
        int g = (int) Math.round(rgb[i - 1][1] + t * (rgb[i][1] - rgb[i - 1][1]));
        int b = (int) Math.round(rgb[i - 1][2] + t * (rgb[i][2] - rgb[i - 1][2]));
        return (r << 16) | (g << 8) | b;
    }

    private ColorScale reversed() {
        int n = stops.length;
        double[] s = new double[n];
        int[][] c = new int[n][];
        for (int i = 0; i < n; i++) {
            s[i] = 1 - stops[n - 1 - i];
            c[i] = rgb[n - 1 - i];
        }
        return new ColorScale(s, c);
    }

    private static ColorScale fromPairs(JsonNode pairs) {
        double[] s = new double[pairs.size()];
        int[][] c = new int[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode pair = pairs.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
                return null;
            }
            s[i] = pair.get(0).doubleValue();
            c[i] = parse(pair.get(1).asText());
            if (c[i] == null || (i > 0 && s[i] < s[i - 1])) {
                return null;
            }
        }
        return new ColorScale(s, c);
    }

    /**
     * Plotly's named scales (the ones a course figure is likely to ask for), with plotly.js 2's stops
     * (Viridis with every other one).
     */
    private static ColorScale named(String name) {
        String[] spec = switch (name.toLowerCase(Locale.ROOT)) {
            case "greys" -> new String[] {"0", "rgb(0,0,0)", "1", "rgb(255,255,255)"};
            case "bluered" -> new String[] {"0", "rgb(0,0,255)", "1", "rgb(255,0,0)"};
            case "reds" -> new String[] {"0", "rgb(220,220,220)", "0.2", "rgb(245,195,157)", "0.4",
                "rgb(245,160,105)", "1", "rgb(178,10,28)"};
            case "blues" -> new String[] {"0", "rgb(5,10,172)", "0.35", "rgb(40,60,190)", "0.5", "rgb(70,100,245)",
                "0.6", "rgb(90,120,245)", "0.7", "rgb(106,137,247)", "1", "rgb(220,220,220)"};
            case "hot" -> new String[] {"0", "rgb(0,0,0)", "0.3", "rgb(230,0,0)", "0.6", "rgb(255,210,0)",
                "1", "rgb(255,255,255)"};
            case "jet" -> new String[] {"0", "rgb(0,0,131)", "0.125", "rgb(0,60,170)", "0.375", "rgb(5,255,255)",
                "0.625", "rgb(255,255,0)", "0.875", "rgb(250,0,0)", "1", "rgb(128,0,0)"};
            case "viridis" -> new String[] {"0", "#440154", "0.125", "#472d7b", "0.25", "#3b528b",
                "0.375", "#2c728e", "0.5", "#21918c", "0.625", "#28ae80", "0.75", "#5ec962",
                "0.875", "#addc30", "1", "#fde725"};
            case "greens" -> new String[] {"0", "rgb(0,68,27)", "0.125", "rgb(0,109,44)", "0.25", "rgb(35,139,69)",
                "0.375", "rgb(65,171,93)", "0.5", "rgb(116,196,118)", "0.625", "rgb(161,217,155)",
                "0.75", "rgb(199,233,192)", "0.875", "rgb(229,245,224)", "1", "rgb(247,252,245)"};
            case "ylorrd" -> new String[] {"0", "rgb(128,0,38)", "0.125", "rgb(189,0,38)", "0.25", "rgb(227,26,28)",
                "0.375", "rgb(252,78,42)", "0.5", "rgb(253,141,60)", "0.625", "rgb(254,178,76)",
                "0.75", "rgb(254,217,118)", "0.875", "rgb(255,237,160)", "1", "rgb(255,255,204)"};
            case "ylgnbu" -> new String[] {"0", "rgb(8,29,88)", "0.125", "rgb(37,52,148)", "0.25", "rgb(34,94,168)",
                "0.375", "rgb(29,145,192)", "0.5", "rgb(65,182,196)", "0.625", "rgb(127,205,187)",
                "0.75", "rgb(199,233,180)", "0.875", "rgb(237,248,217)", "1", "rgb(255,255,217)"};
            case "rdbu" -> new String[] {"0", "rgb(5,10,172)", "0.35", "rgb(106,137,247)", "0.5", "rgb(190,190,190)",
                "0.6", "rgb(220,170,132)", "0.7", "rgb(230,145,90)", "1", "rgb(178,10,28)"};
            default -> null;
        };
        if (spec == null) {
            return null;
        }
        double[] s = new double[spec.length / 2];
        int[][] c = new int[spec.length / 2][];
        for (int i = 0; i < s.length; i++) {
            s[i] = Double.parseDouble(spec[2 * i]);
            c[i] = parse(spec[2 * i + 1]);
        }
        return new ColorScale(s, c);
    }

    /** {@code #rgb}, {@code #rrggbb}, {@code rgb(r,g,b)} or {@code rgba(r,g,b,a)}; null otherwise. */
    static int[] parse(String color) {
        String c = color.trim().toLowerCase(Locale.ROOT);
        try {
            if (c.startsWith("#") && c.length() == 7) {
                return new int[] {Integer.parseInt(c.substring(1, 3), 16), Integer.parseInt(c.substring(3, 5), 16),
                    Integer.parseInt(c.substring(5, 7), 16)};
            }
            if (c.startsWith("#") && c.length() == 4) {
                return new int[] {17 * Integer.parseInt(c.substring(1, 2), 16),
                    17 * Integer.parseInt(c.substring(2, 3), 16), 17 * Integer.parseInt(c.substring(3, 4), 16)};
            }
            if ((c.startsWith("rgb(") || c.startsWith("rgba(")) && c.endsWith(")")) {
                String[] parts = c.substring(c.indexOf('(') + 1, c.length() - 1).split(",");
                if (parts.length >= 3) {
                    return new int[] {clamp(parts[0]), clamp(parts[1]), clamp(parts[2])};
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int clamp(String part) {
        return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(part.trim()))));
    }
}
