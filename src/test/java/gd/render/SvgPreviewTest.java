package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** The static preview is well-formed SVG with the title, one group per trace, axes and a legend. */
class SvgPreviewTest {
    private static Document parse(String xml) throws Exception {
        return Previews.parse(xml);
    }

    private static List<Element> select(Document doc, String xpath) throws Exception {
        return Previews.select(doc, xpath);
    }

    private static List<Element> traces(Document doc) throws Exception {
        return Previews.traces(doc);
    }

    private static List<String> texts(Document doc, String groupClass) throws Exception {
        return Previews.texts(doc, groupClass);
    }

    @Test
    void everyKindOfFigureIsWellFormedWithTitleAndOneGroupPerTrace() throws Exception {
        Figure[] figures = {Figures.logLoss(), Figures.bars(), Figures.histogram(), Figures.heatmap(false),
            Figures.heatmap(true), Figures.box(), Figures.bare()};
        String[] titles = {"Loss & <accuracy>", "Bars", "Histogram", "Heatmap", "Contour", "Box", ""};
        int[] traceCounts = {2, 2, 1, 1, 1, 1, 1};
        for (int f = 0; f < figures.length; f++) {
            String svg = SvgPreview.render(figures[f]);
            Document doc = parse(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
            assertEquals(traceCounts[f], traces(doc).size(), titles[f] + ": " + svg);
            if (!titles[f].isEmpty()) {
                assertEquals(titles[f], select(doc, "/*/*[local-name()='title']").get(0).getTextContent());
                assertEquals(titles[f], select(doc, "//*[local-name()='text' and @class='title']").get(0)
                        .getTextContent());
            }
        }
    }

    @Test
    void linesAndMarkersAreDrawn() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.logLoss()));
        Element train = traces(doc).get(0);
        assertEquals("train", train.getAttribute("data-name"));
        assertEquals(2, train.getElementsByTagName("polyline").getLength(), "the NaN splits the line in two");
        List<Element> markers = Previews.within(train, "path");
        assertEquals(1, markers.size(), "markers of one colour form one path");
        assertEquals(3, markers.get(0).getAttribute("d").split("M").length - 1, "a marker per finite point");
        Element test = traces(doc).get(1);
        assertEquals(1, test.getElementsByTagName("polyline").getLength());
        assertEquals(0, test.getElementsByTagName("path").getLength());
        assertEquals(4, test.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points")
                .getNodeValue().split(" ").length);
    }

    @Test
    void logAxisHasDecadeTicksWithTwoAndFiveBetween() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.logLoss()));
        assertEquals(List.of("0.001", "2", "5", "0.01", "2", "5", "0.1", "2", "5", "1", "2"), texts(doc, "ytick"),
                "plotly's D2 ticks: 1, 2 and 5 in each decade, the decade labelled in full");
        for (Element label : Previews.labels(doc, "ytick")) {
            boolean decade = label.getTextContent().length() > 1 || label.getTextContent().equals("1");
            assertEquals(decade ? "" : "9", label.getAttribute("font-size"), "digits between decades are small");
        }
        assertTrue(texts(doc, "xtick").containsAll(List.of("1", "2", "3", "4")), texts(doc, "xtick").toString());
        assertEquals("epoch", select(doc, "//*[@class='xtitle']").get(0).getTextContent());
        assertEquals("loss", select(doc, "//*[@class='ytitle']").get(0).getTextContent());
    }

    @Test
    void logAxisPlacesDecadesEvenly() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.logLoss()));
        List<Element> decades = new ArrayList<>();
        for (Element label : Previews.labels(doc, "ytick")) {
            if (label.getTextContent().contains("0") || label.getTextContent().equals("1")) {
                decades.add(label);
            }
        }
        assertEquals(4, decades.size());
        double y0 = Double.parseDouble(decades.get(0).getAttribute("y"));
        double y1 = Double.parseDouble(decades.get(1).getAttribute("y"));
        double y2 = Double.parseDouble(decades.get(2).getAttribute("y"));
        assertEquals(y0 - y1, y1 - y2, 0.15);
        assertTrue(y0 > y1, "larger values are higher up");
    }

    @Test
    void legendListsNamedTraces() throws Exception {
        assertEquals(List.of("train", "test"), texts(parse(SvgPreview.render(Figures.logLoss())), "legend"));
        assertEquals(List.of("a", "b"), texts(parse(SvgPreview.render(Figures.bars())), "legend"));
        assertEquals(0, select(parse(SvgPreview.render(Figures.bare())), "//*[@class='legend']").size());
    }

    @Test
    void barsAreCategoryBandsSideBySide() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.bars()));
        assertEquals(List.of("cat", "dog", "bird"), texts(doc, "xtick"));
        Element a = traces(doc).get(0);
        Element b = traces(doc).get(1);
        assertEquals(3, a.getElementsByTagName("rect").getLength());
        assertEquals(3, b.getElementsByTagName("rect").getLength());
        Element aCat = (Element) a.getElementsByTagName("rect").item(0);
        Element bCat = (Element) b.getElementsByTagName("rect").item(0);
        double aRight = Double.parseDouble(aCat.getAttribute("x")) + Double.parseDouble(aCat.getAttribute("width"));
        assertEquals(aRight, Double.parseDouble(bCat.getAttribute("x")), 0.15, "b's bar starts where a's ends");
        double aHeight = Double.parseDouble(aCat.getAttribute("height"));
        double bHeight = Double.parseDouble(bCat.getAttribute("height"));
        assertEquals(3.0, aHeight / bHeight, 0.01, "cat: 3 versus 1");
    }

    @Test
    void histogramCountsEveryValue() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.histogram()));
        assertTrue(traces(doc).get(0).getElementsByTagName("rect").getLength() >= 5);
        assertEquals("0", texts(doc, "ytick").get(0), "counts start at zero");
    }

    @Test
    void heatmapIsOneBitmapWithAColourBar() throws Exception {
        for (boolean contour : new boolean[] {false, true}) {
            Document doc = parse(SvgPreview.render(Figures.heatmap(contour)));
            List<Element> images = Previews.within(traces(doc).get(0), "image");
            assertEquals(1, images.size());
            Previews.bitmap(images.get(0));
            assertEquals(1, select(doc, "//*[@class='colorbar']").size());
        }
    }

    @Test
    void boxShowsTheOutlier() throws Exception {
        Document doc = parse(SvgPreview.render(Figures.box()));
        assertEquals(List.of("a", "b"), texts(doc, "xtick"));
        assertEquals(1, traces(doc).get(0).getElementsByTagName("circle").getLength(), "10 lies beyond 1.5 IQR");
    }

    @Test
    void hostileTextIsEscaped() throws Exception {
        String nasty = "a]]><script>alert(1)</script>\u0001\"'&";
        Figure figure = new Figure(Layout.builder().title(nasty).build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {1, 2}).name(nasty).build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {2, 1}).name("other").build());
        String svg = SvgPreview.render(figure);
        Document doc = parse(svg);
        String expected = "a]]><script>alert(1)</script>\"'&";
        assertEquals(expected, select(doc, "/*/*[local-name()='title']").get(0).getTextContent());
        assertTrue(texts(doc, "legend").get(0).startsWith("a]]><script>"), texts(doc, "legend").toString());
        assertEquals(0, select(doc, "//*[local-name()='script']").size());
    }

    @Test
    void nonObjectIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SvgPreview.render(JsonNodeFactory.instance.arrayNode()));
        assertEquals("SvgPreview.render: expected a Plotly figure object {data, layout}, got ARRAY", e.getMessage());
    }
}
