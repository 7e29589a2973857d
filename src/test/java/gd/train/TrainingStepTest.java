package gd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Batches;
import gd.data.Dataset;
import gd.loss.MeanSquaredError;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.Schedule;
import gd.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one training step: a loop written with it by hand is the Trainer's run, bit for bit; a schedule given as a
 * value drives the learning rate; the default progress display comes from the registered factory.
 */
class TrainingStepTest {
    private static final Dataset DATA = Fixtures.regression(40, 0.1, Rng.seed(1));

    @Test
    void aHandWrittenLoopOfStepsIsTheTrainersRunBitForBit() {
        Sequential byTrainer = Fixtures.mlp(3, 8, 1, Rng.seed(2));
        Adam adam = Adam.of(byTrainer.parameters()).lr(0.01);
        History history = Trainer.of(byTrainer, MeanSquaredError.of(), adam).batchSize(8).shuffle(Rng.seed(3))
                .clipGradNorm(1.0).schedule(CosineAnnealingLR.of(adam).tMax(15)).epochs(3).statsEvery(0)
                .progress(false).fit(DATA);

        Sequential byHand = Fixtures.mlp(3, 8, 1, Rng.seed(2));
        Adam mine = Adam.of(byHand.parameters()).lr(0.01);
        TrainingStep step = TrainingStep.of(byHand, MeanSquaredError.of(), mine).clipGradNorm(1.0)
                .schedule(CosineAnnealingLR.of(mine).tMax(15));
        Batches batches = Batches.miniBatch(DATA, 8, Rng.seed(3));
        List<Double> losses = new ArrayList<>();
        List<Double> lrs = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Dataset batch : batches.epoch()) {
                TrainingStep.Result r = step.run(batch.x(), batch.y());
                assertFalse(r.diverged());
                losses.add(r.loss());
                lrs.add(r.lr());
            }
        }
        assertArrayEquals(history.loss(), losses.stream().mapToDouble(Double::doubleValue).toArray());
        assertArrayEquals(history.lr(), lrs.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(Fixtures.weights(byTrainer), Fixtures.weights(byHand));
    }

    @Test
    void aStepThatSeesANonFiniteLossDoesNotUpdate() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        List<Matrix> before = Fixtures.weights(model);
        TrainingStep step = TrainingStep.of(model, MeanSquaredError.of(), Sgd.of(model.parameters()).lr(0.1));
        Dataset two = DATA.head(2);
        Matrix y = two.y().copy();
        y.set(1, 0, Double.NaN);
        TrainingStep.Result r = step.run(two.x(), y);
        assertTrue(r.diverged());
        assertEquals("the loss is NaN", r.divergence());
        assertEquals(before, Fixtures.weights(model), "no update");
    }

    @Test
    void aScheduleValueOrALambdaDrivesTheTrainersLearningRate() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        Schedule mine = t -> 0.05 / (1 + t);
        History h = Trainer.of(model, MeanSquaredError.of(), Sgd.of(model.parameters()).lr(1))
                .batchSize(10).shuffle(Rng.seed(3)).schedule(mine).epochs(2).progress(false).fit(DATA);
        double[] lr = h.lr();
        assertEquals(8, lr.length);
        for (int t = 0; t < lr.length; t++) {
            assertEquals(mine.lr(t), lr[t], "step " + t);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(model, MeanSquaredError.of(), () -> { }).schedule(Schedule.constant(0.1)));
        assertTrue(e.getMessage().startsWith("LRScheduler.of: a schedule sets the learning rate"), e.getMessage());
    }

    @Test
    void theDefaultProgressDisplayComesFromTheRegisteredFactory() {
        List<String> shown = new ArrayList<>();
        ProgressDisplay recording = new ProgressDisplay() {
            @Override
            public void show(String line) {
                shown.add(line);
            }

            @Override
            public void close(String summary) {
                shown.add(summary);
            }
        };
        try {
            ProgressDisplay.useByDefault(() -> recording);
            assertEquals(recording, ProgressDisplay.automatic());
            Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
            History h = Trainer.of(model, MeanSquaredError.of(), Sgd.of(model.parameters()).lr(0.01)).epochs(2)
                    .fit(DATA);
            assertEquals(List.of(h.summary()), shown, "the summary at the end (a run this short shows no line before)");
            ProgressDisplay.useByDefault(() -> null);
            assertTrue(ProgressDisplay.automatic() instanceof PlainTextProgress, "nothing to show in: plain text");
        } finally {
            ProgressDisplay.useByDefault(() -> null);
        }
    }
}
