package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Helpers for preview tests: figures written as JavaScript literals, the SVG parsed as XML. */
final class Previews {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * The plot area of {@link #figure}'s layout: 500 × 400 pixels with margins of 50, so x pixels run
     * from 50 to 450 and y pixels from 350 (bottom) to 50 (top).
     */
    static final String FRAME = "width: 500, height: 400, margin: {l: 50, r: 50, t: 50, b: 50}";

    private Previews() {
    }

    /** A figure written as a JavaScript object literal, e.g. {@code {data: [{x: [1]}], layout: {}}}. */
    static JsonNode figure(String literal) {
        try {
            return LENIENT.readTree(literal);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test figure: " + literal, e);
        }
    }

    /** The preview of a figure literal, parsed. */
    static Document preview(String literal) throws Exception {
        return parse(SvgPreview.render(figure(literal)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<Element> select(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The {@code <g class="trace …">} groups, one per trace. */
    static List<Element> traces(Document doc) throws Exception {
        return select(doc, "//*[local-name()='g' and starts-with(@class, 'trace ')]");
    }

    /** Elements named {@code name} inside {@code parent}, at any depth. */
    static List<Element> within(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The texts of the {@code <text>} elements in the groups with class {@code groupClass}. */
    static List<String> texts(Document doc, String groupClass) throws Exception {
        List<String> out = new ArrayList<>();
        for (Element e : labels(doc, groupClass)) {
            out.add(e.getTextContent());
        }
        return out;
    }

    /** The {@code <text>} elements in the groups with class {@code groupClass}. */
    static List<Element> labels(Document doc, String groupClass) throws Exception {
        return select(doc, "//*[local-name()='g' and @class='" + groupClass + "']/*[local-name()='text']");
    }

    /** A numeric attribute. */
    static double number(Element e, String attribute) {
        assertTrue(e.hasAttribute(attribute), e.getTagName() + " has no " + attribute);
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The numbers in a string, e.g. the coordinates of path data or a points list. */
    static double[] numbers(String s) {
        Matcher m = NUMBER.matcher(s);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The bitmap of an {@code <image>} element holding a base64 PNG. */
    static BufferedImage bitmap(Element image) throws Exception {
        String href = image.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        String prefix = "data:image/png;base64,";
        assertTrue(href.startsWith(prefix), href.substring(0, Math.min(40, href.length())));
        BufferedImage bitmap = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(href.substring(
                prefix.length()))));
        assertEquals((int) number(image, "width"), bitmap.getWidth());
        assertEquals((int) number(image, "height"), bitmap.getHeight());
        return bitmap;
    }

    /** The colour of a bitmap pixel as {@code rgb(r,g,b)}, or "transparent". */
    static String rgb(BufferedImage bitmap, int x, int y) {
        int argb = bitmap.getRGB(x, y);
        if ((argb >>> 24) == 0) {
            return "transparent";
        }
        return "rgb(" + ((argb >> 16) & 0xFF) + "," + ((argb >> 8) & 0xFF) + "," + (argb & 0xFF) + ")";
    }
}
