package gd.render;

import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.BoxTrace;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.HistogramTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** Small Tablesaw figures of every kind the course draws. */
final class Figures {
    private Figures() {
    }

    /** Two named loss curves on a log y axis, one with a NaN. */
    static Figure logLoss() {
        double[] epochs = {1, 2, 3, 4};
        Layout layout = Layout.builder()
                .title("Loss & <accuracy>")
                .titleFont(Font.builder().size(20).color("#123456").build())
                .xAxis(Axis.builder().title("epoch").titleFont(Font.builder().size(15).build()).build())
                .yAxis(Axis.builder().title("loss").type(Axis.Type.LOG).build())
                .build();
        return new Figure(layout,
                ScatterTrace.builder(epochs, new double[] {1.0, 0.1, Double.NaN, 0.001})
                        .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name("train").build(),
                ScatterTrace.builder(epochs, new double[] {2.0, 0.5, 0.2, 0.1})
                        .mode(ScatterTrace.Mode.LINE).name("test").build());
    }

    static Figure bars() {
        return new Figure(Layout.builder().title("Bars").build(),
                BarTrace.builder(new Object[] {"cat", "dog", "bird"}, new double[] {3, 5, 2}).name("a").build(),
                BarTrace.builder(new Object[] {"cat", "dog", "bird"}, new double[] {1, 2, 4}).name("b").build());
    }

    static Figure histogram() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i * 0.37) * 3 + (i % 7) * 0.1;
        }
        return new Figure(Layout.builder().title("Histogram").build(), HistogramTrace.builder(values).build());
    }

    static Figure heatmap(boolean contour) {
        double[][] z = new double[6][8];
        Object[] x = new Object[8];
        Object[] y = new Object[6];
        for (int i = 0; i < 6; i++) {
            y[i] = i * 0.5;
            for (int j = 0; j < 8; j++) {
                z[i][j] = i * 10 + j;
            }
        }
        for (int j = 0; j < 8; j++) {
            x[j] = j;
        }
        String title = contour ? "Contour" : "Heatmap";
        return new Figure(Layout.builder().title(title).build(),
                contour ? ContourTrace.builder(x, y, z).build() : HeatmapTrace.builder(x, y, z).build());
    }

    static Figure box() {
        return new Figure(Layout.builder().title("Box").build(),
                BoxTrace.builder(new String[] {"a", "a", "a", "a", "b", "b", "b"}, new double[] {1, 2, 3, 10, 4, 5, 6})
                        .build());
    }

    /** A figure built without a layout. */
    static Figure bare() {
        return new Figure(ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).build());
    }
}
