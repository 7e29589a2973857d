package gd.plot;

/**
 * Which axes of a chart are logarithmic. A log axis shows only positive values: plotly.js leaves out
 * points at zero or below.
 * <pre>{@code
 * Plots.lines("Loss", "step", "loss", LogScale.Y, Series.of("sgd", losses));
 * }</pre>
 */
public enum LogScale {
    /** Both axes linear. */
    NONE(false, false),
    /** Logarithmic x-axis (e.g. the learning rate of an LR finder). */
    X(true, false),
    /** Logarithmic y-axis (e.g. a loss that falls over several orders of magnitude). */
    Y(false, true),
    /** Both axes logarithmic. */
    XY(true, true);

    private final boolean x;
    private final boolean y;

    LogScale(boolean x, boolean y) {
        this.x = x;
        this.y = y;
    }

    /** Whether the x-axis is logarithmic. */
    public boolean logX() {
        return x;
    }

    /** Whether the y-axis is logarithmic. */
    public boolean logY() {
        return y;
    }
}
