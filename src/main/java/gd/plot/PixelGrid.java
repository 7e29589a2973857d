package gd.plot;

import gd.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Greyscale images in a grid, drawn with Tablesaw's scatter traces: every pixel with ink is a square marker
 * exactly one pixel-cell wide, in its own grey (Tablesaw's heatmap cannot be given a grey colour scale).
 * The figure's height follows from its width so that cells are square; captions are a text trace above each
 * image.
 */
final class PixelGrid {
    /** The most images one figure shows. */
    static final int MAX_IMAGES = 200;
    /** Pixels with less ink than this (after scaling each image to [0, 1]) stay white. */
    private static final double PAPER = 0.02;
    /** The height in screen pixels of the band above each image that holds its caption. */
    private static final double CAPTION_PX = 18;

    private PixelGrid() {
    }

    /** The images in {@code columns} columns, each scaled from its minimum (white) to its maximum (black). */
    static Figure figure(String title, List<Matrix> images, List<String> captions, int columns) {
        String op = "Plots.images";
        if (title == null || images == null) {
            throw new IllegalArgumentException(op + ": title and images must not be null");
        }
        int n = images.size();
        if (n == 0 || n > MAX_IMAGES) {
            throw new IllegalArgumentException(op + ": expected 1…" + MAX_IMAGES + " images, got " + n);
        }
        if (captions != null && captions.size() != n) {
            throw new IllegalArgumentException(op + ": " + n + " images but " + captions.size()
                    + " captions; expected one caption per image (or null for none)");
        }
        if (columns < 1 || columns > n) {
            throw new IllegalArgumentException(op + ": columns must be in 1…" + n + " for " + n + " images, got "
                    + columns);
        }
        Matrix first = images.get(0);
        for (int k = 0; k < n; k++) {
            Matrix m = images.get(k);
            if (m == null) {
                throw new IllegalArgumentException(op + ": image " + k + " is null");
            }
            if (!m.sameShape(first)) {
                throw new IllegalArgumentException(op + ": image " + k + " is " + m.shape() + " but image 0 is "
                        + first.shape() + "; expected images of one shape");
            }
            if (captions != null && captions.get(k) == null) {
                throw new IllegalArgumentException(op + ": caption " + k + " is null");
            }
        }
        int h = first.rows();
        int w = first.cols();
        int rows = (n + columns - 1) / columns;
        double gap = Math.max(1, Math.round(w / 7.0));
        double unitsX = columns * w + (columns - 1) * gap;
        List<Matrix> pictures = images.stream().map(Matrix::copy).toList();   // as they are now, for each size
        List<String> texts = captions == null ? null : List.copyOf(captions);
        return Chart.drawn(size -> {
            // The images fill the width; the caption band keeps its height in screen pixels.
            double scale = (size.width() - 2 * Frame.PLAIN) / unitsX;
            double caption = texts == null ? 0 : CAPTION_PX / scale;
            double unitsY = rows * (h + caption) + (rows - 1) * gap;
            int height = (int) Math.round(unitsY * scale) + Frame.TOP + Frame.PLAIN;
            Frame frame = Frame.of(title, "", "").plain().xRange(0, unitsX).yRange(unitsY, 0).legend(false);
            return new Chart.Drawing(frame.layout(size.height(height)),
                    traces(pictures, texts, columns, gap, caption, scale));
        });
    }

    /** The pixels with ink as one square marker each, and the captions as text above the images. */
    private static Trace[] traces(List<Matrix> images, List<String> captions, int columns, double gap,
                                  double caption, double scale) {
        int n = images.size();
        int h = images.get(0).rows();
        int w = images.get(0).cols();
        List<double[]> points = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int k = 0; k < n; k++) {
            Matrix m = images.get(k);
            double x0 = (k % columns) * (w + gap);
            double top = (k / columns) * (h + caption + gap);
            cx[k] = x0 + w / 2.0;
            cy[k] = top + caption / 2;
            double lo = m.min();
            double range = m.max() - lo;
            if (!(range > 0) || !Double.isFinite(range)) {
                continue;
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    double ink = (m.get(r, c) - lo) / range;
                    if (ink >= PAPER) {
                        points.add(new double[] {x0 + c + 0.5, top + caption + r + 0.5});
                        colors.add(Palette.ink(ink));
                    }
                }
            }
        }
        double[] px = new double[points.size()];
        double[] py = new double[points.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = Numbers.roundOne(points.get(i)[0], 0.01);
            py[i] = Numbers.roundOne(points.get(i)[1], 0.01);
        }
        Marker marker = Marker.builder().symbol(Symbol.SQUARE).size(Numbers.roundOne(scale + 0.6, 0.01))
                .color(colors.size() == 1 ? new String[] {colors.get(0), colors.get(0)} : colors.toArray(new String[0]))
                .build();
        List<Trace> traces = new ArrayList<>();
        traces.add(ScatterTrace.builder(px, py).name("pixels").mode(ScatterTrace.Mode.MARKERS).marker(marker)
                .showLegend(false).build());
        if (captions != null) {
            double[] ry = new double[n];
            for (int k = 0; k < n; k++) {
                ry[k] = Numbers.roundOne(cy[k], 0.01);
            }
            traces.add(Traces.labels(Numbers.round(cx, 0.01), ry, captions.toArray(new String[0]), "caption"));
        }
        return traces.toArray(new Trace[0]);
    }
}
