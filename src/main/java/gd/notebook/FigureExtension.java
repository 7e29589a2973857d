package gd.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * The JJava extension of the library, listed in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}: when the library jar is added with
 * {@code %classpath} (or {@code %maven}, or {@code JJAVA_CLASSPATH}), the kernel calls
 * {@link #install} once, which makes a Tablesaw {@code Figure} returned by a cell render as
 * <ul>
 *   <li>{@code text/html}: an SVG preview plus a script that draws the interactive chart with the
 *       plotly.js that {@link Notebook#init()} loaded ({@link gd.render.FigureHtml});</li>
 *   <li>{@code application/vnd.plotly.v1+json}: the figure as Plotly JSON, drawn by JupyterLab's
 *       Plotly extension even in an untrusted notebook;</li>
 *   <li>{@code text/plain}: a one-line description.</li>
 * </ul>
 * It also registers the notebook's progress display for trainers ({@link LiveProgress}).
 * Tablesaw must be on the class path when the extension is installed (the kernel does not retry):
 * adding the whole {@code target/lib} folder in one {@code %classpath} call does that.
 */
public final class FigureExtension implements Extension {
    /** Created by the kernel through {@link java.util.ServiceLoader}. */
    public FigureExtension() {
    }

    /** Registers the figure renderer with {@code kernel}; installing twice has no further effect. */
    @Override
    public void install(BaseKernel kernel) {
        JJavaBridge.install(kernel);
        LiveProgress.register();
    }
}
