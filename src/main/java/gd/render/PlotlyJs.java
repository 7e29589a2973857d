package gd.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The plotly.js bundle shipped inside the library, so that plots draw without any network.
 *
 * <p>The file is {@code plotly.min.js} of the npm package {@code plotly.js-dist-min} 2.35.3, kept
 * unchanged under {@code src/main/resources/gd/render/} (provenance in {@code THIRD-PARTY.md}). The 2.x
 * line is pinned because plotly.js 3 dropped the string titles that Tablesaw 0.44.4 writes.
 */
public final class PlotlyJs {
    /** The plotly.js version of the bundle. */
    public static final String VERSION = "2.35.3";

    /** SHA-256 (hex) of the bundled {@code plotly.min.js}, as recorded in {@code THIRD-PARTY.md}. */
    public static final String SHA256 = "fc84e3cfa55d23d3654c562ea5deb3c274eb6972a6adf66941d1a821e34825e4";

    /** Class-path location of the bundle. */
    public static final String RESOURCE = "/gd/render/plotly.min.js";

    private static volatile String source;

    private PlotlyJs() {
    }

    /**
     * The bundle's JavaScript source (about 4.5 MB), read once and cached.
     *
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static String source() {
        String s = source;
        if (s == null) {
            s = new String(bytes(), StandardCharsets.UTF_8);
            source = s;
        }
        return s;
    }

    /**
     * The raw bytes of the bundle, read from the class path on each call.
     *
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static byte[] bytes() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PlotlyJs: resource " + RESOURCE
                        + " is not on the class path; rebuild the library");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("PlotlyJs: cannot read " + RESOURCE, e);
        }
    }

    /**
     * An HTML {@code <script>} element that defines {@code window.Plotly} from the bundle.
     *
     * <p>The bundle is wrapped as {@code (function(define, module, exports){ … }).call(window)}: with
     * those three names undefined inside, the bundle takes its "browser global" branch even on a page
     * that loads RequireJS (classic Notebook, nbconvert's templates), where it would otherwise register
     * itself as an AMD module and leave {@code window.Plotly} undefined. When {@code window.Plotly}
     * already exists the script does nothing, so running it twice is harmless.
     */
    public static String scriptTag() {
        String js = source();
        if (js.contains("</script")) {
            throw new IllegalStateException("PlotlyJs: bundle contains \"</script\" and cannot be inlined");
        }
        return "<script type=\"text/javascript\">\n"
                + "if (!window.Plotly) {\n"
                + "(function (define, module, exports) {\n"
                + js
                + "\n}).call(window);\n"
                + "}\n"
                + "</script>";
    }
}
