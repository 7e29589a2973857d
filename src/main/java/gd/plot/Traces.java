package gd.plot;

import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** Tablesaw scatter traces for series, marked points and text labels. */
final class Traces {
    private Traces() {
    }

    /** The trace of {@code s}, in its own colour or else in {@code fallback}. */
    static ScatterTrace of(Series s, String fallback) {
        String color = s.color() != null ? s.color() : fallback;
        ScatterTrace.ScatterBuilder b = ScatterTrace.builder(s.x(), s.y()).name(Text.clean(s.name()))
                .mode(mode(s.mode()));
        if (s.mode() != Series.Mode.MARKERS) {
            Line.LineBuilder line = Line.builder().color(color).width(s.width());
            if (s.isDashed()) {
                line.dash(Line.Dash.DASH);
            }
            b.line(line.build());
        }
        b.marker(Marker.builder().color(color).size(s.mode() == Series.Mode.MARKERS ? 7 : 5).build());
        if (s.opacity() != 1) {
            b.opacity(s.opacity());
        }
        return b.build();
    }

    /** Markers at (x[i], y[i]) with a white outline, e.g. the start of a path. */
    static ScatterTrace points(double[] x, double[] y, String name, String color, Symbol symbol, double size,
                               boolean showLegend) {
        Marker marker = Marker.builder().color(color).size(size).symbol(symbol)
                .line(Line.builder().color("white").width(1).build()).build();
        return ScatterTrace.builder(x, y).name(Text.clean(name)).mode(ScatterTrace.Mode.MARKERS).marker(marker)
                .showLegend(showLegend).build();
    }

    /** Text labels centred at (x[i], y[i]), without a legend entry. */
    static ScatterTrace labels(double[] x, double[] y, String[] text, String name) {
        return ScatterTrace.builder(x, y).name(Text.clean(name)).mode(ScatterTrace.Mode.TEXT).text(text)
                .showLegend(false).build();
    }

    private static ScatterTrace.Mode mode(Series.Mode mode) {
        return switch (mode) {
            case LINES -> ScatterTrace.Mode.LINE;
            case MARKERS -> ScatterTrace.Mode.MARKERS;
            case LINES_AND_MARKERS -> ScatterTrace.Mode.LINE_AND_MARKERS;
        };
    }
}
