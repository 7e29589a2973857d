package gd.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesAndSeriesTest {

    @Test
    void optimizerNamesKeepTheLearningRateTheVariantAndTheDifferences() {
        String adam = "Adam(lr=0.05, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, amsgrad=false)";
        String sgd = "Sgd(lr=0.001, momentum=0.0, dampening=0.0, weightDecay=0.0, nesterov=false)";
        String momentum = "Sgd(lr=0.001, momentum=0.9, dampening=0.0, weightDecay=0.0, nesterov=true)";
        assertEquals(List.of("Adam(lr=0.05)", "Sgd(lr=0.001, momentum=0.0, nesterov=false)",
                "Sgd(lr=0.001, momentum=0.9, nesterov=true)"), Names.optimizers(List.of(adam, sgd, momentum)));
        assertEquals(List.of("Sgd(lr=0.001, momentum=0.9, nesterov=true)"), Names.optimizers(List.of(momentum)));
        String adam2 = "Adam(lr=0.05, betas=(0.5, 0.999), eps=1e-08, weightDecay=0.0, amsgrad=false)";
        assertEquals(List.of("Adam(lr=0.05, betas=(0.9, 0.999))", "Adam(lr=0.05, betas=(0.5, 0.999))"),
                Names.optimizers(List.of(adam, adam2)));
        assertEquals(List.of("Adam(lr=0.05) #1", "Adam(lr=0.05) #2", "a custom optimizer"),
                Names.optimizers(List.of(adam, adam, "a custom optimizer")));
    }

    @Test
    void settingsSplitAtTheTopLevelOnly() {
        assertEquals(Map.of("a", "1", "b", "(2, 3)", "c", "[x, y]"), Names.settings("a=1, b=(2, 3), c=[x, y]"));
    }

    @Test
    void seriesIsImmutableAndPrintsItsStyle() {
        double[] y = {3, 2, 1};
        Series s = Series.of("loss", y);
        y[0] = 99;
        assertArrayEquals(new double[] {3, 2, 1}, s.y());
        s.y()[1] = 42;
        assertEquals(2, s.y()[1]);
        assertArrayEquals(new double[] {0, 1, 2}, s.x());
        Series styled = s.markers().color("#d62728").dashed().width(1.5).opacity(0.5);
        assertEquals("Series(loss: 3 points, lines)", s.toString());
        assertEquals("Series(loss: 3 points, markers, #d62728, dashed, width 1.5, opacity 0.5)", styled.toString());
        assertEquals(Series.Mode.LINES, s.mode());
        assertFalse(s.isDashed());
        assertTrue(styled.isDashed());
        assertEquals(Series.Mode.LINES_AND_MARKERS, s.linesAndMarkers().mode());
        assertEquals(Series.Mode.LINES, styled.lines().mode());
        assertEquals(3, Series.of("steps", new int[] {0, 5, 10}, y).size());
        assertArrayEquals(new double[] {0, 5, 10}, Series.of("steps", new int[] {0, 5, 10}, y).x());
    }
}
