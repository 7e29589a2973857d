package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The vendored plotly.js is the recorded file, and its script tag defines window.Plotly safely. */
class PlotlyJsTest {
    @Test
    void bundleHasTheRecordedChecksum() throws Exception {
        byte[] bytes = PlotlyJs.bytes();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals("fc84e3cfa55d23d3654c562ea5deb3c274eb6972a6adf66941d1a821e34825e4", sha256);
        assertEquals(PlotlyJs.SHA256, sha256);
        assertEquals(4_558_732, bytes.length);
    }

    @Test
    void bundleIsTheVersionWeName() {
        assertTrue(PlotlyJs.source().startsWith("/**\n* plotly.js v" + PlotlyJs.VERSION + "\n"),
                PlotlyJs.source().substring(0, 40));
    }

    @Test
    void licenceShipsNextToTheBundle() throws Exception {
        try (var in = PlotlyJs.class.getResourceAsStream("/gd/render/plotly.js-LICENSE.txt")) {
            String licence = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(licence.startsWith("The MIT License (MIT)"), licence);
            assertTrue(licence.contains("Plotly, Inc"), licence);
        }
    }

    @Test
    void scriptTagHidesRequireJsAndRunsOnce() {
        String tag = PlotlyJs.scriptTag();
        assertTrue(tag.startsWith("<script type=\"text/javascript\">\nif (!window.Plotly) {\n"
                + "(function (define, module, exports) {\n/**\n* plotly.js v2.35.3"), tag.substring(0, 120));
        assertTrue(tag.endsWith("\n}).call(window);\n}\n</script>"), tag.substring(tag.length() - 60));
        assertEquals(1, count(tag, "</script"), "only the closing tag may end the script");
        String wrapper = tag.replace(PlotlyJs.source(), "");
        assertFalse(wrapper.contains("http") || wrapper.contains("src="), "the wrapper loads nothing: " + wrapper);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
