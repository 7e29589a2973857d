package gd.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gd.render.FigureHtml;
import gd.render.PlotlyJson;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.plotly.components.Figure;

/**
 * Every use of JJava's API in the library. Loaded only after {@link Kernel} found JJava's classes, or by the
 * kernel's own extension loading ({@link FigureExtension}).
 *
 * <p>Compiled against jjava-jupyter 1.0-a6 and run by the kernel of the {@code jjava} pip package (1.0a8): only
 * methods whose signatures are the same in both are used. In particular {@code DisplayData.setDisplayId} changed
 * its return type, so the display id is set as the transient field {@code display_id} instead.
 */
final class JJavaBridge implements Bridge {
    static final JJavaBridge INSTANCE = new JJavaBridge();

    private static Renderer installedOn;

    private JJavaBridge() {
    }

    /** Whether JJava has started a kernel in this JVM. */
    static boolean running() {
        return kernel() != null;
    }

    /** The running kernel, or null ({@code BaseKernel.notebookKernel()} throws when there is none). */
    private static BaseKernel kernel() {
        try {
            return BaseKernel.notebookKernel();
        } catch (NullPointerException noKernel) {
            return null;
        }
    }

    @Override
    public void install() {
        BaseKernel kernel = kernel();
        if (kernel != null) {
            install(kernel);
        }
    }

    /** Registers the renderers with {@code kernel}, once per kernel. */
    static synchronized void install(BaseKernel kernel) {
        Renderer renderer = kernel.getRenderer();
        if (renderer != installedOn) {
            register(renderer);
            installedOn = renderer;
        }
    }

    /** Registers the renderers for Tablesaw figures and banners with {@code renderer}. */
    static void register(Renderer renderer) {
        MIMEType plotly = MIMEType.parse(PlotlyJson.MIME_TYPE);
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.TEXT_HTML, plotly, MIMEType.TEXT_PLAIN)
                .register((figure, context) -> {
                    ObjectNode json = PlotlyJson.of(figure);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> PlotlyJson.describe(json));
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> FigureHtml.render(json, FigureHtml.nextId()));
                    context.renderIfRequested(plotly, () -> PlotlyJson.toPlainObjects(json));
                });
        renderer.createRegistration(Banner.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((banner, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, banner::text);
                    context.renderIfRequested(MIMEType.TEXT_HTML, banner::html);
                });
    }

    @Override
    public boolean canDisplay() {
        BaseKernel kernel = kernel();
        return kernel != null && kernel.getIO().display.isAttached();
    }

    @Override
    public void display(String displayId, String text, String html) {
        BaseKernel.notebookKernel().getIO().display.display(data(displayId, text, html));
    }

    @Override
    public void update(String displayId, String text, String html) {
        BaseKernel.notebookKernel().getIO().display.updateDisplay(displayId, data(displayId, text, html));
    }

    private static DisplayData data(String displayId, String text, String html) {
        DisplayData data = new DisplayData();
        data.putText(text);
        data.putHTML(html);
        data.putTransientData("display_id", displayId);
        return data;
    }
}
