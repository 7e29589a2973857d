package gd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Metrics;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Rng;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.optim.Sgd;
import gd.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The per-parameter gradient statistics of the History (min, max, mean, std) and the History as a Table. */
class GradientStatisticsTest {
    private static final Dataset DATA = Fixtures.classification(120, 5, 3, Rng.seed(3));

    /** The statistics of one gradient by the textbook two-pass formulas: min, max, mean, std, norm. */
    private static double[] byHand(double[] g) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double squares = 0;
        for (double x : g) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            squares += x * x;
        }
        double mean = sum / g.length;
        double deviations = 0;
        for (double x : g) {
            deviations += (x - mean) * (x - mean);
        }
        return new double[] {min, max, mean, Math.sqrt(deviations / g.length), Math.sqrt(squares)};
    }

    @Test
    void theStatisticsOfEachParameterAreThoseOfItsGradientAtTheStatisticsSteps() {
        Sequential model = Fixtures.mlp(5, 16, 3, Rng.seed(4));
        List<Parameter> params = model.parameters();
        List<double[][]> seen = new ArrayList<>();        // per statistics step: per parameter, the hand statistics
        Callback spy = new Callback() {
            @Override
            public void call(TrainingState state) {
            }

            @Override
            public void afterBackward(TrainingState state) {
                if (state.step() % 3 == 0) {
                    double[][] stats = new double[params.size()][];
                    for (int p = 0; p < params.size(); p++) {
                        stats[p] = byHand(params.get(p).grad().flatten());
                    }
                    seen.add(stats);
                }
            }
        };
        History h = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(params).lr(0.1).momentum(0.9))
                .progress(false).batchSize(20).shuffle(Rng.seed(5)).epochs(4).statsEvery(3).callback(spy)
                .fit(DATA);
        assertEquals(8, h.statsSteps().length);
        assertEquals(seen.size(), h.statsSteps().length);
        for (int p = 0; p < params.size(); p++) {
            String name = h.parameterNames().get(p);
            History.GradStats g = h.gradStats(name);
            double[] norms = h.gradNorm(name);
            for (int k = 0; k < seen.size(); k++) {
                double[] expected = seen.get(k)[p];
                assertEquals(expected[0], g.min()[k], 0, name + " min at record " + k);
                assertEquals(expected[1], g.max()[k], 0, name + " max at record " + k);
                assertEquals(expected[2], g.mean()[k], 1e-15 * Math.abs(expected[1] - expected[0]), name + " mean");
                assertEquals(expected[3], g.std()[k], 1e-9 * expected[3] + 1e-300, name + " std at record " + k);
                assertEquals(expected[4], norms[k], 0, name + ": the norm is unchanged, bit for bit");
                assertTrue(g.min()[k] <= g.mean()[k] && g.mean()[k] <= g.max()[k]);
            }
        }
    }

    @Test
    void gradStatsAreCopiesAndRefuseUnknownNames() {
        Sequential model = Fixtures.mlp(5, 4, 3, Rng.seed(6));
        History h = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1)).progress(false)
                .epochs(1).fit(DATA);
        History.GradStats g = h.gradStats("0.weight");
        double min = g.min()[0];
        g.min()[0] = 99;
        assertEquals(min, h.gradStats("0.weight").min()[0]);
        assertTrue(g.toString().startsWith("GradStats(1 step, last: min "), g.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> h.gradStats("0.weigth"));
        assertEquals("History.gradStats: no parameter named \"0.weigth\"; parameters: [0.weight, 0.bias, 2.weight,"
                + " 2.bias]", e.getMessage());
    }

    @Test
    void withoutStatisticsTheArraysAreEmpty() {
        Sequential model = Fixtures.mlp(5, 4, 3, Rng.seed(6));
        History h = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1)).progress(false)
                .statsEvery(0).epochs(3).fit(DATA);
        assertEquals(0, h.gradStats("2.bias").std().length);
    }

    @Test
    void theTableHasOneRowPerEpochWithTheHistorysNumbers() {
        Sequential model = Fixtures.mlp(5, 8, 3, Rng.seed(7));
        Dataset valid = Fixtures.classification(40, 5, 3, Rng.seed(8));
        History h = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0.1)).progress(false)
                .batchSize(32).shuffle(Rng.seed(9)).validation(valid).metric("accuracy", Metrics::accuracy)
                .epochs(3).fit(DATA);
        Table t = h.table();
        assertEquals(List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds"),
                t.columnNames());
        assertEquals(3, t.rowCount());
        assertArrayEquals(new int[] {0, 1, 2}, t.intColumn("epoch").asIntArray());
        assertArrayEquals(h.epochLoss(), t.doubleColumn("loss").asDoubleArray());
        assertArrayEquals(h.metric("accuracy"), t.doubleColumn("accuracy").asDoubleArray());
        assertArrayEquals(h.validationLoss(), t.doubleColumn("val_loss").asDoubleArray());
        assertArrayEquals(h.validationMetric("accuracy"), t.doubleColumn("val_accuracy").asDoubleArray());
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, t.doubleColumn("lr").asDoubleArray());
        assertArrayEquals(h.epochSeconds(), t.doubleColumn("seconds").asDoubleArray());
        t.doubleColumn("loss").set(0, 99.0);
        assertEquals(h.epochLoss()[0], h.table().doubleColumn("loss").get(0), "a new table at each call");
    }

    @Test
    void aTableWithoutValidationOrLearningRateHasNeitherColumn() {
        Sequential model = Fixtures.mlp(5, 8, 3, Rng.seed(7));
        gd.optim.Optimizer lambda = () -> {
            for (Parameter p : model.parameters()) {
                p.value().plusScaledInPlace(-0.1, p.grad());
            }
        };
        Table t = Trainer.of(model, SoftmaxCrossEntropy.of(), lambda).progress(false).epochs(2).fit(DATA).table();
        assertEquals(List.of("epoch", "loss", "seconds"), t.columnNames());
        assertEquals(2, t.rowCount());
    }
}
