package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Metrics;
import gd.loss.MeanSquaredError;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.AdamW;
import gd.optim.BaseOptimizer;
import gd.optim.RmsProp;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.ReduceLROnPlateau;
import gd.schedule.StepLR;
import gd.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Trainer#checkpointEvery} and {@link Trainer#resume}: a run interrupted after epoch k and resumed from its
 * checkpoint with new objects gives the History and the weights of the run that was never interrupted, bit for bit.
 */
class TrainerResumeTest {
    private static final Dataset ALL = Fixtures.classification(160, 6, 3, Rng.seed(21));
    private static final Dataset TRAIN = new Dataset(ALL.x().rows(0, 100), ALL.y().rows(0, 100));
    private static final Dataset VALID = new Dataset(ALL.x().rows(100, 160), ALL.y().rows(100, 160));

    @TempDir
    Path dir;

    /** The objects of one run, built from the same seed every time, and its trainer (without a limit). */
    private record Run(Sequential model, BaseOptimizer<?> opt, Trainer trainer) {
    }

    /**
     * Adam, a cosine schedule stepped after every step, Dropout, shuffled mini-batches, validation with a metric,
     * early stopping (it stops the whole run at epoch 7 and restores the weights of epoch 5), statistics.
     */
    private static Run adamCosineDropoutEarlyStopping() {
        Rng rng = Rng.seed(7);
        Sequential model = Sequential.of(Dense.of(6, 32, rng.split()), ReLU.of(), Dropout.of(0.2, rng.split()),
                Dense.of(32, 3, rng.split()));
        Adam opt = Adam.of(model.parameters()).lr(0.03);
        Trainer trainer = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false).batchSize(16)
                .shuffle(rng.split()).schedule(CosineAnnealingLR.of(opt).tMax(80)).validation(VALID)
                .metric("accuracy", Metrics::accuracy).earlyStopping(2).statsEvery(3);
        return new Run(model, opt, trainer);
    }

    /** Nesterov SGD, ReduceLROnPlateau on the validation loss, BatchNorm and Dropout, batches of 10. */
    private static Run sgdPlateauBatchNorm() {
        Rng rng = Rng.seed(8);
        Sequential model = Sequential.of(Dense.of(6, 16, rng.split()), BatchNorm.of(16), ReLU.of(),
                Dropout.of(0.1, rng.split()), Dense.of(16, 3, rng.split()));
        Sgd opt = Sgd.of(model.parameters()).lr(0.02).momentum(0.9).nesterov(true);
        Trainer trainer = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false).batchSize(10)
                .shuffle(rng.split()).schedule(ReduceLROnPlateau.of(opt).patience(0).factor(0.5)).validation(VALID);
        return new Run(model, opt, trainer);
    }

    /** AdamW with amsgrad, a step schedule per epoch, full batch (no shuffling generator). */
    private static Run adamWStepPerEpochFullBatch() {
        Sequential model = Fixtures.mlp(6, 12, 3, Rng.seed(9));
        AdamW opt = AdamW.of(model.parameters()).lr(0.05).amsgrad(true);
        Trainer trainer = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false)
                .schedulePerEpoch(StepLR.of(opt).stepSize(2).gamma(0.5)).statsEvery(1);
        return new Run(model, opt, trainer);
    }

    /** Centered RMSprop with momentum, a schedule written as a lambda, stochastic mode. */
    private static Run rmsPropLambdaScheduleStochastic() {
        Rng rng = Rng.seed(10);
        Sequential model = Fixtures.mlp(6, 8, 3, rng.split());
        RmsProp opt = RmsProp.of(model.parameters()).lr(0.003).momentum(0.5).centered(true);
        Trainer trainer = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false).stochastic()
                .shuffle(rng.split()).schedule(t -> 0.003 * Math.pow(0.995, t));
        return new Run(model, opt, trainer);
    }

    @Test
    void resumingAfterAnyEpochGivesTheUninterruptedRunBitForBit() throws IOException {
        Run whole = adamCosineDropoutEarlyStopping();
        History expected = whole.trainer().epochs(12).fit(TRAIN);
        assertEquals(8, expected.epochs(), "early stopping ends the run");
        assertEquals(5, expected.bestEpoch());
        assertTrue(expected.stopReason().startsWith("early stopping"), expected.stopReason());

        for (int k = 1; k <= 7; k++) {
            Path path = dir.resolve("run-" + k + ".ckpt");
            adamCosineDropoutEarlyStopping().trainer().epochs(k).checkpointEvery(1, path).fit(TRAIN);

            Run resumed = adamCosineDropoutEarlyStopping();
            History history = resumed.trainer().epochs(12).resume(Checkpoint.load(path)).fit(TRAIN);
            assertEquals(expected, history, "interrupted after " + k + " epochs");
            assertEquals(Fixtures.weights(whole.model()), Fixtures.weights(resumed.model()), "weights, k = " + k);
            assertEquals(whole.opt().state(), resumed.opt().state(), "optimizer, k = " + k);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void resumingWorksWithOtherOptimizersSchedulesAndBatchModes() {
        for (Function<Void, Run> setup : java.util.List.<Function<Void, Run>>of(v -> sgdPlateauBatchNorm(),
                v -> adamWStepPerEpochFullBatch(), v -> rmsPropLambdaScheduleStochastic())) {
            Run whole = setup.apply(null);
            History expected = whole.trainer().epochs(5).fit(TRAIN);
            Path path = dir.resolve("run.ckpt");
            setup.apply(null).trainer().epochs(3).checkpointEvery(3, path).fit(TRAIN);
            Run resumed = setup.apply(null);
            History history = resumed.trainer().epochs(5).resume(Checkpoint.load(path)).fit(TRAIN);
            assertEquals(expected, history, whole.trainer().toString());
            assertEquals(Fixtures.weights(whole.model()), Fixtures.weights(resumed.model()));
            assertEquals(whole.model().buffers(), resumed.model().buffers());
        }
    }

    /** SGD whose learning rate grows 10 % a step: the health monitor warns at step 74, then the run diverges. */
    private static Trainer growingLearningRate() {
        Rng rng = Rng.seed(2);
        Sequential model = Fixtures.mlp(3, 8, 1, rng.split());
        Trainer trainer = Trainer.of(model, MeanSquaredError.of(), Sgd.of(model.parameters())).progress(false)
                .batchSize(8).shuffle(rng.split()).schedule(t -> 0.001 * Math.pow(1.1, t))
                .health(HealthMonitor.warning()).epochs(15);
        trainer.warnings = new PrintStream(OutputStream.nullOutputStream());
        return trainer;
    }

    @Test
    void theHealthMonitorContinuesFromWhatItHadSeen() {
        Dataset data = Fixtures.regression(64, 0.1, Rng.seed(1));
        History expected = growingLearningRate().fit(data);
        assertEquals(1, expected.warnings().size());
        assertTrue(expected.warnings().get(0).startsWith("Warning: at step 74 the loss"), expected.warnings().get(0));
        assertTrue(expected.diverged());
        for (int k = 2; k <= 9; k++) {
            Path path = dir.resolve("health-" + k + ".ckpt");
            growingLearningRate().epochs(k).checkpointEvery(1, path).fit(data);
            History history = growingLearningRate().resume(Checkpoint.load(path)).fit(data);
            assertEquals(expected, history, "interrupted after " + k + " epochs");
        }
    }

    @Test
    void aCheckpointIsWrittenEveryNEpochsAndNotForAnEpochCutShort() {
        Path path = dir.resolve("every2.ckpt");
        adamCosineDropoutEarlyStopping().trainer().epochs(5).checkpointEvery(2, path).fit(TRAIN);
        assertEquals(4, Checkpoint.load(path).epochs(), "written after epochs 1 and 3");

        Path cut = dir.resolve("cut.ckpt");
        History h = adamCosineDropoutEarlyStopping().trainer().maxSteps(10).checkpointEvery(1, cut).fit(TRAIN);
        assertEquals(2, h.epochs(), "7 steps per epoch: the second epoch is cut short");
        assertEquals(1, Checkpoint.load(cut).epochs(), "only the whole epoch is saved");
        assertEquals("Trainer(mini-batches of 16, shuffled, maxSteps=10, earlyStopping(patience=2, minDelta=0.0), loss="
                + SoftmaxCrossEntropy.of() + ", optimizer=" + adamCosineDropoutEarlyStopping().opt() + ", schedule="
                + "CosineAnnealingLR(tMax=80, etaMin=0.0, step=0), validation=Dataset(60 examples, 6 features,"
                + " 3 classes), metrics=[accuracy], statsEvery=3, checkpointEvery(1, " + cut + "))",
                adamCosineDropoutEarlyStopping().trainer().maxSteps(10).checkpointEvery(1, cut).toString());
    }

    @Test
    void aTrainerThatDoesNotFitTheSavedRunIsRefused() {
        Path path = dir.resolve("run.ckpt");
        adamCosineDropoutEarlyStopping().trainer().epochs(2).checkpointEvery(1, path).fit(TRAIN);
        Checkpoint checkpoint = Checkpoint.load(path);

        Rng rng = Rng.seed(7);
        Sequential wider = Sequential.of(Dense.of(6, 64, rng.split()), ReLU.of(), Dropout.of(0.2, rng.split()),
                Dense.of(64, 3, rng.split()));
        Trainer other = Trainer.of(wider, SoftmaxCrossEntropy.of(), Adam.of(wider.parameters()));
        var e = assertThrows(IllegalArgumentException.class, () -> other.resume(checkpoint));
        assertEquals("Trainer.resume: " + path + " was saved from another architecture: parameter 0.weight is 6×32"
                + " there but 6×64 in this model; build the model as it was when the checkpoint was saved",
                e.getMessage());

        Trainer done = adamCosineDropoutEarlyStopping().trainer().epochs(2).resume(checkpoint);
        e = assertThrows(IllegalArgumentException.class, () -> done.fit(TRAIN));
        assertEquals("Trainer.fit: the checkpoint " + path + " holds 2 epochs and 14 steps already, which epochs=2"
                + " does not go beyond; raise the limit to continue the run (epochs count the saved ones too)",
                e.getMessage());

        Run noMetric = adamCosineDropoutEarlyStopping();
        Trainer withoutMetric = Trainer.of(noMetric.model(), SoftmaxCrossEntropy.of(), noMetric.opt()).progress(false)
                .batchSize(16).shuffle(Rng.seed(1)).validation(VALID).earlyStopping(2).epochs(5).resume(checkpoint);
        e = assertThrows(IllegalArgumentException.class, () -> withoutMetric.fit(TRAIN));
        assertEquals("Trainer.fit: the checkpoint " + path + " recorded the metrics [accuracy] with a validation set,"
                + " this trainer the metrics [] with a validation set; set the metrics and the validation set as in"
                + " the saved run", e.getMessage());

        Run noSchedule = adamCosineDropoutEarlyStopping();
        Trainer withoutSchedule = Trainer.of(noSchedule.model(), SoftmaxCrossEntropy.of(), noSchedule.opt())
                .progress(false).batchSize(16).shuffle(Rng.seed(1)).validation(VALID)
                .metric("accuracy", Metrics::accuracy).earlyStopping(2).epochs(5).resume(checkpoint);
        e = assertThrows(IllegalArgumentException.class, () -> withoutSchedule.fit(TRAIN));
        assertEquals("Trainer.fit: the checkpoint " + path + " holds the state of a schedule but this trainer has"
                + " none; set the schedule of the saved run", e.getMessage());
        assertFalse(noSchedule.opt().state().parameters().get(0).containsKey("step"), "nothing was restored");
    }
}
