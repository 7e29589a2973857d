package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A heatmap of the preview: a grid of cells coloured by {@code z} through the trace's colour scale, with
 * the colour range {@code zmin} … {@code zmax} (the data's own range by default). Contour traces are
 * drawn the same way, in ten colour steps.
 *
 * <p>As plotly.js does, the cells are painted into a bitmap that covers the plot area, one bitmap pixel
 * per screen pixel: each pixel takes the colour of the cell under its centre, so the picture stays small
 * whatever the number of cells, and cells of any size, order or direction (reversed axes) come out right.
 * The bitmap is embedded as a PNG {@code <image>}. The trace's {@code opacity} applies to the whole
 * picture, so that what is drawn below shows through.
 */
final class Heatmap extends Marks.Mark {
    private final double[][] z;
    private final JsonNode xs;
    private final JsonNode ys;
    private final int rows;
    private final int cols;
    private final Marks.ColorBar colorBar;

    Heatmap(ObjectNode trace, int index, String type) {
        super(trace, index, type);
        JsonNode zNode = trace.get("z");
        rows = Marks.size(zNode);
        int c = 0;
        for (int r = 0; r < rows; r++) {
            c = Math.max(c, Marks.size(zNode.get(r)));
        }
        cols = c;
        z = new double[rows][cols];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                double v = k < Marks.size(zNode.get(r)) ? Scale.number(zNode.get(r).get(k)) : Double.NaN;
                z[r][k] = v;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double zmin = Scale.number(trace.get("zmin"));
        double zmax = Scale.number(trace.get("zmax"));
        if (Double.isFinite(zmin) && Double.isFinite(zmax) && zmin < zmax) {
            min = zmin;
            max = zmax;
        }
        xs = trace.get("x");
        ys = trace.get("y");
        boolean reverse = trace.path("reversescale").asBoolean(false);
        colorBar = min <= max ? new Marks.ColorBar(min, max, ColorScale.of(trace.get("colorscale"), reverse)) : null;
    }

    @Override
    void collect(List<JsonNode> xValues, List<JsonNode> yValues) {
        Marks.addAll(xValues, xs);
        Marks.addAll(yValues, ys);
    }

    @Override
    void extend(Scale x, Scale y) {
        for (double e : edges(x, xs, cols)) {
            x.include(e);
        }
        for (double e : edges(y, ys, rows)) {
            y.include(e);
        }
    }

    @Override
    double padY() {
        return 0;
    }

    /** The colour bar, unless the trace hides it ({@code showscale: false}). */
    @Override
    Marks.ColorBar colorBar() {
        return trace.path("showscale").asBoolean(true) ? colorBar : null;
    }

    /** plotly leaves heatmaps out of the legend unless {@code showlegend} asks for them. */
    @Override
    boolean inLegend() {
        return super.inLegend() && trace.path("showlegend").asBoolean(false);
    }

    @Override
    void draw(Svg svg, Scale x, Scale y) {
        if (colorBar == null || rows == 0 || cols == 0) {
            return;
        }
        double left = Math.min(x.pixel(x.lo()), x.pixel(x.hi()));
        double top = Math.min(y.pixel(y.lo()), y.pixel(y.hi()));
        int width = (int) Math.ceil(Math.abs(x.pixel(x.hi()) - x.pixel(x.lo())));
        int height = (int) Math.ceil(Math.abs(y.pixel(y.hi()) - y.pixel(y.lo())));
        if (width <= 0 || height <= 0) {
            return;
        }
        int[] colOfPixel = cellsAlong(x, edges(x, xs, cols), left, width);
        int[] rowOfPixel = cellsAlong(y, edges(y, ys, rows), top, height);
        int[][] argb = cellColors();
        int[] pixels = new int[width * height];
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int r = rowOfPixel[py];
                int k = colOfPixel[px];
                pixels[py * width + px] = r < 0 || k < 0 ? 0 : argb[r][k];
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        svg.empty("image", "x", Svg.num(left), "y", Svg.num(top), "width", Integer.toString(width),
                "height", Integer.toString(height), "preserveAspectRatio", "none",
                "xlink:href", "data:image/png;base64," + png(image));
    }

    /** Each cell's colour as opaque ARGB, or 0 (transparent) for a missing value. */
    private int[][] cellColors() {
        boolean contour = type.equals("contour");
        double span = colorBar.max() - colorBar.min();
        int[][] argb = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                if (Double.isFinite(z[r][k])) {
                    double f = span > 0 ? (z[r][k] - colorBar.min()) / span : 0.5;
                    if (contour) {
                        f = Math.min(1, Math.floor(f * 10) / 9.0);
                    }
                    argb[r][k] = 0xFF000000 | colorBar.scale().rgb(f);
                }
            }
        }
        return argb;
    }

    /**
     * For each of {@code count} pixels from {@code start} along an axis, the index of the cell whose
     * edges enclose the pixel's centre, or −1 for none.
     */
    private static int[] cellsAlong(Scale scale, double[] edges, double start, int count) {
        int[] cells = new int[count];
        for (int p = 0; p < count; p++) {
            double at = scale.at(start + p + 0.5);
            cells[p] = -1;
            for (int i = 0; i + 1 < edges.length; i++) {
                if (Math.min(edges[i], edges[i + 1]) <= at && at < Math.max(edges[i], edges[i + 1])) {
                    cells[p] = i;
                    break;
                }
            }
        }
        return cells;
    }

    /**
     * Cell edges in axis units for {@code n} cells: given directly when there are n + 1 coordinates,
     * else halfway between neighbouring centres (the outer edges mirrored); index ± ½ without coordinates.
     */
    private static double[] edges(Scale scale, JsonNode coords, int n) {
        double[] e = new double[n + 1];
        if (coords == null || Marks.size(coords) < n || n == 0) {
            for (int i = 0; i <= n; i++) {
                e[i] = i - 0.5;
            }
            return e;
        }
        if (Marks.size(coords) > n && scale.kind != Scale.Kind.CATEGORY) {
            for (int i = 0; i <= n; i++) {
                e[i] = scale.position(coords.get(i));
            }
            return e;
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = scale.position(coords.get(i));
        }
        if (n == 1) {
            e[0] = c[0] - 0.5;
            e[1] = c[0] + 0.5;
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = (c[i - 1] + c[i]) / 2;
        }
        e[0] = c[0] - (e[1] - c[0]);
        e[n] = c[n - 1] + (c[n - 1] - e[n - 1]);
        return e;
    }

    /** The image as base64 PNG. */
    private static String png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("SvgPreview: cannot encode a heatmap as PNG", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
