package gd.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gd.render.FigureHtml;
import gd.render.PlotlyJson;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.plotly.components.Figure;

/**
 * Every use of the original IJava kernel's API in the library (IJava 1.3.0, built on jupyter-jvm-basekernel
 * 2.3.0): the same renderers and live output as {@link JJavaBridge}, through the same-shaped API in the
 * {@code io.github.spencerpark} packages. IJava has no extension mechanism, so {@link Notebook#init()} installs
 * the renderers. Loaded only after {@link Kernel} found IJava's classes.
 */
final class IJavaBridge implements Bridge {
    static final IJavaBridge INSTANCE = new IJavaBridge();
    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";

    private static Renderer installedOn;

    private IJavaBridge() {
    }

    /** Whether IJava has started a kernel in this JVM. */
    static boolean running() {
        return kernel() != null;
    }

    /**
     * The running kernel, {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}, or null. IJava's own
     * class ships only in its kernel jar (not on Maven Central), so it is called by name; the kernel it returns
     * is basekernel's {@code BaseKernel}, which the library compiles against.
     */
    private static BaseKernel kernel() {
        try {
            Object kernel = Class.forName(IJAVA, true, IJavaBridge.class.getClassLoader())
                    .getMethod("getKernelInstance").invoke(null);
            return kernel instanceof BaseKernel base ? base : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    @Override
    public synchronized void install() {
        BaseKernel kernel = kernel();
        if (kernel != null && kernel.getRenderer() != installedOn) {
            register(kernel.getRenderer());
            installedOn = kernel.getRenderer();
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
        return kernel != null && kernel.getIO().isAttached();
    }

    @Override
    public void display(String displayId, String text, String html) {
        kernel().getIO().display.display(data(displayId, text, html));
    }

    @Override
    public void update(String displayId, String text, String html) {
        kernel().getIO().display.updateDisplay(displayId, data(displayId, text, html));
    }

    private static DisplayData data(String displayId, String text, String html) {
        DisplayData data = new DisplayData();
        data.putText(text);
        data.putHTML(html);
        data.putTransientData("display_id", displayId);
        return data;
    }
}
