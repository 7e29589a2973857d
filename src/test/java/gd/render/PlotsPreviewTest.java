package gd.render;

import static gd.render.Previews.labels;
import static gd.render.Previews.number;
import static gd.render.Previews.numbers;
import static gd.render.Previews.select;
import static gd.render.Previews.texts;
import static gd.render.Previews.traces;
import static gd.render.Previews.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Synthetic;
import gd.landscape.Functions2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.plot.Plots;
import gd.schedule.OneCycleLR;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tech.tablesaw.plotly.components.Figure;

/**
 * The figures of the course's plot helpers ({@link Plots}) come out in the preview as plotly draws them:
 * upright grey digits without axes, a confusion matrix with class 0 at the top and its counts, regions
 * under visible points, a right-hand axis, marker symbols, power-of-ten labels.
 */
class PlotsPreviewTest {
    private static Document preview(Figure figure) throws Exception {
        return Previews.parse(SvgPreview.render(figure));
    }

    private static List<Element> paths(Element trace) {
        return within(trace, "path");
    }

    @Test
    void imagesAreUprightGreyPixelsWithCaptionsAndNoAxes() throws Exception {
        Matrix topLeft = Matrix.zeros(4, 4);
        topLeft.set(0, 0, 1);
        Matrix bottomRight = Matrix.zeros(4, 4);
        bottomRight.set(3, 3, 0.5);
        bottomRight.set(2, 2, 1);
        Document doc = preview(Plots.images("two images", List.of(topLeft, bottomRight), List.of("a", "b"), 2));
        for (String cls : new String[] {"xtick", "ytick", "xgrid", "ygrid", "xtitle", "ytitle"}) {
            assertEquals(0, select(doc, "//*[@class='" + cls + "']").size(), cls);
        }
        List<Element> pixels = paths(traces(doc).get(0));
        List<double[]> corners = new ArrayList<>();
        for (Element p : pixels) {
            assertTrue(p.getAttribute("fill").matches("rgb\\((\\d+),\\1,\\1\\)"), "grey: " + p.getAttribute("fill"));
            assertTrue(p.getAttribute("d").matches("(M[-0-9.]+,[-0-9.]+h[-0-9.]+v[-0-9.]+h[-0-9.]+z)+"),
                    "squares: " + p.getAttribute("d"));
            for (String square : p.getAttribute("d").split("(?=M)")) {
                corners.add(numbers(square));
            }
        }
        assertEquals(3, corners.size(), "one square per pixel with ink");
        assertEquals("rgb(0,0,0)", pixels.get(0).getAttribute("fill"), "the most ink is black");
        double[] first = corners.get(0);
        assertTrue(first[2] < 0 && first[2] == first[3], "as wide as high");
        double[] row0 = corners.get(0);
        double[] row2 = corners.get(1);
        double[] row3 = corners.get(2);
        assertTrue(row0[1] < row2[1] && row2[1] < row3[1], "row 0 at the top, row 3 below it");
        assertTrue(row0[0] < row2[0], "the second image to the right of the first");
        List<Element> captions = within(traces(doc).get(1), "text");
        assertEquals("a", captions.get(0).getTextContent());
        assertEquals("b", captions.get(1).getTextContent());
        assertTrue(number(captions.get(0), "y") < row0[1], "the caption above its image");
    }

    @Test
    void confusionMatrixHasClassZeroAtTheTopAndItsCounts() throws Exception {
        int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 1, 2, 2, 2, 0};
        Document doc = preview(Plots.confusion(ConfusionMatrix.of(predicted, actual, 3)));
        assertEquals(List.of("0", "1", "2"), texts(doc, "xtick"));
        assertEquals(List.of("0", "1", "2"), texts(doc, "ytick"));
        List<Element> y = labels(doc, "ytick");
        assertTrue(number(y.get(0), "y") < number(y.get(2), "y"), "actual class 0 at the top");
        List<String> counts = new ArrayList<>();
        for (Element t : within(traces(doc).get(1), "text")) {
            counts.add(t.getTextContent());
        }
        assertEquals(List.of("2", "1", "2", "1", "3"), counts, "the non-zero counts, row by row");
        assertEquals(1, within(traces(doc).get(0), "image").size());
        assertEquals(1, select(doc, "//*[@class='colorbar']").size());
    }

    @Test
    void decisionRegionsArePaleUnderOutlinedPoints() throws Exception {
        Dataset moons = Synthetic.twoMoons(40, 0.1, Rng.seed(3));
        Matrix w = Matrix.of(new double[] {1, -1}, new double[] {-1, 1});
        Document doc = preview(Plots.decisionBoundary(x -> x.times(w), moons));
        Element regions = traces(doc).get(0);
        assertTrue(Double.parseDouble(regions.getAttribute("opacity")) < 1, "the regions let the grid show through");
        assertEquals(1, within(regions, "image").size());
        for (int i = 1; i < traces(doc).size(); i++) {
            Element points = paths(traces(doc).get(i)).get(0);
            assertEquals("white", points.getAttribute("stroke"), "points are outlined");
            assertTrue(points.getAttribute("fill").startsWith("rgb("));
        }
    }

    @Test
    void oneCycleDrawsTheMomentumAgainstARightHandAxis() throws Exception {
        Sgd sgd = Sgd.of(Dense.of(2, 1, Rng.seed(1)).parameters()).lr(0.1);
        Document doc = preview(Plots.oneCycle(50, OneCycleLR.of(sgd).maxLr(0.1).totalSteps(50).schedule()));
        assertTrue(texts(doc, "y2tick").size() >= 3, texts(doc, "y2tick").toString());
        Element momentum = within(traces(doc).get(1), "polyline").get(0);
        assertTrue(momentum.hasAttribute("stroke-dasharray"), "dashed");
        double[] points = numbers(momentum.getAttribute("points"));
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int i = 1; i < points.length; i += 2) {
            top = Math.min(top, points[i]);
            bottom = Math.max(bottom, points[i]);
        }
        assertTrue(bottom - top > 200, "the momentum spans its own axis, not a sliver of the learning rate's");
    }

    @Test
    void contourPathsHaveStartCirclesEndDiamondsAndStarMinima() throws Exception {
        Trajectory adam = Trajectory.run(Functions2D.rosenbrock(), -1.5, 2, p -> Adam.of(p).lr(0.05), 30);
        Document doc = preview(Plots.contour(Functions2D.rosenbrock(), adam));
        List<String> shapes = new ArrayList<>();
        for (Element trace : traces(doc)) {
            for (Element p : paths(trace)) {
                String d = p.getAttribute("d");
                int corners = d.split("[Mlhva]").length - 1;
                shapes.add(d.contains("a") ? "circle" : corners == 4 ? "diamond" : corners == 10 ? "star" : "other");
            }
        }
        assertTrue(shapes.containsAll(List.of("circle", "diamond", "star")), shapes.toString());
        assertTrue(texts(doc, "legend").contains("minimum"), texts(doc, "legend").toString());
    }

    @Test
    void learningRateFinderLabelsDecadesAsPowersOfTen() throws Exception {
        int n = 60;
        double[] lrs = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            lrs[i] = 1e-6 * Math.pow(10, 7.0 * i / (n - 1));
            losses[i] = 1 + Math.sin(i * 0.1) * 0.1;
        }
        Document doc = preview(Plots.lrFinder(lrs, losses, losses, 1e-3, 1e-2));
        assertTrue(texts(doc, "xtick").stream().anyMatch(t -> t.startsWith("10⁻")), texts(doc, "xtick").toString());
        long dashed = select(doc, "//*[local-name()='polyline' and @stroke-dasharray]").size();
        assertEquals(2, dashed, "the two suggestions");
    }

    @Test
    void histogramsAreFilledDownToZero() throws Exception {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i);
        }
        Document doc = preview(Plots.histogram("sines", values));
        Element fill = within(traces(doc).get(0), "polygon").get(0);
        assertTrue(fill.getAttribute("fill").startsWith("rgba("), fill.getAttribute("fill"));
        assertEquals("0", texts(doc, "ytick").get(0));
    }
}
