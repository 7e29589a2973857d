package gd.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Grid and random search: the points, the order of the trials, the best one, the table, the refusals. */
class SearchTest {
    private static final Search.Range LR = Search.logRange("lr", 1e-4, 1e-1);
    private static final Search.Range WD = Search.logRange("weightDecay", 1e-6, 1e-2);

    /** A score with its maximum at lr = 1e-2.5 that hardly depends on the weight decay. */
    private static double score(Search.Point p) {
        double x = Math.log10(p.get("lr")) + 2.5;
        return 1 - x * x - 0.001 * Math.log10(p.get("weightDecay"));
    }

    @Test
    void aGridTriesEveryCombinationOfEvenlySpacedValuesTheFirstRangeSlowest() {
        Search grid = Search.grid(4, LR, Search.linearRange("dropout", 0.0, 0.6));
        List<Search.Point> points = grid.points();
        assertEquals(16, points.size());
        double[] lrs = new double[16];
        double[] dropouts = new double[16];
        for (int t = 0; t < 16; t++) {
            lrs[t] = points.get(t).get("lr");
            dropouts[t] = points.get(t).get("dropout");
        }
        assertArrayEquals(new double[] {1e-4, 1e-4, 1e-4, 1e-4, 1e-3, 1e-3, 1e-3, 1e-3, 1e-2, 1e-2, 1e-2, 1e-2,
                0.1, 0.1, 0.1, 0.1}, lrs, "exact powers of ten");
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6}, java.util.Arrays.copyOf(dropouts, 4), 1e-15);
        assertEquals("grid search (4 × 4 = 16 trials) over lr in [0.0001, 0.1], log scale; dropout in [0.0, 0.6]",
                grid.toString());
        assertEquals("lr=0.0001, dropout=0", points.get(0).toString());
    }

    @Test
    void randomSearchDrawsEveryValueIndependentlyInLog10AndIsFixedByItsSeed() {
        Search a = Search.random(Rng.seed(1), 16, LR, WD);
        Search b = Search.random(Rng.seed(1), 16, LR, WD);
        assertEquals(a.points(), b.points(), "the same seed, the same points");
        assertTrue(!a.points().equals(Search.random(Rng.seed(2), 16, LR, WD).points()));
        Rng rng = Rng.seed(1);
        for (Search.Point p : a.points()) {
            assertEquals(Math.pow(10, -4 + 3 * rng.uniform()), p.get("lr"), 1e-15 * p.get("lr"));
            assertEquals(Math.pow(10, -6 + 4 * rng.uniform()), p.get("weightDecay"), 1e-15 * p.get("weightDecay"));
            assertTrue(p.get("lr") >= 1e-4 && p.get("lr") < 1e-1);
        }
        var result = a.maximize(SearchTest::score);
        assertEquals(16, result.distinctValues("lr"), "16 trials try 16 learning rates");
        assertEquals(4, Search.grid(4, LR, WD).maximize(SearchTest::score).distinctValues("lr"), "a 4 × 4 grid, 4");
    }

    @Test
    void theTrialsRunInOrderAndTheBestIsTheHighestOrTheLowestScore() {
        List<String> seen = new ArrayList<>();
        Search.Result max = Search.grid(4, LR, WD).maximize(p -> {
            seen.add(p.toString());
            return score(p);
        });
        assertEquals(16, seen.size());
        assertEquals(Search.grid(4, LR, WD).points().get(5).toString(), seen.get(5));
        for (int t = 0; t < 16; t++) {
            assertEquals(t, max.trials().get(t).index());
            assertEquals(score(max.trials().get(t).point()), max.scores()[t]);
        }
        Search.Trial best = max.best();
        assertEquals(1e-3, best.get("lr"));
        assertEquals(1e-6, best.get("weightDecay"), "the first of the equal scores is the one with the largest bonus");
        Search.Result min = Search.grid(4, LR, WD).minimize(SearchTest::score);
        assertEquals(1e-4, min.best().get("lr"));
        double[] soFar = max.bestSoFar();
        for (int t = 1; t < soFar.length; t++) {
            assertTrue(soFar[t] >= soFar[t - 1]);
        }
        assertEquals(best.score(), soFar[15]);
        assertTrue(max.toString().startsWith("grid search (4 × 4 = 16 trials), maximizing, "), max.toString());
        assertTrue(max.toString().contains(": best trial 4: lr=0.001, weightDecay=1e-06, score 0.756 ("),
                max.toString());
        assertEquals(17, max.toString().split("\n").length, "a line per trial");
    }

    @Test
    void failedTrialsScoreNaNAndAreNeverTheBest() {
        Search.Result r = Search.grid(3, LR).maximize(p -> p.get("lr") > 0.05 ? Double.NaN : p.get("lr"));
        assertEquals(Math.pow(10, -2.5), r.best().get("lr"), 1e-15);
        assertArrayEquals(new double[] {1e-4, Math.pow(10, -2.5), Math.pow(10, -2.5)}, r.bestSoFar(), 1e-15);
        var e = assertThrows(IllegalStateException.class,
                () -> Search.grid(2, LR).maximize(p -> Double.NaN).best());
        assertEquals("Search.Result.best: all 2 trials failed (their scores are NaN)", e.getMessage());
    }

    @Test
    void theTableHasOneRowPerTrial() {
        Search.Result r = Search.random(Rng.seed(3), 5, LR, WD).minimize(SearchTest::score);
        Table t = r.table();
        assertEquals(List.of("trial", "lr", "weightDecay", "score", "seconds"), t.columnNames());
        assertEquals(5, t.rowCount());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, t.intColumn("trial").asIntArray());
        assertArrayEquals(r.values("lr"), t.doubleColumn("lr").asDoubleArray());
        assertArrayEquals(r.scores(), t.doubleColumn("score").asDoubleArray());
        assertEquals("random search (5 trials)", t.name());
    }

    @Test
    void badRangesAndSettingsAreRefusedWithWhatToDo() {
        assertEquals("Search.Range \"lr\": needs 0 < low < high, both finite, got low=0.0, high=0.1",
                assertThrows(IllegalArgumentException.class, () -> Search.logRange("lr", 0, 0.1)).getMessage());
        assertEquals("Search.Range \"p\": needs low < high, both finite, got low=0.5, high=0.5",
                assertThrows(IllegalArgumentException.class, () -> Search.linearRange("p", 0.5, 0.5)).getMessage());
        assertEquals("Search.Range: give the hyper-parameter a name, e.g. \"lr\"; got \" \"",
                assertThrows(IllegalArgumentException.class, () -> Search.logRange(" ", 1, 2)).getMessage());
        assertEquals("Search.grid: perRange must be at least 2 (both ends of each range), got 1",
                assertThrows(IllegalArgumentException.class, () -> Search.grid(1, LR)).getMessage());
        assertEquals("Search.grid: two ranges are named \"lr\"; give each hyper-parameter one range",
                assertThrows(IllegalArgumentException.class, () -> Search.grid(2, LR, LR)).getMessage());
        assertEquals("Search.random: give at least one range, e.g. Search.logRange(\"lr\", 1e-4, 1e-1)",
                assertThrows(IllegalArgumentException.class, () -> Search.random(Rng.seed(1), 3)).getMessage());
        assertEquals("Search.random: trials must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Search.random(Rng.seed(1), 0, LR)).getMessage());
        assertEquals("Search.Point.get: no hyper-parameter named \"wd\"; this search has [lr, weightDecay]",
                assertThrows(IllegalArgumentException.class,
                        () -> Search.grid(2, LR, WD).points().get(0).get("wd")).getMessage());
    }
}
