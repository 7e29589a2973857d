package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The History as a data holder: copies, equality without wall-clock times, text. */
class HistoryTest {

    /** Two epochs of two steps with one metric, validation and the given epoch times. */
    private static History history(double secondLoss, double seconds) {
        HistoryRecorder r = new HistoryRecorder(List.of("accuracy"), true, List.of("weight"));
        r.step(1.0, 0.1, 0);
        r.stats(0, 3.0, new double[] {3.0}, new double[] {2.0}, new double[] {0.01},
                new double[][] {{-2.0}, {1.5}, {0.25}, {1.25}});
        r.step(secondLoss, 0.1, 0);
        r.epoch((1.0 + secondLoss) / 2, new double[] {0.5}, new Evaluation(0.9, Map.of("accuracy", 0.55)), seconds);
        r.step(0.5, 0.05, 1);
        r.step(0.25, 0.05, 1);
        r.epoch(0.375, new double[] {0.75}, new Evaluation(0.6, Map.of("accuracy", 0.7)), seconds);
        r.stop("reached the maximum of 2 epochs", false);
        return r.snapshot();
    }

    @Test
    void accessorsReturnCopies() {
        History h = history(0.75, 1.5);
        h.loss()[0] = 99;
        h.lr()[0] = 99;
        h.epochOfStep()[0] = 99;
        h.metric("accuracy")[0] = 99;
        h.gradNorm("weight")[0] = 99;
        assertEquals(1.0, h.loss()[0]);
        assertEquals(0.1, h.lr()[0]);
        assertEquals(0, h.epochOfStep()[0]);
        assertEquals(0.5, h.metric("accuracy")[0]);
        assertEquals(3.0, h.gradNorm("weight")[0]);
        assertEquals(4, h.steps());
        assertEquals(2, h.epochs());
        assertEquals(0.7, h.validationMetric("accuracy")[1]);
        assertEquals(0.01, h.updateRatio("weight")[0]);
        assertEquals(2.0, h.weightNorm("weight")[0]);
    }

    @Test
    void equalityIgnoresTheWallClockTimesOnly() {
        History a = history(0.75, 1.5);
        History b = history(0.75, 2.5);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(2.5, b.epochSeconds()[0]);
        assertNotEquals(a, history(0.7500000000000001, 1.5));
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        History h = history(0.75, 1.5);
        assertEquals("History.metric: no metric named \"acc\"; recorded metrics: [accuracy]",
                assertThrows(IllegalArgumentException.class, () -> h.metric("acc")).getMessage());
        assertEquals("History.validationMetric: no metric named null; recorded metrics: [accuracy]",
                assertThrows(IllegalArgumentException.class, () -> h.validationMetric(null)).getMessage());
        assertEquals("History.weightNorm: no parameter named \"bias\"; parameters: [weight]",
                assertThrows(IllegalArgumentException.class, () -> h.weightNorm("bias")).getMessage());
    }

    @Test
    void toStringHasASummaryAndAPerEpochTable() {
        History h = history(0.75, 1.5);
        assertEquals("2 epochs, 4 steps, 3.0 s: loss 0.375, accuracy 0.75, val_loss 0.6, val_accuracy 0.7;"
                + " reached the maximum of 2 epochs", h.summary());
        String[] lines = h.toString().split("\n");
        assertEquals(4, lines.length, h.toString());
        assertEquals("History: " + h.summary(), lines[0]);
        assertEquals("epoch          loss      accuracy      val_loss  val_accuracy            lr       seconds",
                lines[1]);
        assertEquals("    0         0.875           0.5           0.9          0.55           0.1           1.5",
                lines[2]);
        assertEquals("    1         0.375          0.75           0.6           0.7          0.05           1.5",
                lines[3]);
    }

    @Test
    void aLongRunShowsItsFirstAndLastEpochs() {
        HistoryRecorder r = new HistoryRecorder(List.of(), false, List.of());
        for (int e = 0; e < 30; e++) {
            r.step(1.0 / (e + 1), Double.NaN, e);
            r.epoch(1.0 / (e + 1), new double[0], null, 0.1);
        }
        r.stop("reached the maximum of 30 epochs", false);
        String[] lines = r.snapshot().toString().split("\n");
        assertEquals(2 + 5 + 1 + 5, lines.length, String.join("\n", lines));
        assertEquals("epoch          loss       seconds", lines[1], "no lr column when the optimizer has no lr");
        assertTrue(lines[6].startsWith("    4 "));
        assertEquals("  …", lines[7]);
        assertTrue(lines[8].startsWith("   25 "));
        assertTrue(lines[12].startsWith("   29 "));
    }
}
