package gd.plot;

import java.util.List;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure that keeps the recipe it was drawn from, so that {@code Plots.size} can draw it again at another
 * size. The size belongs to the figure: drawing one figure larger changes no other.
 */
final class Chart extends Figure {
    /** What a recipe draws at one size: the layout and the traces. */
    record Drawing(Layout layout, Trace... traces) {
    }

    private final Function<Size, Drawing> recipe;

    private Chart(Size size, Function<Size, Drawing> recipe) {
        this(recipe.apply(size), recipe);
    }

    private Chart(Drawing drawing, Function<Size, Drawing> recipe) {
        super(drawing.layout(), drawing.traces());
        this.recipe = recipe;
    }

    /** The figure the recipe draws at the default size; for figures whose geometry follows their size. */
    static Figure drawn(Function<Size, Drawing> recipe) {
        return new Chart(Size.DEFAULT, recipe);
    }

    /** The traces in the frame; only the layout changes with the size. */
    static Figure of(Frame frame, Trace... traces) {
        return drawn(size -> new Drawing(frame.layout(size), traces));
    }

    /** The traces in the frame; only the layout changes with the size. */
    static Figure of(Frame frame, List<Trace> traces) {
        return of(frame, traces.toArray(new Trace[0]));
    }

    /**
     * A line chart of named series, each in its own mode and style, in its colour or else the next one of the
     * palette; the building block of the other charts. Points a log axis cannot show are left out by plotly.js;
     * a series with no point it can show is refused.
     */
    static Figure lines(String title, String xTitle, String yTitle, LogScale log, Series... series) {
        PlotChecks.requireText("Plots.lines", title, xTitle, yTitle);
        if (log == null) {
            throw new IllegalArgumentException("Plots.lines: log is null; use LogScale.NONE for linear axes");
        }
        PlotChecks.requireSeries("Plots.lines", log, series);
        Trace[] traces = new Trace[series.length];
        for (int i = 0; i < series.length; i++) {
            traces[i] = Traces.of(series[i], Palette.cycle(i));
        }
        return of(Frame.of(title, xTitle, yTitle).log(log).legend(series.length > 1), traces);
    }

    /** {@code figure} drawn again at {@code size}, if this package made it. */
    static Figure resize(String op, Figure figure, Size size) {
        if (figure instanceof Chart chart) {
            return new Chart(size, chart.recipe);
        }
        throw new IllegalArgumentException(op + ": " + (figure == null ? "figure is null"
                : "expected a figure made by Plots, got a " + figure.getClass().getName()
                + "; only those know how to draw themselves at another size"));
    }
}
