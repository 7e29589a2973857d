package gd.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Synthetic;
import gd.landscape.Functions2D;
import gd.landscape.Trajectory;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.nn.Tanh;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.OneCycleLR;
import gd.schedule.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Builds every figure from small inputs and checks its traces, titles and axes. */
class PlotsTest {
    @Test
    void plotsOfAModelLeaveItsLayersInTheModeTheyWereIn() {
        Rng rng = Rng.seed(11);
        Dropout dropout = Dropout.of(0.5, rng.split());
        Sequential model = Sequential.of(Dense.of(2, 8, rng.split()), ReLU.of(), dropout, Dense.of(8, 2, rng.split()));
        Dataset moons = Synthetic.twoMoons(40, 0.1, rng.split());
        model.eval();
        Plots.decisionBoundary(model, moons);
        Plots.activations(model, moons.x());
        assertFalse(dropout.training(), "still in evaluation mode");
        model.train();
        Plots.probability(model, moons);
        assertTrue(dropout.training(), "still in training mode");
    }

    // ------------------------------------------------------------------ helpers

    static String js(Figure f) {
        return f.asJavascript("t");
    }

    /** The JavaScript of trace i alone. */
    static String trace(Figure f, int i) {
        return f.getTraces()[i].asJavascript(i);
    }

    /** The text of the layout's axis object, e.g. {@code xaxis} or {@code yaxis2}. */
    static String axis(Figure f, String name) {
        String layout = f.getLayout().asJavascript();
        int start = layout.indexOf(name + ": {");
        assertTrue(start >= 0, "no " + name + " in " + layout);
        return layout.substring(start, layout.indexOf("}", start));
    }

    /** The numbers of a data array such as {@code y: ["1.0","2.0"]} in trace i. */
    static double[] data(Figure f, int i, String key) {
        String t = trace(f, i);
        Matcher m = Pattern.compile("(?m)^" + key + ": \\[(.*)\\],$").matcher(t);
        assertTrue(m.find(), "no " + key + " in " + t);
        List<Double> values = new ArrayList<>();
        Matcher v = Pattern.compile("\"?([-+0-9.eENaIfity]+)\"?").matcher(m.group(1));
        while (v.find()) {
            values.add(Double.parseDouble(v.group(1)));
        }
        double[] result = new double[values.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = values.get(k);
        }
        return result;
    }

    static String name(Figure f, int i) {
        return f.getTraces()[i].name();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static void assertLogY(Figure f) {
        assertTrue(axis(f, "yaxis").contains("type: 'log'"), axis(f, "yaxis"));
    }

    static void assertLinear(Figure f, String axisName) {
        assertFalse(axis(f, axisName).contains("type: 'log'"), axis(f, axisName));
    }

    // ------------------------------------------------------------------ line charts

    @Test
    void linesDrawsOneScatterTracePerSeriesWithTitles() {
        Figure f = Plots.lines("Two runs", "step", "loss", Series.of("a", new double[] {3, 2, 1}),
                Series.of("b", new double[] {0, 1}, new double[] {5, 4}).markers().dashed().color("black"));
        assertEquals(2, f.getTraces().length);
        assertInstanceOf(ScatterTrace.class, f.getTraces()[0]);
        assertEquals("Two runs", f.getLayout().getTitle());
        assertTrue(axis(f, "xaxis").contains("title: 'step'"));
        assertTrue(axis(f, "yaxis").contains("title: 'loss'"));
        assertLinear(f, "yaxis");
        assertTrue(trace(f, 0).contains("mode: 'lines'"));
        assertTrue(trace(f, 1).contains("mode: 'markers'"));
        assertTrue(trace(f, 0).contains("#1f77b4"), "first palette colour");
        assertTrue(trace(f, 1).contains("'black'"));
        assertArrayEquals(new double[] {0, 1, 2}, data(f, 0, "x"));
        assertTrue(js(f).contains("showlegend: true"));
        assertTrue(js(f).contains("width: 700") && js(f).contains("height: 420"));
    }

    @Test
    void linesOnLogAxes() {
        Series s = Series.of("lr", new double[] {1e-4, 1e-3, 1e-2}, new double[] {3, 2, 4});
        Figure y = Plots.lines("t", "x", "y", LogScale.Y, s);
        assertLogY(y);
        assertLinear(y, "xaxis");
        Figure x = Plots.lines("t", "x", "y", LogScale.X, s);
        assertTrue(axis(x, "xaxis").contains("type: 'log'"));
        assertLinear(x, "yaxis");
        Figure xy = Plots.lines("t", "x", "y", LogScale.XY, s);
        assertTrue(axis(xy, "xaxis").contains("type: 'log'") && axis(xy, "yaxis").contains("type: 'log'"));
        assertTrue(axis(xy, "yaxis").contains("exponentformat: 'power'"));
    }

    @Test
    void aSingleSeriesHasNoLegend() {
        assertTrue(js(Plots.loss(new double[] {1, 0.5})).contains("showlegend: false"));
    }

    @Test
    void lossOfOneOrSeveralRuns() {
        Figure one = Plots.loss(new double[] {1, 0.5, 0.25});
        assertEquals("Loss per step", one.getLayout().getTitle());
        assertEquals(1, one.getTraces().length);
        assertEquals("loss", name(one, 0));
        assertArrayEquals(new double[] {1, 0.5, 0.25}, data(one, 0, "y"));
        assertLinear(one, "yaxis");
        assertLogY(Plots.loss(LogScale.Y, new double[] {1, 0.5}));
        Figure two = Plots.loss(LogScale.Y, Series.of("η = 0.1", new double[] {1, 0.1}),
                Series.of("η = 0.01", new double[] {1, 0.9}));
        assertEquals(2, two.getTraces().length);
        assertEquals("η = 0.01", name(two, 1));
        assertLogY(two);
    }

    @Test
    void nonFiniteValuesBecomeGaps() {
        Figure f = Plots.loss(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 0.5});
        assertTrue(trace(f, 0).contains("\"NaN\"") && trace(f, 0).contains("\"Infinity\""));
    }

    @Test
    void titlesAreMadeSafeForJavaScript() {
        Figure f = Plots.lines("a\\b\nc 'q' <i>", "x", "y", Series.of("it's", new double[] {1}));
        String layout = f.getLayout().asJavascript();
        assertTrue(layout.contains("title: 'a\\\\b c &#39;q&#39; &lt;i&gt;'"), layout);
        assertTrue(trace(f, 0).contains("name: 'it&#39;s'"), trace(f, 0));
    }

    @Test
    void sizeDrawsOneFigureAgainAndChangesNoOther() {
        Figure small = Plots.loss(new double[] {1, 2});
        Figure large = Plots.size(small, 900, 500);
        assertTrue(js(large).contains("width: 900") && js(large).contains("height: 500"), js(large));
        assertTrue(js(small).contains("width: 700") && js(small).contains("height: 420"), "the figure given");
        assertTrue(js(Plots.loss(new double[] {1, 2})).contains("width: 700"), "a later figure");
        assertEquals(js(small).replace("width: 700", "").replace("height: 420", ""),
                js(large).replace("width: 900", "").replace("height: 500", ""), "the same traces and titles");
        assertEquals(js(small), js(Plots.size(large, Plots.DEFAULT_WIDTH, Plots.DEFAULT_HEIGHT)));
    }

    @Test
    void figuresWithSquareCellsTakeTheirHeightFromTheirOwnWidth() {
        Figure bowl = Plots.size(Plots.contour(Functions2D.bowl()), 1000, 700);
        String layout = bowl.getLayout().asJavascript();
        int height = Integer.parseInt(layout.replaceAll("(?s).*height: (\\d+).*", "$1"));
        int right = Integer.parseInt(layout.replaceAll("(?s).*\"r\" : (\\d+).*", "$1"));
        assertEquals(1000 - Frame.LEFT - right, height - Frame.TOP - Frame.BOTTOM, 1.0, "square units");
        assertEquals(700 - Frame.TOP - Frame.BOTTOM, height - Frame.TOP - Frame.BOTTOM, 1.0, "as high as allowed");
        Matrix a = Matrix.of(new double[] {0, 1}, new double[] {1, 0});
        Figure images = Plots.size(Plots.images("two", List.of(a, a), List.of("a", "b"), 2), 1000, 300);
        double marker = Double.parseDouble(trace(images, 0).replaceAll("(?s).*size: ([0-9.]+).*", "$1"));
        assertEquals((1000 - 2 * Frame.PLAIN) / 5.0 + 0.6, marker, 0.01, "cells as wide as the figure allows");
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 1}, 2);
        assertTrue(js(Plots.size(Plots.confusion(cm), 500, 300)).contains("height: 405"), "500 − 70 − 30 − 110 + 60 + 55");
    }

    @Test
    void sameInputSameFigure() {
        Figure a = Plots.contour(Functions2D.himmelblau(), Trajectory.run(Functions2D.himmelblau(), 0, 0,
                p -> Adam.of(p).lr(0.1), 30));
        Figure b = Plots.contour(Functions2D.himmelblau(), Trajectory.run(Functions2D.himmelblau(), 0, 0,
                p -> Adam.of(p).lr(0.1), 30));
        assertEquals(js(a), js(b));
    }

    @Test
    void mapsWithoutOrderAreSortedByName() {
        Map<String, double[]> runs = Map.of("b", new double[] {1, 2}, "a", new double[] {2, 1}, "c", new double[] {0, 1});
        Figure f = Plots.histogram("h", runs);
        assertEquals(List.of("a", "b", "c"), List.of(name(f, 0), name(f, 1), name(f, 2)));
        Map<String, double[]> linked = new LinkedHashMap<>();
        linked.put("z", new double[] {1});
        linked.put("y", new double[] {2});
        Figure g = Plots.histogram("h", linked);
        assertEquals("z", name(g, 0));
        Map<String, double[]> tree = new TreeMap<>(Map.of("q", new double[] {1}, "p", new double[] {2}));
        assertEquals("p", name(Plots.histogram("h", tree), 0));
    }

    // ------------------------------------------------------------------ one variable

    @Test
    void descentDrawsTheCurveAndEachRunWithItsStart() {
        DoubleUnaryOperator f = x -> x * x;
        double[] iterates = {1.5, 0.9, 0.54};
        Figure fig = Plots.descent(f, -2, 2, iterates);
        assertEquals(3, fig.getTraces().length, "curve, path, start marker");
        assertEquals("f(x)", name(fig, 0));
        assertEquals(400, data(fig, 0, "x").length);
        assertArrayEquals(iterates, data(fig, 1, "x"));
        assertArrayEquals(new double[] {2.25, 0.81, 0.54 * 0.54}, data(fig, 1, "y"), 1e-12);
        assertTrue(trace(fig, 1).contains("mode: 'lines+markers'"));
        assertTrue(trace(fig, 1).contains("step 1: x = 0.9, f = 0.81"), trace(fig, 1));
        assertArrayEquals(new double[] {1.5}, data(fig, 2, "x"));
        assertTrue(trace(fig, 2).contains("showlegend: false"));
        assertTrue(fig.getLayout().getTitle().startsWith("Gradient descent on f(x)"));
        assertTrue(axis(fig, "xaxis").contains("range: [\"-2.08\",\"2.08\"]"), axis(fig, "xaxis"));

        Map<String, double[]> runs = new LinkedHashMap<>();
        runs.put("η = 0.1", new double[] {1, 0.8});
        runs.put("η = 1.1", new double[] {1, -1.2, 1.44, Double.POSITIVE_INFINITY});
        Figure two = Plots.descent(f, -2, 2, runs);
        assertEquals(5, two.getTraces().length);
        assertEquals("η = 1.1 (diverged at step 3)", name(two, 3));
        assertEquals(3, data(two, 3, "x").length);
    }

    // ------------------------------------------------------------------ contours

    @Test
    void contourHasLevelLinesPathsStartEndAndMinimum() {
        var f = Functions2D.rosenbrock();
        var adam = Trajectory.run(f, -1.5, 2, p -> Adam.of(p).lr(0.05), 50);
        var sgd = Trajectory.run(Functions2D.rosenbrock(), -1.5, 2, p -> Sgd.of(p).lr(1e-3).momentum(0.9), 50);
        Figure fig = Plots.contour(Functions2D.rosenbrock(), adam, sgd);
        Trace[] traces = fig.getTraces();
        int levels = 0;
        while (name(fig, levels).startsWith("f = ")) {
            levels++;
        }
        assertTrue(levels >= 10 && levels <= 14, levels + " level lines");
        assertEquals(levels + 1 + 2 * 3, traces.length, "levels, minimum, 3 traces per path");
        assertEquals("minimum", name(fig, levels));
        assertTrue(trace(fig, levels).contains("symbol: 'star'"));
        assertEquals("Adam(lr=0.05)", name(fig, levels + 1));
        assertEquals("Sgd(lr=0.001, momentum=0.9)", name(fig, levels + 4));
        assertArrayEquals(adam.x(), data(fig, levels + 1, "x"));
        assertArrayEquals(new double[] {-1.5}, data(fig, levels + 2, "x"), "start");
        assertArrayEquals(new double[] {adam.finalX()}, data(fig, levels + 3, "x"), "end");
        assertTrue(trace(fig, levels + 3).contains("symbol: 'diamond'"));
        assertTrue(fig.getLayout().getTitle().startsWith("Rosenbrock"));
        assertTrue(axis(fig, "xaxis").contains("range: [\"-2.0\",\"2.0\"]"));
        assertTrue(axis(fig, "yaxis").contains("range: [\"-1.0\",\"3.0\"]"));
        for (int i = 0; i < traces.length; i++) {
            assertInstanceOf(ScatterTrace.class, traces[i]);
        }
    }

    @Test
    void contourLinesLieOnTheirLevel() {
        var f = Functions2D.bowl();
        Figure fig = Plots.contour(f);
        for (int i = 0; i < fig.getTraces().length && name(fig, i).startsWith("f = "); i++) {
            double level = Double.parseDouble(name(fig, i).substring(4));
            double[] x = data(fig, i, "x");
            double[] y = data(fig, i, "y");
            for (int k = 0; k < x.length; k++) {
                if (!Double.isNaN(x[k])) {
                    assertEquals(level, f.value(x[k], y[k]), 0.02 * level + 1e-3, "level " + level);
                }
            }
        }
    }

    @Test
    void contourLevelsAreDenseNearTheMinimum() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 5 + i * i / 100.0;
        }
        double[] levels = ContourFigure.levels(values);
        assertEquals(14, levels.length);
        for (int k = 1; k < levels.length; k++) {
            assertTrue(levels[k] > levels[k - 1]);
        }
        assertTrue(levels[0] > 5 && levels[13] < 5 + 999 * 999 / 100.0);
        assertTrue(levels[13] - levels[12] > 5 * (levels[1] - levels[0]), "wider gaps far from the minimum");
        assertArrayEquals(new double[] {3}, ContourFigure.levels(new double[] {3, 3, 3}));
    }

    @Test
    void namedPathsAndAGivenWindow() {
        var h = Functions2D.himmelblau();
        Map<String, Trajectory> paths = new LinkedHashMap<>();
        paths.put("from the origin", Trajectory.run(h, 0, 0, p -> Sgd.of(p).lr(0.01), 20));
        Figure fig = Plots.contour(h, 0, 5, 0, 5, paths);
        int last = fig.getTraces().length;
        assertEquals("from the origin", name(fig, last - 3));
        assertEquals("minimum", name(fig, last - 4), "only the minimum (3, 2) lies in [0, 5]²");
        assertTrue(axis(fig, "xaxis").contains("range: [\"0.0\",\"5.0\"]"));
    }

    @Test
    void contourWithoutPathsOrMinima() {
        Figure fig = Plots.contour(Functions2D.saddle());
        assertEquals("saddle: contour lines", fig.getLayout().getTitle());
        for (int i = 0; i < fig.getTraces().length; i++) {
            assertTrue(name(fig, i).startsWith("f = "));
        }
        assertTrue(js(fig).contains("showlegend: false"));
    }

    @Test
    void contourKeepsSquareUnits() {
        Figure fig = Plots.contour(Functions2D.bowl());
        String layout = fig.getLayout().asJavascript();
        int height = Integer.parseInt(layout.replaceAll("(?s).*height: (\\d+).*", "$1"));
        int right = Integer.parseInt(layout.replaceAll("(?s).*\"r\" : (\\d+).*", "$1"));
        int plotWidth = 700 - Frame.LEFT - right;
        int plotHeight = height - Frame.TOP - Frame.BOTTOM;
        assertEquals(plotWidth, plotHeight, 1.0);
    }

    // ------------------------------------------------------------------ schedules

    @Test
    void scheduleDrawsLrAtEveryStep() {
        var cos = Schedule.cosine(0.1, 10);
        var step = Schedule.step(0.1, 3).gamma(0.5);
        Figure f = Plots.schedule(10, cos, step);
        assertEquals(2, f.getTraces().length);
        assertEquals("cosine(0.1, tMax=10, etaMin=0.0)", name(f, 0));
        assertEquals("step(0.1, stepSize=3, gamma=0.5)", name(f, 1));
        double[] lr = data(f, 1, "y");
        assertEquals(10, lr.length);
        for (int t = 0; t < 10; t++) {
            assertEquals(step.lr(t), lr[t], 0);
        }
        assertEquals("Learning-rate schedule", f.getLayout().getTitle());
        Figure same = Plots.schedule(5, cos, cos);
        assertEquals("cosine(0.1, tMax=10, etaMin=0.0) #2", name(same, 1));
        Map<String, Schedule> named = new LinkedHashMap<>();
        named.put("cosine", cos);
        assertEquals("cosine", name(Plots.schedule(5, named), 0));
        var opt = Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 1)))).lr(0.1);
        var bound = CosineAnnealingLR.of(opt).tMax(10);
        assertArrayEquals(data(f, 0, "y"), data(Plots.schedule(10, bound.schedule()), 0, "y"), 0,
                "a bound schedule plots its formula");
    }

    @Test
    void oneCycleShowsMomentumOnASecondAxis() {
        var opt = Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 1)))).lr(0.1).momentum(0.9);
        var one = OneCycleLR.of(opt).maxLr(0.1).totalSteps(20);
        Figure f = Plots.oneCycle(20, one.schedule());
        assertEquals(2, f.getTraces().length);
        assertTrue(trace(f, 1).contains("yaxis: 'y2'"));
        assertTrue(axis(f, "yaxis2").contains("overlaying: 'y'") && axis(f, "yaxis2").contains("side: 'right'"));
        assertEquals(one.momentumAt(7), data(f, 1, "y")[7], 0);
        assertEquals(one.lrAt(7), data(f, 0, "y")[7], 0);
    }

    // ------------------------------------------------------------------ LR finder and training health

    @Test
    void lrFinderHasRawSmoothedAndTwoSuggestionsOnALogX() {
        double[] lrs = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        double[] raw = {2.3, 2.0, 1.0, 0.8, 50};
        double[] smooth = {2.3, 2.2, 1.6, 1.2, 10};
        Figure f = Plots.lrFinder(lrs, raw, smooth, 1e-2, 1e-2 / 10);
        assertEquals(4, f.getTraces().length);
        assertTrue(axis(f, "xaxis").contains("type: 'log'"));
        assertLinear(f, "yaxis");
        assertTrue(trace(f, 0).contains("opacity: '0.35'"), "raw loss is faint");
        assertEquals("steepest descent: 0.01", name(f, 2));
        assertEquals("minimum / 10: 0.001", name(f, 3));
        assertTrue(trace(f, 2).contains("dash"));
        double[] y = data(f, 2, "y");
        assertTrue(y[1] < 10 && y[1] > 2.3, "the axis stops above the loss before the minimum, not at the blow-up");
        assertEquals(3, Plots.lrFinder(lrs, raw, smooth, Double.NaN, 1e-3).getTraces().length);
    }

    @Test
    void normsAndRatiosUseALogY() {
        Series a = Series.of("0.weight", new int[] {0, 10, 20}, new double[] {1e-2, 1e-3, 1e-4});
        assertLogY(Plots.gradNorms(a));
        assertLogY(Plots.weightNorms(a));
        Figure r = Plots.updateRatios(a);
        assertLogY(r);
        assertEquals(2, r.getTraces().length);
        assertEquals("1e-3 (rule of thumb)", name(r, 1));
        assertArrayEquals(new double[] {0, 20}, data(r, 1, "x"));
        assertArrayEquals(new double[] {1e-3, 1e-3}, data(r, 1, "y"));
    }

    // ------------------------------------------------------------------ histograms

    @Test
    void histogramsShareBinsAndShowShares() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("layer 1", new double[] {0, 0, 1, 2});
        values.put("layer 2", new double[] {4, Double.NaN});
        Figure f = Plots.histogram("Values", values, 4);
        assertEquals(2, f.getTraces().length);
        assertEquals("layer 2 (1 non-finite left out)", name(f, 1));
        double[] x = data(f, 0, "x");
        double[] y = data(f, 0, "y");
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, x);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0, 0, 0}, y);
        assertArrayEquals(x, data(f, 1, "x"), "the same bins");
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 0}, data(f, 1, "y"));
        assertTrue(trace(f, 0).contains("fill: 'tozeroy'"));
        assertTrue(axis(f, "yaxis").contains("share of values"));
        assertEquals(1, Plots.histogram("one", new double[] {1, 2, 3}).getTraces().length);
    }

    @Test
    void histogramOfEqualValues() {
        double[] x = data(Plots.histogram("h", Map.of("c", new double[] {2, 2}), 2), 0, "x");
        assertEquals(1.5, x[0]);
        assertEquals(2.5, x[x.length - 1]);
    }

    @Test
    void activationsWeightsAndGradientsOfAModel() {
        var rng = Rng.seed(1);
        BatchNorm bn = BatchNorm.of(4);
        Sequential model = Sequential.of(Dense.of(2, 4, rng.split()), bn, Tanh.of(), Dense.of(4, 2, rng.split()));
        Matrix x = Matrix.random(8, 2, rng.split(), r -> r.normal());
        Matrix meanBefore = bn.runningMean().copy();
        Figure acts = Plots.activations(model, x);
        assertEquals(4, acts.getTraces().length);
        assertEquals("0: Dense(2→4)", name(acts, 0));
        assertTrue(acts.getLayout().getTitle().contains("8 examples"));
        assertEquals(meanBefore, bn.runningMean(), "evaluation mode: running statistics unchanged");
        assertTrue(bn.training(), "back in training mode");

        Figure w = Plots.weights(model);
        assertEquals(6, w.getTraces().length);
        assertEquals("0.weight 2×4", name(w, 0));
        model.forward(x);
        model.backward(Matrix.filled(8, 2, 1));
        Figure g = Plots.gradients(model);
        assertEquals("Gradients per parameter", g.getLayout().getTitle());
        assertEquals(6, g.getTraces().length);
    }

    // ------------------------------------------------------------------ images

    /** n fake 28 × 28 images: image i has a vertical bar in column i + 2, with label i % 10. */
    static Dataset fakeDigits(int n) {
        Matrix x = Matrix.zeros(n, 784);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int r = 4; r < 24; r++) {
                x.set(i, r * 28 + i + 2, 1.0);
            }
            x.set(i, 0, 0.5);
            y.set(i, 0, i % 10);
        }
        return Dataset.of(x, y);
    }

    @Test
    void digitsAreDarkPixelsOnWhiteUprightWithCaptions() {
        Figure f = Plots.digits(fakeDigits(3), 3);
        assertEquals(2, f.getTraces().length, "pixels and captions");
        assertTrue(trace(f, 0).contains("symbol: 'square'"));
        double[] px = data(f, 0, "x");
        double[] py = data(f, 0, "y");
        assertEquals(3 * 21, px.length, "20 bar pixels and one grey pixel per image");
        assertEquals(2.5, px[1], 1e-9, "image 0, column 2 (after the grey pixel at column 0)");
        assertTrue(trace(f, 0).contains("rgb(0,0,0)") && trace(f, 0).contains("rgb(128,128,128)"));
        assertTrue(py[2] > py[1], "row r + 1 is below row r on the reversed y-axis");
        assertTrue(axis(f, "yaxis").matches("(?s).*range: \\[\"([0-9.]+)\",\"0.0\"\\].*"), "y reversed");
        assertTrue(axis(f, "xaxis").contains("visible: false"));
        assertTrue(trace(f, 1).contains("mode: 'text'"));
        assertTrue(trace(f, 1).contains("text: [\"0\",\"1\",\"2\"]"), trace(f, 1));
        assertTrue(f.getLayout().getTitle().startsWith("3 images"));
    }

    @Test
    void digitsWithPredictions() {
        Dataset d = fakeDigits(12);
        int[] predicted = new int[12];
        predicted[11] = 7;
        Figure f = Plots.digits(d, new int[] {11, 0}, predicted);
        assertTrue(trace(f, 1).contains("text: [\"1 (pred 7)\",\"0 (pred 0)\"]"), trace(f, 1));
    }

    @Test
    void imagesKeepSquareCells() {
        Matrix a = Matrix.of(new double[] {0, 1}, new double[] {1, 0});
        Figure f = Plots.images("two", List.of(a, a), List.of("a", "b"), 2);
        assertTrue(js(f).contains("width: 700"));
        String marker = trace(f, 0).replaceAll("(?s).*size: ([0-9.]+).*", "$1");
        double size = Double.parseDouble(marker);
        double units = 2 * 2 + 1;   // two images of width 2 and a gap of 1
        assertEquals((700 - 2 * Frame.PLAIN) / units + 0.6, size, 0.01);
    }

    // ------------------------------------------------------------------ classification

    @Test
    void confusionIsAHeatmapWithCountsInTheCells() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}, 3);
        Figure f = Plots.confusion(cm);
        assertEquals(2, f.getTraces().length);
        assertInstanceOf(HeatmapTrace.class, f.getTraces()[0]);
        assertTrue(trace(f, 0).contains("z: [[1.0,0.0,0.0,],[0.0,1.0,0.0,],[0.0,1.0,1.0,],]"), trace(f, 0));
        assertTrue(trace(f, 1).contains("mode: 'text'"));
        assertTrue(trace(f, 1).contains("text: [\"1\",\"1\",\"1\",\"1\"]"));
        assertArrayEquals(new double[] {0, 1, 1, 2}, data(f, 1, "x"), "predicted class");
        assertArrayEquals(new double[] {0, 1, 2, 2}, data(f, 1, "y"), "actual class");
        assertTrue(axis(f, "yaxis").contains("range: [\"2.5\",\"-0.5\"]"), "class 0 at the top");
        assertTrue(axis(f, "xaxis").contains("title: 'predicted class'"));
        assertTrue(axis(f, "yaxis").contains("title: 'actual class'"));
        assertEquals("Confusion matrix: accuracy 0.7500 on 4 examples", f.getLayout().getTitle());
    }

    @Test
    void decisionBoundaryPaintsPredictedClassesUnderTheData() {
        var rng = Rng.seed(3);
        Dataset moons = Synthetic.twoMoons(40, 0.1, rng.split());
        BatchNorm bn = BatchNorm.of(3);
        Sequential model = Sequential.of(Dense.of(2, 3, rng.split()), bn, Tanh.of(), Dense.of(3, 2, rng.split()));
        Matrix meanBefore = bn.runningMean().copy();
        Figure f = Plots.decisionBoundary(model, moons);
        assertEquals(meanBefore, bn.runningMean(), "evaluation mode: running statistics unchanged");
        assertTrue(bn.training());
        assertInstanceOf(HeatmapTrace.class, f.getTraces()[0]);
        assertEquals(3, f.getTraces().length, "regions and one point trace per class");
        assertEquals("class 0", name(f, 1));
        assertTrue(trace(f, 1).contains(Palette.classColor(0, 2)) && trace(f, 2).contains(Palette.classColor(1, 2)));
        assertEquals(20, data(f, 1, "x").length);
        String heat = trace(f, 0);
        assertEquals(121, data(f, 0, "x").length, "120 grid columns and one off-screen column");
        assertTrue(heat.contains("opacity: '0.35'"));
        assertTrue(js(f).contains("showlegend: false"));
    }

    @Test
    void decisionBoundaryOfAHandWrittenModel() {
        Dataset d = Dataset.of(Matrix.of(new double[] {-1, 0}, new double[] {1, 0}), Matrix.columnVector(0, 1));
        // one logit: class 1 where x₁ > 0
        Figure f = Plots.decisionBoundary(x -> x.times(Matrix.columnVector(1, 0)), d);
        String heat = trace(f, 0);
        String firstRow = heat.replaceAll("(?s).*z: \\[\\[([^\\]]*)\\].*", "$1");
        String[] cells = firstRow.split(",");
        assertEquals("0.0", cells[0]);
        assertEquals("1.0", cells[119]);
        assertEquals("0.0", cells[120], "the off-screen column pins class 0 …");
        assertTrue(heat.contains(",1.0,],["), "… and class 1 in the next row");
    }

    @Test
    void probabilityOfClassOne() {
        Dataset d = Dataset.of(Matrix.of(new double[] {-1, 0}, new double[] {1, 0}), Matrix.columnVector(0, 1));
        Figure logit = Plots.probability(x -> x.times(Matrix.columnVector(4, 0)), d);
        String heat = trace(logit, 0);
        String firstRow = heat.replaceAll("(?s).*z: \\[\\[([^\\]]*)\\].*", "$1");
        String[] cells = firstRow.split(",");
        double left = 1 / (1 + Math.exp(4 * 1.2));                   // the grid starts at x₁ = −1.2
        assertEquals(left, Double.parseDouble(cells[0]), 1e-4);
        assertEquals(1 - left, Double.parseDouble(cells[119]), 1e-4);
        assertEquals("0.0", cells[120], "the off-screen column pins p = 0 …");
        assertTrue(heat.contains(",1.0,],["), "… and p = 1");
        assertTrue(logit.getLayout().getTitle().startsWith("Probability of class 1"));
        Figure twoColumns = Plots.probability(x -> x.times(Matrix.of(new double[] {-2, 2}, new double[] {0, 0})), d);
        assertEquals(heat, trace(twoColumns, 0), "softmax of (−2x₁, 2x₁) is σ(4x₁)");
        Sequential model = Sequential.of(Dense.of(Matrix.of(new double[] {4}, new double[] {0}),
                Matrix.of(new double[] {0})));
        assertEquals(heat, trace(Plots.probability(model, d), 0));
    }

    @Test
    void scatterByClass() {
        Dataset blobs = Synthetic.blobs(30, 3, 0.5, Rng.seed(2));
        Figure f = Plots.scatter(blobs);
        assertEquals(3, f.getTraces().length);
        assertEquals("class 2", name(f, 2));
        assertTrue(trace(f, 2).contains(Palette.classColor(2, 3)));
        assertEquals("30 examples, 3 classes", f.getLayout().getTitle(), "the size, not the record's toString");
        Figure titled = Plots.scatter("Three clouds of 10 points", blobs);
        assertEquals("Three clouds of 10 points", titled.getLayout().getTitle());
        assertEquals(3, titled.getTraces().length);
        assertEquals(trace(f, 1), trace(titled, 1), "the same points under another title");
        Dataset one = Dataset.of(Matrix.of(new double[] {0, 1}), Matrix.columnVector(0));
        assertEquals("1 example, 1 class", Plots.scatter(one).getLayout().getTitle());
    }

    // ------------------------------------------------------------------ regression

    @Test
    void regressionPointsAndFittedCurves() {
        Dataset d = Dataset.of(Matrix.columnVector(0, 1, 2), Matrix.columnVector(1, 3, 5));
        Figure points = Plots.regression(d);
        assertEquals(1, points.getTraces().length);
        assertTrue(trace(points, 0).contains("mode: 'markers'"));
        Figure one = Plots.regression(d, x -> 2 * x + 1);
        assertEquals(2, one.getTraces().length);
        assertEquals("fit", name(one, 1));
        double[] fy = data(one, 1, "y");
        assertEquals(1, fy[0], 1e-12);
        assertEquals(5, fy[fy.length - 1], 1e-12);
        Map<String, DoubleUnaryOperator> fits = new LinkedHashMap<>();
        fits.put("step 0", x -> 0);
        fits.put("step 10", x -> x);
        assertEquals("step 10", name(Plots.regression(d, fits), 2));
        Dense line = Dense.of(Matrix.of(new double[] {2}), Matrix.of(new double[] {1}));
        Figure model = Plots.regression(d, line);
        assertEquals(line.toString(), name(model, 1));
        assertEquals(5, data(model, 1, "y")[99], 1e-12);
    }
}
