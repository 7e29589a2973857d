package gd.render;

import static gd.render.Previews.FRAME;
import static gd.render.Previews.labels;
import static gd.render.Previews.number;
import static gd.render.Previews.numbers;
import static gd.render.Previews.preview;
import static gd.render.Previews.select;
import static gd.render.Previews.texts;
import static gd.render.Previews.traces;
import static gd.render.Previews.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The plotly.js settings the course's figures use, each drawn as plotly draws it. Every figure here has
 * the plot area of {@link Previews#FRAME}: x pixels 50 … 450, y pixels 350 (bottom) … 50 (top).
 */
class SvgPreviewFeaturesTest {
    /** The same plot area as {@link Previews#FRAME}, with room on the right for a colour bar. */
    private static final String FRAME_WITH_BAR = "width: 550, height: 400, margin: {l: 50, r: 100, t: 50, b: 50}";

    private static List<Element> markerPaths(Element trace) {
        List<Element> out = new ArrayList<>();
        for (Element path : within(trace, "path")) {
            if (path.getAttribute("class").equals("markers")) {
                out.add(path);
            }
        }
        return out;
    }

    @Test
    void hiddenAxesHaveNoGridTicksLabelsOrTitles() throws Exception {
        Document doc = preview("{data: [{x: [-1, 1], y: [-1, 1], mode: 'markers'}], layout: {" + FRAME
                + ", xaxis: {visible: false, title: {text: 'x'}}, yaxis: {visible: false, title: {text: 'y'}}}}");
        for (String cls : new String[] {"xgrid", "ygrid", "xzeroline", "yzeroline", "xtick", "ytick", "xtitle",
            "ytitle"}) {
            assertEquals(0, select(doc, "//*[@class='" + cls + "']").size(), cls);
        }
        assertEquals(1, markerPaths(traces(doc).get(0)).size(), "the trace is still drawn");
        Document shown = preview("{data: [{x: [-1, 1], y: [-1, 1], mode: 'markers'}], layout: {" + FRAME
                + ", xaxis: {title: {text: 'x'}}}}");
        assertEquals(1, select(shown, "//*[@class='xtitle']").size());
        assertEquals(1, select(shown, "//*[@class='xzeroline']").size());
    }

    @Test
    void reversedRangePutsTheFirstValueAtTheTop() throws Exception {
        String data = "data: [{x: [1, 1], y: [0, 10], mode: 'markers', marker: {symbol: 'square', size: 10}}]";
        Document doc = preview("{" + data + ", layout: {" + FRAME
                + ", xaxis: {range: [0, 2]}, yaxis: {autorange: 'false', range: ['10.0', '0.0']}}}");
        double[] corners = numbers(markerPaths(traces(doc).get(0)).get(0).getAttribute("d"));
        assertArrayEquals(new double[] {255, 55, -10, -10, 10, 255, 355, -10, -10, 10}, corners, 1e-9,
                "y = 0 at the top (square from 45 to 55), y = 10 at the bottom (345 to 355)");
        List<Element> ticks = labels(doc, "ytick");
        assertEquals("0", ticks.get(0).getTextContent());
        assertEquals(50, number(ticks.get(0), "y"), 1e-9);
        Document auto = preview("{" + data + ", layout: {" + FRAME + ", yaxis: {autorange: 'reversed'}}}");
        double[] autoCorners = numbers(markerPaths(traces(auto).get(0)).get(0).getAttribute("d"));
        assertTrue(autoCorners[1] < autoCorners[6], "autorange 'reversed' also puts y = 0 above y = 10");
    }

    @Test
    void perPointColoursAndSquareMarkersOfTheirSize() throws Exception {
        Document doc = preview("{data: [{x: [1, 2, 3], y: [1, 1, 1], mode: 'markers', marker: {symbol: 'square',"
                + " size: 10, color: ['rgb(0,0,0)', 'rgb(200,200,200)', 'rgb(0,0,0)']}}],"
                + " layout: {" + FRAME + ", xaxis: {range: [0, 4]}, yaxis: {range: [0, 2]}}}");
        List<Element> paths = markerPaths(traces(doc).get(0));
        assertEquals(2, paths.size(), "one path per colour");
        assertEquals("rgb(0,0,0)", paths.get(0).getAttribute("fill"));
        assertEquals("M155,205h-10v-10h10zM355,205h-10v-10h10z", paths.get(0).getAttribute("d"),
                "squares 10 pixels wide centred on x = 1 (150) and x = 3 (350), y = 1 (200)");
        assertEquals("rgb(200,200,200)", paths.get(1).getAttribute("fill"));
        assertEquals("M255,205h-10v-10h10z", paths.get(1).getAttribute("d"));
    }

    @Test
    void markerSymbolsHavePlotlysShapesAndOutlines() throws Exception {
        Document doc = preview("{data: [{x: [1], y: [1], mode: 'markers', marker: {symbol: 'diamond', size: 10,"
                + " line: {color: 'white', width: 1}}}, {x: [2], y: [1], mode: 'markers', marker: {symbol: 'star',"
                + " size: 20}}, {x: [3], y: [1], mode: 'markers', marker: {size: 8}}, {x: [3], y: [1.5],"
                + " mode: 'markers', marker: {symbol: 'circle-open', size: 8, color: '#d62728'}}],"
                + " layout: {" + FRAME + ", showlegend: false, xaxis: {range: [0, 4]}, yaxis: {range: [0, 2]}}}");
        Element diamond = markerPaths(traces(doc).get(0)).get(0);
        assertEquals("M156.5,200l-6.5,6.5l-6.5,-6.5l6.5,-6.5z", diamond.getAttribute("d"), "corners at 1.3 r");
        assertEquals("white", diamond.getAttribute("stroke"));
        assertEquals("1", diamond.getAttribute("stroke-width"));
        String star = markerPaths(traces(doc).get(1)).get(0).getAttribute("d");
        assertEquals(10, star.split("[Mlhv]").length - 1, "ten corners");
        assertTrue(star.startsWith("M253.2,195.7"), star);
        String circle = markerPaths(traces(doc).get(2)).get(0).getAttribute("d");
        assertEquals("M354,200a4,4 0 1,1 -8,0a4,4 0 1,1 8,0z", circle);
        Element open = markerPaths(traces(doc).get(3)).get(0);
        assertEquals("none", open.getAttribute("fill"));
        assertEquals("#d62728", open.getAttribute("stroke"));
    }

    @Test
    void textTracesWriteEachLabelAtItsPoint() throws Exception {
        Document doc = preview("{data: [{x: [1, 3], y: [1, 1], mode: 'text', text: ['7', '2 (pred 3)'],"
                + " textfont: {size: 14, color: '#123456'}, showlegend: false}],"
                + " layout: {" + FRAME + ", xaxis: {range: [0, 4]}, yaxis: {range: [0, 2]}}}");
        Element group = within(traces(doc).get(0), "g").get(0);
        assertEquals("text", group.getAttribute("class"));
        assertEquals("14", group.getAttribute("font-size"));
        assertEquals("#123456", group.getAttribute("fill"));
        assertEquals("middle", group.getAttribute("text-anchor"));
        List<Element> texts = within(group, "text");
        assertEquals(List.of("7", "2 (pred 3)"), List.of(texts.get(0).getTextContent(), texts.get(1).getTextContent()));
        assertEquals(150, number(texts.get(0), "x"), 1e-9);
        assertEquals(350, number(texts.get(1), "x"), 1e-9);
        assertEquals(200, number(texts.get(0), "y"), 1e-9);
        assertEquals("0.35em", texts.get(0).getAttribute("dy"), "centred on the point");
    }

    @Test
    void heatmapHonoursOpacityAndColourRangeUnderThePoints() throws Exception {
        Document doc = preview("{data: [{type: 'heatmap', x: [0, 1], y: [0, 1], z: [[0, 1], [2, 3]], zmin: 0, zmax: 6,"
                + " opacity: '0.35', colorscale: 'Greys'}, {x: [0.5], y: [0.5], mode: 'markers'}],"
                + " layout: {" + FRAME_WITH_BAR + ", xaxis: {range: [-0.5, 1.5]}, yaxis: {range: [-0.5, 1.5]}}}");
        Element heatmap = traces(doc).get(0);
        assertEquals("0.35", heatmap.getAttribute("opacity"));
        Element image = within(heatmap, "image").get(0);
        assertEquals(50, number(image, "x"), 1e-9);
        assertEquals(50, number(image, "y"), 1e-9);
        BufferedImage bitmap = Previews.bitmap(image);
        assertEquals(400, bitmap.getWidth());
        assertEquals(300, bitmap.getHeight());
        assertEquals("rgb(0,0,0)", Previews.rgb(bitmap, 100, 225), "z = 0 (bottom left) is zmin: black");
        assertEquals("rgb(43,43,43)", Previews.rgb(bitmap, 300, 225), "z = 1 is 1/6 of the way to zmax = 6");
        assertEquals("rgb(128,128,128)", Previews.rgb(bitmap, 300, 75), "z = 3 (top right) is half way");
        assertEquals("6", texts(doc, "colorbar").get(texts(doc, "colorbar").size() - 1), "the bar ends at zmax");
        assertEquals("scatter", traces(doc).get(1).getAttribute("class").substring(6), "the points are drawn after");
        assertEquals(0, select(doc, "//*[@class='legend']").size(), "heatmaps are not listed in the legend");
    }

    @Test
    void tickValuesAndTextsAreUsedAsGivenWithOutsideMarksNextToAHeatmap() throws Exception {
        Document doc = preview("{data: [{type: 'heatmap', x: [0, 1, 2], y: [0, 1, 2], z: [[1, 2, 3], [4, 5, 6],"
                + " [7, 8, 9]]}], layout: {" + FRAME_WITH_BAR + ", xaxis: {tickmode: 'array', tickvals: [0, 1, 2],"
                + " ticktext: ['zero', 'one', 'two'], range: ['-0.5', '2.5']}, yaxis: {tickmode: 'array',"
                + " tickvals: [0, 1, 2], ticktext: ['0', '1', '2'], range: ['2.5', '-0.5']}}}");
        assertEquals(List.of("zero", "one", "two"), texts(doc, "xtick"));
        List<Element> x = labels(doc, "xtick");
        assertEquals(50 + 400 / 6.0, number(x.get(0), "x"), 0.06);
        List<Element> y = labels(doc, "ytick");
        assertEquals(List.of("0", "1", "2"), texts(doc, "ytick"));
        assertEquals(50 + 300 / 6.0, number(y.get(0), "y"), 0.06, "class 0 at the top of a reversed axis");
        List<Element> marks = select(doc, "//*[local-name()='g' and @class='ytick']/*[local-name()='line']");
        assertEquals(3, marks.size());
        assertEquals(45, number(marks.get(0), "x2"), 1e-9, "5 pixels outside the plot area");
    }

    @Test
    void linearTicksFollowDtickAndTick0OrPlotlysAutomaticStep() throws Exception {
        Document doc = preview("{data: [{x: [0, 1], y: [0, 1], mode: 'lines'}], layout: {" + FRAME
                + ", xaxis: {dtick: 0.25, tick0: 0.1}}}");
        assertEquals(List.of("0.1", "0.35", "0.6", "0.85"), texts(doc, "xtick"));
        Document auto = preview("{data: [{x: [0, 130], y: [-2, 1], mode: 'lines'}], layout: {width: 520, height: 400,"
                + " margin: {l: 50, r: 50, t: 50, b: 50}}}");
        assertEquals(List.of("0", "50", "100"), texts(auto, "xtick"),
                "420 pixels: 6.25 ticks, 130 / 6.25 = 20.8, the next of 2, 5, 10 × 10ᵏ is 50");
        assertEquals(List.of("−2", "−1.5", "−1", "−0.5", "0", "0.5", "1"), texts(auto, "ytick"),
                "300 pixels: about 8.5 ticks; plotly's minus sign");
    }

    @Test
    void logAxisInPowerFormatWithADecadeStep() throws Exception {
        Document doc = preview("{data: [{x: [1, 2], y: [1e-6, 10], mode: 'lines'}], layout: {" + FRAME
                + ", yaxis: {type: 'log', exponentformat: 'power', dtick: 2}}}");
        assertEquals(List.of("10⁻⁶", "10⁻⁴", "10⁻²", "1"), texts(doc, "ytick"));
        assertEquals("15", labels(doc, "ytick").get(0).getAttribute("font-size"), "powers are drawn larger");
        Document automatic = preview("{data: [{x: [1, 2], y: [1e-7, 0.1], mode: 'lines'}], layout: {" + FRAME
                + ", yaxis: {type: 'log'}}}");
        assertEquals(List.of("100n", "1μ", "10μ", "100μ", "0.001", "0.01", "0.1"), texts(automatic, "ytick"),
                "every decade; the default exponent format writes SI prefixes beyond 10⁻³");
    }

    @Test
    void secondYAxisOnTheRightHasItsOwnRange() throws Exception {
        Document doc = preview("{data: [{x: [0, 1, 2], y: [0, 0.05, 0.1], mode: 'lines'},"
                + " {x: [0, 1, 2], y: [0.95, 0.85, 0.95], mode: 'lines', yaxis: 'y2', line: {dash: 'dash'}}],"
                + " layout: {" + FRAME + ", showlegend: false, yaxis: {title: {text: 'learning rate'}},"
                + " yaxis2: {title: {text: 'momentum'}, side: 'right', overlaying: 'y', showgrid: false}}}");
        double[] momentum = numbers(within(traces(doc).get(1), "polyline").get(0).getAttribute("points"));
        assertEquals(350 - 300 * 0.95, momentum[1], 0.1, "0.95 near the top (5 % padding)");
        assertEquals(350 - 300 * 0.05, momentum[3], 0.1, "0.85 near the bottom");
        List<Element> right = labels(doc, "y2tick");
        assertTrue(right.size() >= 4, right.toString());
        for (Element label : right) {
            assertEquals(453, number(label, "x"), 1e-9);
            assertEquals("start", label.getAttribute("text-anchor"));
        }
        assertTrue(texts(doc, "y2tick").contains("0.9"), texts(doc, "y2tick").toString());
        Element title = select(doc, "//*[@class='y2title']").get(0);
        assertEquals("momentum", title.getTextContent());
        assertTrue(number(title, "x") > 450);
        assertEquals(0, select(doc, "//*[@class='y2grid']").size(), "showgrid: false");
        assertEquals(1, select(doc, "//*[@class='ygrid']").size());
    }

    @Test
    void legendListsTracesAsPlotlyDoes() throws Exception {
        Document doc = preview("{data: [{x: [1, 2], y: [1, 2], name: 'solid'}, {x: [1, 2], y: [2, 1], name: 'dashed',"
                + " line: {dash: 'dash', color: '#ff7f0e'}, opacity: '0.35'}, {x: [1], y: [1], name: 'hidden',"
                + " showlegend: false}, {x: [1], y: [2], name: 'minimum', mode: 'markers', marker: {symbol: 'star',"
                + " size: 17, color: '#f2b400'}}], layout: {" + FRAME + "}}");
        assertEquals(List.of("solid", "dashed", "minimum"), texts(doc, "legend"));
        List<Element> entries = select(doc, "//*[@class='legend']/*[local-name()='g']");
        assertEquals("0.35", entries.get(1).getAttribute("opacity"));
        Element dashed = within(entries.get(1), "line").get(0);
        assertEquals("#ff7f0e", dashed.getAttribute("stroke"));
        assertEquals("9,9", dashed.getAttribute("stroke-dasharray"));
        Element star = within(entries.get(2), "path").get(0);
        assertEquals("#f2b400", star.getAttribute("fill"));
        assertEquals(10, star.getAttribute("d").split("[Mlhv]").length - 1, "the star's ten corners");

        assertEquals(List.of("trace 0"), texts(preview("{data: [{x: [1], y: [1]}], layout: {" + FRAME
                + ", showlegend: true}}"), "legend"), "asked for: even one unnamed trace");
        assertEquals(List.of("trace 0", "trace 1"), texts(preview("{data: [{x: [1], y: [1]}, {x: [2], y: [2]}],"
                + " layout: {" + FRAME + "}}"), "legend"), "by default: two traces or more");
        assertEquals(List.of(), texts(preview("{data: [{x: [1], y: [1]}, {x: [2], y: [2]}], layout: {" + FRAME
                + ", showlegend: false}}"), "legend"));
    }

    @Test
    void linesHaveTheirColourWidthDashAndOpacity() throws Exception {
        Document doc = preview("{data: [{x: [0, 1], y: [0, 1], mode: 'lines', line: {color: '#d62728', width: 2,"
                + " dash: 'dash'}, marker: {color: '#1f77b4'}, opacity: '0.35'}, {x: [0, 1], y: [1, 0], mode: 'lines',"
                + " line: {dash: 'dot', width: 1}}, {x: [0, 1], y: [1, 1], mode: 'lines', line: {dash: 'dashdot',"
                + " width: 4}}], layout: {" + FRAME + ", showlegend: false}}");
        Element first = traces(doc).get(0);
        assertEquals("0.35", first.getAttribute("opacity"));
        Element line = within(first, "polyline").get(0);
        assertEquals("#d62728", line.getAttribute("stroke"), "line.color wins over marker.color");
        assertEquals("2", line.getAttribute("stroke-width"));
        assertEquals("9,9", line.getAttribute("stroke-dasharray"), "dash: 3 × max(width, 3)");
        Element dotted = within(traces(doc).get(1), "polyline").get(0);
        assertEquals("#ff7f0e", dotted.getAttribute("stroke"), "the palette's second colour");
        assertEquals("3,3", dotted.getAttribute("stroke-dasharray"));
        assertEquals("12,4,4,4", within(traces(doc).get(2), "polyline").get(0).getAttribute("stroke-dasharray"));
    }

    @Test
    void axisTitlesAsTextObjectsWithTheirFont() throws Exception {
        Document doc = preview("{data: [{x: [0, 1], y: [0, 1]}], layout: {" + FRAME + ", title: {text: 'Loss',"
                + " font: {size: 20, color: '#123456'}}, xaxis: {title: {text: 'step', font: {size: 15}}},"
                + " yaxis: {title: 'loss'}}}");
        Element x = select(doc, "//*[@class='xtitle']").get(0);
        assertEquals("step", x.getTextContent());
        assertEquals("15", x.getAttribute("font-size"));
        assertEquals("loss", select(doc, "//*[@class='ytitle']").get(0).getTextContent());
        Element title = select(doc, "//*[@class='title']").get(0);
        assertEquals("Loss", title.getTextContent());
        assertEquals("20", title.getAttribute("font-size"));
        assertEquals("#123456", title.getAttribute("fill"));
    }

    @Test
    void fillToZeroStartsTheAxisAtZero() throws Exception {
        Document doc = preview("{data: [{x: [0, 1, 1, 2], y: [0, 0, 0.5, 0.5], mode: 'lines', fill: 'tozeroy',"
                + " fillcolor: 'rgba(31,119,180,0.2)', line: {color: '#1f77b4'}}], layout: {" + FRAME + "}}");
        Element fill = within(traces(doc).get(0), "polygon").get(0);
        assertEquals("rgba(31,119,180,0.2)", fill.getAttribute("fill"));
        double[] points = numbers(fill.getAttribute("points"));
        assertEquals(350, points[1], 1e-9, "down to y = 0, the bottom of the plot area");
        assertEquals("0", texts(doc, "ytick").get(0));
        assertEquals(350, number(labels(doc, "ytick").get(0), "y"), 1e-9);
        assertEquals(0, select(doc, "//*[@class='yzeroline']").size(), "no zero line along the fill's edge");
    }

    @Test
    void autorangePadsMarkersButNotLines() throws Exception {
        Document doc = preview("{data: [{x: [0, 10], y: [0, 1], mode: 'lines'}, {x: [2, 8], y: [0.5, 0.5],"
                + " mode: 'markers'}], layout: {" + FRAME + ", showlegend: false}}");
        double[] line = numbers(within(traces(doc).get(0), "polyline").get(0).getAttribute("points"));
        assertEquals(50, line[0], 1e-9, "the line starts at the left edge");
        assertEquals(450, line[2], 1e-9, "and ends at the right edge");
        assertTrue(line[1] < 350 && line[3] > 50, "y is padded: 5 % of the axis");
        Document single = preview("{data: [{x: [0, 10], y: [0.05, 0.05], mode: 'lines'}], layout: {" + FRAME + "}}");
        assertEquals(List.of("−0.5", "0", "0.5", "1"), texts(single, "ytick"), "one value: ± 1 around it");
    }

    @Test
    void zeroLineColourAndSwitch() throws Exception {
        Document doc = preview("{data: [{x: [-1, 1], y: [-1, 1]}], layout: {" + FRAME
                + ", xaxis: {zerolinecolor: 'rgba(0,0,0,0)', showgrid: false}, yaxis: {zeroline: false}}}");
        assertEquals("rgba(0,0,0,0)", select(doc, "//*[@class='xzeroline']").get(0).getAttribute("stroke"));
        assertEquals(0, select(doc, "//*[@class='yzeroline']").size());
        assertEquals(0, select(doc, "//*[@class='xgrid']").size());
        assertEquals(1, select(doc, "//*[@class='ygrid']").size());
    }
}
