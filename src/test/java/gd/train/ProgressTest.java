package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Metrics;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Rng;
import gd.nn.Sequential;
import gd.optim.Sgd;
import gd.testing.Fixtures;
import gd.util.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines: at most one per interval, a summary at the end, nothing when turned off; number formatting. */
class ProgressTest {

    /** Records what it is shown, and when (by the fake clock). */
    private static final class Recording implements ProgressDisplay {
        final List<String> lines = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        long[] clock;

        @Override
        public void show(String line) {
            lines.add(line);
            times.add(clock[0]);
        }

        @Override
        public void close(String summary) {
            closed.add(summary);
        }

        @Override
        public long updateIntervalMillis() {
            return 2000;
        }
    }

    @Test
    void theThrottleAllowsOneEventPerInterval() {
        long[] now = {0};
        Throttle t = new Throttle(5000, () -> now[0]);
        assertFalse(t.due(), "not at the start");
        now[0] = 4_999_999_999L;
        assertFalse(t.due());
        now[0] = 5_000_000_000L;
        assertTrue(t.due());
        assertFalse(t.due(), "a new interval starts");
        now[0] = 12_000_000_000L;
        assertTrue(t.due());
    }

    @Test
    void aLongRunShowsAFewLinesAndASummary() {
        Dataset data = Fixtures.classification(200, 4, 3, Rng.seed(1));
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(2));
        Recording display = new Recording();
        long[] now = {0};
        display.clock = now;
        Trainer t = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1))
                .progress(display).batchSize(10).shuffle(Rng.seed(3)).validation(data)
                .metric("accuracy", Metrics::accuracy).epochs(3);
        t.clock = () -> now[0] += 100_000_000L;   // every look at the clock takes 0.1 s
        History h = t.fit(data);
        assertFalse(display.lines.isEmpty());
        for (int i = 1; i < display.times.size(); i++) {
            assertTrue(display.times.get(i) - display.times.get(i - 1) >= 2_000_000_000L, "lines too close");
        }
        assertTrue(display.lines.size() <= now[0] / 2_000_000_000L, display.lines.size() + " lines");
        assertEquals(List.of(h.summary()), display.closed);
        String last = display.lines.get(display.lines.size() - 1);
        assertTrue(last.matches("epoch [12] of 3  batch \\d+ of 20  step \\d+  loss [0-9.]+  lr 0\\.1  val_loss [0-9.]+"
                + "  val_accuracy [0-9.]+  [0-9.]+ s"), last);
        assertTrue(h.summary().startsWith("3 epochs, 60 steps, "), h.summary());
    }

    @Test
    void progressFalseShowsNothing() {
        Recording display = new Recording();
        display.clock = new long[1];
        Dataset data = Fixtures.regression(10, 0.1, Rng.seed(1));
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        Trainer t = Trainer.of(model, gd.loss.MeanSquaredError.of(), Sgd.of(model.parameters()).lr(0.01))
                .progress(display).progress(false).epochs(2);
        t.clock = () -> display.clock[0] += 10_000_000_000L;
        t.fit(data);
        assertTrue(display.lines.isEmpty());
        assertTrue(display.closed.isEmpty());
    }

    @Test
    void plainTextPrintsOneLinePerCall() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlainTextProgress p = PlainTextProgress.of(new PrintStream(out, true, StandardCharsets.UTF_8));
        p.show("epoch 0");
        p.close("done");
        assertEquals("epoch 0" + System.lineSeparator() + "done" + System.lineSeparator(),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(5000, p.updateIntervalMillis());
        assertTrue(ProgressDisplay.automatic() instanceof PlainTextProgress);
    }

    @Test
    void numbersAreWrittenWithFourSignificantDigits() {
        assertEquals("0.0812", Format.number(0.0812));
        assertEquals("1.5", Format.number(1.5));
        assertEquals("0.3333", Format.number(1.0 / 3));
        assertEquals("1235", Format.number(1234.5));
        assertEquals("3.2e+152", Format.number(3.2e152));
        assertEquals("1e-07", Format.number(1e-7));
        assertEquals("-2.5e-05", Format.number(-2.5e-5));
        assertEquals("0", Format.number(0));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("-Infinity", Format.number(Double.NEGATIVE_INFINITY));
        assertEquals("2,814", Format.count(2814));
        assertEquals("1 epoch", Format.plural(1, "epoch"));
        assertEquals("12.3 s", Format.seconds(12.34));
    }
}
