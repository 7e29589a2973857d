package gd.plot;

import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * The frame of a figure: title, axis titles and types, ranges and margins, turned into a Tablesaw
 * {@link Layout} of a given size. Every figure of {@link Plots} gets its layout here, so they all look alike.
 * A frame is set up once and then only read: {@link Chart} lays it out again at each size it is drawn.
 */
final class Frame {
    static final int LEFT = 70;
    static final int RIGHT = 30;
    static final int TOP = 60;
    static final int BOTTOM = 55;
    /** The margin left, right and below a plain frame (no axes); above it is {@link #TOP}, for the title. */
    static final int PLAIN = 20;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private boolean logX;
    private boolean logY;
    private Boolean legend;
    private double[] xRange;
    private double[] yRange;
    private boolean plain;
    private boolean bare;
    private int right = RIGHT;
    private String y2Title;
    private int integerTicksX = -1;
    private int integerTicksY = -1;

    private Frame(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** A frame with these titles and linear axes. */
    static Frame of(String title, String xTitle, String yTitle) {
        return new Frame(title, xTitle, yTitle);
    }

    Frame log(LogScale scale) {
        logX = scale.logX();
        logY = scale.logY();
        return this;
    }

    Frame legend(boolean show) {
        legend = show;
        return this;
    }

    /** Fixes the x-range (in data units, also for a log axis). */
    Frame xRange(double lo, double hi) {
        xRange = new double[] {lo, hi};
        return this;
    }

    /** Fixes the y-range; lo &gt; hi reverses the axis (row 0 of an image at the top). */
    Frame yRange(double lo, double hi) {
        yRange = new double[] {lo, hi};
        return this;
    }

    /** Hides both axes: for images, where coordinates mean nothing. */
    Frame plain() {
        plain = true;
        return this;
    }

    /** No grid and no zero lines: for contours, heatmaps and regions, where they would cross the picture. */
    Frame bare() {
        bare = true;
        return this;
    }

    /** Sets the right margin in pixels (the legend, if any, goes there). */
    Frame rightMargin(int pixels) {
        right = pixels;
        return this;
    }

    /** Adds a second y-axis on the right, for traces drawn against {@code y2}. */
    Frame y2(String title) {
        y2Title = title;
        return this;
    }

    /** Ticks at 0, 1, …, n − 1 on the x-axis (class numbers). */
    Frame integerTicksX(int n) {
        integerTicksX = n;
        return this;
    }

    /** Ticks at 0, 1, …, n − 1 on the y-axis (class numbers). */
    Frame integerTicksY(int n) {
        integerTicksY = n;
        return this;
    }

    /** The layout of this frame at {@code size}. */
    Layout layout(Size size) {
        int rightMargin = plain ? PLAIN : y2Title != null ? Math.max(right, 90) : right;
        Layout.LayoutBuilder b = Layout.builder().title(Text.clean(title)).width(size.width()).height(size.height())
                .margin(Margin.builder().left(plain ? PLAIN : LEFT).right(rightMargin).top(TOP)
                        .bottom(plain ? PLAIN : BOTTOM).build())
                .xAxis(axis(xTitle, logX, xRange, integerTicksX))
                .yAxis(axis(yTitle, logY, yRange, integerTicksY));
        if (legend != null) {
            b.showLegend(legend);
        }
        if (y2Title != null) {
            b.yAxis2(Axis.builder().title(Text.clean(y2Title)).side(Axis.Side.right)
                    .overlaying(ScatterTrace.YAxis.Y).showGrid(false).build());
        }
        return b.build();
    }

    private Axis axis(String axisTitle, boolean log, double[] range, int integerTicks) {
        Axis.AxisBuilder a = Axis.builder().title(plain ? "" : Text.clean(axisTitle));
        if (log) {
            a.type(Axis.Type.LOG).tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.AUTO)
                    .exponentFormat(TickSettings.ExponentFormat.POWER).build());
        }
        if (range != null) {
            a.range(log ? Math.log10(range[0]) : range[0], log ? Math.log10(range[1]) : range[1]);
        }
        if (integerTicks > 0) {
            double[] values = new double[integerTicks];
            String[] labels = new String[integerTicks];
            for (int i = 0; i < integerTicks; i++) {
                values[i] = i;
                labels[i] = Integer.toString(i);
            }
            a.tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.ARRAY).arrayTicks(values, labels)
                    .placement(TickSettings.TickPlacement.OUTSIDE).build());
        }
        if (bare || plain || integerTicks > 0) {
            a.showGrid(false).zeroLineColor("rgba(0,0,0,0)");
        }
        if (plain) {
            a.visible(false);
        }
        return a.build();
    }
}
