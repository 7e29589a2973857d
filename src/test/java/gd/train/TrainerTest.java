package gd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Dataset;
import gd.data.Metrics;
import gd.loss.MeanSquaredError;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Kernels;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.ReduceLROnPlateau;
import gd.schedule.StepLR;
import gd.testing.Fixtures;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop: batch modes, shuffling, determinism, stopping rules, schedules, clipping, metrics, statistics. */
class TrainerTest {

    private static Trainer regressionTrainer(Sequential model, double lr) {
        return Trainer.of(model, MeanSquaredError.of(), Sgd.of(model.parameters()).lr(lr)).progress(false);
    }

    // ---------------------------------------------------------------- batch modes and shuffling

    @Test
    void eachBatchModeTakesTheRightNumberOfStepsPerEpoch() {
        Dataset data = Fixtures.regression(10, 0.1, Rng.seed(1));
        Map<String, Trainer> trainers = new LinkedHashMap<>();
        trainers.put("full", regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01));
        trainers.put("stochastic", regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).stochastic());
        trainers.put("batchSize(4)", regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).batchSize(4));
        trainers.put("batchSize(20)", regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).batchSize(20));
        Map<String, Integer> perEpoch = Map.of("full", 1, "stochastic", 10, "batchSize(4)", 3, "batchSize(20)", 1);
        for (Map.Entry<String, Trainer> e : trainers.entrySet()) {
            History h = e.getValue().shuffle(Rng.seed(3)).epochs(3).fit(data);
            int n = perEpoch.get(e.getKey());
            assertEquals(3 * n, h.steps(), e.getKey() + " steps");
            assertEquals(3, h.epochs(), e.getKey() + " epochs");
            int[] expected = new int[3 * n];
            for (int t = 0; t < expected.length; t++) {
                expected[t] = t / n;
            }
            assertArrayEquals(expected, h.epochOfStep(), e.getKey() + " epoch of each step");
        }
        assertEquals(BatchMode.FULL, trainers.get("full").batchMode());
        assertEquals(BatchMode.SGD, trainers.get("stochastic").batchMode());
        assertEquals(BatchMode.MINI_BATCH, trainers.get("batchSize(4)").batchMode());
    }

    /** The order in which a run's training forward passes saw the examples, epoch by epoch. */
    private static double[][] ordersSeen(Trainer trainer, Fixtures.Spy spy, Dataset data, int epochs) {
        trainer.epochs(epochs).fit(data);
        double[] seen = spy.seenInTraining();
        double[][] orders = new double[epochs][];
        for (int e = 0; e < epochs; e++) {
            orders[e] = Arrays.copyOfRange(seen, e * data.size(), (e + 1) * data.size());
        }
        return orders;
    }

    private static double[][] miniBatchOrders(long shuffleSeed) {
        Dataset data = Fixtures.numbered(10, Rng.seed(1));
        Fixtures.Spy spy = new Fixtures.Spy(Dense.of(3, 1, Rng.seed(2)));
        Trainer trainer = Trainer.of(spy, MeanSquaredError.of(), Sgd.of(spy.parameters()).lr(0)).progress(false)
                .batchSize(3).shuffle(Rng.seed(shuffleSeed));
        return ordersSeen(trainer, spy, data, 3);
    }

    @Test
    void shufflingDrawsANewOrderEveryEpochAndRepeatsForTheSameSeed() {
        double[][] orders = miniBatchOrders(7);
        double[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (double[] order : orders) {
            double[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity, sorted, "every epoch visits every example once");
        }
        assertFalse(Arrays.equals(orders[0], orders[1]), "epochs 0 and 1 in the same order");
        assertFalse(Arrays.equals(orders[1], orders[2]), "epochs 1 and 2 in the same order");
        assertFalse(Arrays.equals(orders[0], identity), "epoch 0 not shuffled");
        assertTrue(Arrays.deepEquals(orders, miniBatchOrders(7)), "the same seed gives the same orders");
        assertFalse(Arrays.deepEquals(orders, miniBatchOrders(8)), "another seed gives other orders");
    }

    @Test
    void fullBatchKeepsTheDataOrder() {
        Dataset data = Fixtures.numbered(10, Rng.seed(1));
        Fixtures.Spy spy = new Fixtures.Spy(Dense.of(3, 1, Rng.seed(2)));
        Trainer trainer = Trainer.of(spy, MeanSquaredError.of(), Sgd.of(spy.parameters()).lr(0)).progress(false)
                .shuffle(Rng.seed(3));
        for (double[] order : ordersSeen(trainer, spy, data, 2)) {
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, order);
        }
    }

    // ---------------------------------------------------------------- determinism

    /** A run that exercises everything the History records, with products large enough to use threads. */
    private static History fullRun(long seed) {
        Rng rng = Rng.seed(seed);
        Dataset data = Fixtures.classification(600, 100, 5, rng.split());
        Dataset.Split split = data.split(0.8, rng.split());
        Sequential model = Sequential.of(Dense.of(100, 64, rng.split()), ReLU.of(), Dropout.of(0.2, rng.split()),
                Dense.of(64, 5, rng.split()));
        Adam opt = Adam.of(model.parameters()).lr(0.01);
        return Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false)
                .batchSize(128).shuffle(rng.split()).schedule(CosineAnnealingLR.of(opt).tMax(20))
                .validation(split.validation()).metric("accuracy", Metrics::accuracy).statsEvery(2)
                .earlyStopping(5).epochs(4).fit(split.train());
    }

    @Test
    void theSameSeedGivesTheSameHistoryWithOneOrTwoThreads() {
        int threads = Kernels.threads();
        try {
            Kernels.threads(1);
            History one = fullRun(42);
            Kernels.threads(2);
            History two = fullRun(42);
            History again = fullRun(42);
            assertEquals(one, two, "1 thread vs 2 threads");
            assertEquals(two, again, "two runs with 2 threads");
            assertEquals(one.hashCode(), two.hashCode());
            assertNotEquals(one, fullRun(43), "another seed");
            assertEquals(4, one.epochs());
            assertEquals(16, one.steps());
        } finally {
            Kernels.threads(threads);
        }
    }

    // ---------------------------------------------------------------- stopping rules

    @Test
    void stopsAfterTheMaximumOfEpochs() {
        History h = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).epochs(3)
                .fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertEquals(3, h.epochs());
        assertEquals("reached the maximum of 3 epochs", h.stopReason());
        assertFalse(h.diverged());
        assertEquals(-1, h.bestEpoch());
    }

    @Test
    void stopsAfterTheMaximumOfStepsInTheMiddleOfAnEpoch() {
        History h = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).batchSize(4).shuffle(Rng.seed(3))
                .maxSteps(7).epochs(10).fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertEquals(7, h.steps());
        assertEquals(3, h.epochs(), "two full epochs of 3 steps and one of 1 step");
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2}, h.epochOfStep());
        assertEquals(h.loss()[6], h.epochLoss()[2], 0, "the partial epoch's loss is its one step's loss");
        assertEquals("reached the maximum of 7 steps", h.stopReason());
    }

    @Test
    void stopsWhenTheEpochLossReachesTheThreshold() {
        History h = regressionTrainer(Fixtures.mlp(3, 8, 1, Rng.seed(2)), 0.05).lossThreshold(0.05).epochs(5000)
                .fit(Fixtures.regression(50, 0.1, Rng.seed(1)));
        double[] loss = h.epochLoss();
        int last = loss.length - 1;
        assertTrue(last > 0 && last < 4999, "stopped after " + loss.length + " epochs");
        assertTrue(loss[last] <= 0.05, "last epoch loss " + loss[last]);
        assertTrue(loss[last - 1] > 0.05, "epoch before " + loss[last - 1]);
        assertEquals("the epoch loss " + Format.number(loss[last]) + " reached the threshold 0.05", h.stopReason());
    }

    @Test
    void stopsWhenTheEpochLossChangesLessThanTheTolerance() {
        History h = regressionTrainer(Fixtures.mlp(3, 8, 1, Rng.seed(2)), 0.05).tolerance(1e-5).epochs(50_000)
                .fit(Fixtures.regression(50, 0.1, Rng.seed(1)));
        double[] loss = h.epochLoss();
        int last = loss.length - 1;
        assertTrue(last > 1 && last < 49_999, "stopped after " + loss.length + " epochs");
        for (int e = 1; e < last; e++) {
            assertTrue(Math.abs(loss[e] - loss[e - 1]) >= 1e-5, "epoch " + e + " changed less than the tolerance");
        }
        double change = Math.abs(loss[last] - loss[last - 1]);
        assertTrue(change < 1e-5);
        assertEquals("the epoch loss changed by " + Format.number(change) + ", less than the tolerance 1e-05",
                h.stopReason());
    }

    /** Twenty noisy examples of a 15-feature linear model: a linear fit overfits them. */
    private static Dataset.Split overfitting() {
        Rng rng = Rng.seed(5);
        double[] w = new double[15];
        for (int j = 0; j < w.length; j++) {
            w[j] = rng.normal();
        }
        Dataset train = gd.data.Synthetic.linear(20, w, 0, 2.0, rng.split()).data();
        Dataset validation = gd.data.Synthetic.linear(500, w, 0, 2.0, rng.split()).data();
        return new Dataset.Split(train, validation);
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsAndRestoresTheBestWeights() {
        Dataset.Split data = overfitting();
        Sequential model = Sequential.of(Dense.of(15, 1, Rng.seed(6)));
        List<List<Matrix>> snapshots = new ArrayList<>();
        History h = regressionTrainer(model, 0.02).validation(data.validation()).earlyStopping(3).epochs(10_000)
                .callback(s -> {
                    if (s.endOfEpoch()) {
                        snapshots.add(Fixtures.weights(model));
                    }
                })
                .fit(data.train());
        double[] val = h.validationLoss();
        int best = 0;
        for (int e = 1; e < val.length; e++) {
            if (val[e] < val[best]) {
                best = e;
            }
        }
        assertTrue(best > 0, "the validation loss fell at first");
        assertEquals(best, h.bestEpoch());
        assertEquals(best + 4, h.epochs(), "three epochs without improvement after the best one");
        assertEquals(snapshots.get(best), Fixtures.weights(model), "the weights of the best epoch");
        assertNotEquals(snapshots.get(h.epochs() - 1), Fixtures.weights(model));
        assertEquals(val[best], Evaluation.of(model, data.validation(), MeanSquaredError.of()).loss(), 0);
        assertEquals("early stopping: the validation loss has not improved for 3 epochs; restored the weights of epoch "
                + best + " (validation loss " + Format.number(val[best]) + ")", h.stopReason());
    }

    @Test
    void earlyStoppingWithMinDeltaNeedsALargerImprovement() {
        Dataset.Split data = overfitting();
        History plain = regressionTrainer(Sequential.of(Dense.of(15, 1, Rng.seed(6))), 0.02)
                .validation(data.validation()).earlyStopping(3).epochs(10_000).fit(data.train());
        History strict = regressionTrainer(Sequential.of(Dense.of(15, 1, Rng.seed(6))), 0.02)
                .validation(data.validation()).earlyStopping(3, 0.5).epochs(10_000).fit(data.train());
        assertTrue(strict.epochs() < plain.epochs(), strict.epochs() + " vs " + plain.epochs());
        double[] val = strict.validationLoss();
        int best = strict.bestEpoch();
        for (int e = best + 1; e < val.length; e++) {
            assertFalse(val[e] < val[best] - 0.5, "epoch " + e + " improved by more than minDelta");
        }
        assertTrue(strict.stopReason().startsWith("early stopping: the validation loss has not improved by more than 0.5"
                + " for 3 epochs"), strict.stopReason());
    }

    @Test
    void theBestWeightsAreAlsoRestoredWhenAnotherRuleStopsTraining() {
        Dataset.Split data = overfitting();
        Sequential model = Sequential.of(Dense.of(15, 1, Rng.seed(6)));
        List<List<Matrix>> snapshots = new ArrayList<>();
        History reference = regressionTrainer(Sequential.of(Dense.of(15, 1, Rng.seed(6))), 0.02)
                .validation(data.validation()).earlyStopping(3).epochs(10_000).fit(data.train());
        int epochs = reference.bestEpoch() + 3;
        History h = regressionTrainer(model, 0.02).validation(data.validation()).earlyStopping(100).epochs(epochs)
                .callback(s -> {
                    if (s.endOfEpoch()) {
                        snapshots.add(Fixtures.weights(model));
                    }
                })
                .fit(data.train());
        assertEquals(reference.bestEpoch(), h.bestEpoch());
        assertEquals(snapshots.get(h.bestEpoch()), Fixtures.weights(model));
        assertEquals("reached the maximum of " + epochs + " epochs; restored the weights of epoch " + h.bestEpoch()
                + " (validation loss " + Format.number(h.validationLoss()[h.bestEpoch()]) + ")", h.stopReason());
    }

    @Test
    void aCallbackCanStopTrainingAndSeesEveryStepAndEpoch() {
        List<String> calls = new ArrayList<>();
        History h = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).batchSize(4).shuffle(Rng.seed(3))
                .epochs(10)
                .callback(s -> {
                    calls.add(s.endOfEpoch() ? "epoch " + s.epoch() : "step " + s.step() + " (" + s.epoch() + "/"
                            + s.batch() + ")");
                    if (!s.endOfEpoch() && s.step() == 4) {
                        assertEquals(5, s.history().steps(), "the history so far");
                        s.stop("enough");
                    }
                })
                .fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertEquals(List.of("step 0 (0/0)", "step 1 (0/1)", "step 2 (0/2)", "epoch 0", "step 3 (1/0)", "step 4 (1/1)",
                "epoch 1"), calls);
        assertEquals(5, h.steps());
        assertEquals(2, h.epochs());
        assertEquals("stopped by a callback: enough", h.stopReason());
    }

    @Test
    void theCallbackStateReportsTheLossesAndTheLearningRate() {
        Dataset.Split data = overfitting();
        List<Double> stepLosses = new ArrayList<>();
        List<Double> lrs = new ArrayList<>();
        List<Double> epochLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        History h = regressionTrainer(Sequential.of(Dense.of(15, 1, Rng.seed(6))), 0.02).validation(data.validation())
                .batchSize(8).shuffle(Rng.seed(1)).epochs(3)
                .callback(s -> {
                    if (s.endOfEpoch()) {
                        epochLosses.add(s.loss());
                        validationLosses.add(s.validationLoss());
                    } else {
                        stepLosses.add(s.loss());
                        lrs.add(s.lr());
                        assertTrue(Double.isNaN(s.validationLoss()));
                    }
                })
                .fit(data.train());
        assertArrayEquals(h.loss(), stepLosses.stream().mapToDouble(Double::doubleValue).toArray());
        assertArrayEquals(h.lr(), lrs.stream().mapToDouble(Double::doubleValue).toArray());
        assertArrayEquals(h.epochLoss(), epochLosses.stream().mapToDouble(Double::doubleValue).toArray());
        assertArrayEquals(h.validationLoss(), validationLosses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ---------------------------------------------------------------- schedules

    @Test
    void aScheduleStepsAfterEveryOptimizerStep() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        Sgd opt = Sgd.of(model.parameters()).lr(0.1);
        CosineAnnealingLR sched = CosineAnnealingLR.of(opt).tMax(20);
        History h = Trainer.of(model, MeanSquaredError.of(), opt).progress(false).batchSize(4).shuffle(Rng.seed(3))
                .schedule(sched).epochs(5).fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertEquals(15, h.steps());
        double[] lr = h.lr();
        for (int t = 0; t < lr.length; t++) {
            assertEquals(sched.lrAt(t), lr[t], 0, "lr of step " + t);
        }
        assertEquals(15, sched.stepCount());
    }

    @Test
    void aScheduleCanStepAfterEveryEpoch() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        Sgd opt = Sgd.of(model.parameters()).lr(0.1);
        StepLR sched = StepLR.of(opt).stepSize(2).gamma(0.5);
        History h = Trainer.of(model, MeanSquaredError.of(), opt).progress(false).batchSize(4).shuffle(Rng.seed(3))
                .schedulePerEpoch(sched).epochs(5).fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        double[] lr = h.lr();
        int[] epoch = h.epochOfStep();
        for (int t = 0; t < lr.length; t++) {
            assertEquals(sched.lrAt(epoch[t]), lr[t], 0, "lr of step " + t);
        }
        assertEquals(0.025, lr[lr.length - 1], 0, "epoch 4: 0.1 · 0.5²");
        assertEquals(5, sched.stepCount(), "stepped after every epoch, as torch's loop does");
    }

    /** The learning rate of each epoch's steps must be what a fresh ReduceLROnPlateau gives for the same metrics. */
    private static void assertPlateauReplay(History h, double[] metricPerEpoch) {
        Sgd replayOpt = Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 1)))).lr(0.1);
        ReduceLROnPlateau replay = ReduceLROnPlateau.of(replayOpt).factor(0.5).patience(0).threshold(0.2);
        double[] lr = h.lr();
        int[] epoch = h.epochOfStep();
        int reductions = 0;
        for (int e = 0, t = 0; e < h.epochs(); e++) {
            for (; t < lr.length && epoch[t] == e; t++) {
                assertEquals(replay.lr(), lr[t], 0, "lr of step " + t + " (epoch " + e + ")");
            }
            double before = replay.lr();
            replay.step(metricPerEpoch[e]);
            reductions += replay.lr() < before ? 1 : 0;
        }
        assertTrue(reductions >= 1, "the plateau never reduced the learning rate");
    }

    @Test
    void reduceLrOnPlateauFollowsTheValidationLoss() {
        Dataset.Split data = overfitting();
        Sequential model = Sequential.of(Dense.of(15, 1, Rng.seed(6)));
        Sgd opt = Sgd.of(model.parameters()).lr(0.1);
        History h = Trainer.of(model, MeanSquaredError.of(), opt).progress(false).validation(data.validation())
                .schedule(ReduceLROnPlateau.of(opt).factor(0.5).patience(0).threshold(0.2)).epochs(30)
                .fit(data.train());
        assertPlateauReplay(h, h.validationLoss());
    }

    @Test
    void reduceLrOnPlateauFollowsTheTrainingLossWithoutValidation() {
        Dataset.Split data = overfitting();
        Sequential model = Sequential.of(Dense.of(15, 1, Rng.seed(6)));
        Sgd opt = Sgd.of(model.parameters()).lr(0.1);
        History h = Trainer.of(model, MeanSquaredError.of(), opt).progress(false)
                .schedule(ReduceLROnPlateau.of(opt).factor(0.5).patience(0).threshold(0.2)).epochs(30)
                .fit(data.train());
        assertPlateauReplay(h, h.epochLoss());
    }

    // ---------------------------------------------------------------- clipping

    private static double globalGradNorm(List<Parameter> params) {
        double s = 0;
        for (Parameter p : params) {
            s += p.grad().sumOfSquares();
        }
        return Math.sqrt(s);
    }

    @Test
    void clipGradNormBoundsTheGradientTheOptimizerSees() {
        Sequential model = Fixtures.mlp(3, 8, 1, Rng.seed(2));
        List<Double> clipped = new ArrayList<>();
        History h = regressionTrainer(model, 0.01).clipGradNorm(0.5).statsEvery(1).batchSize(5).shuffle(Rng.seed(3))
                .epochs(5)
                .callback(s -> {
                    if (!s.endOfEpoch()) {
                        clipped.add(globalGradNorm(model.parameters()));
                    }
                })
                .fit(Fixtures.regression(50, 0.1, Rng.seed(1)));
        double[] raw = h.gradNorm();
        int active = 0;
        for (int t = 0; t < raw.length; t++) {
            assertTrue(clipped.get(t) <= 0.5 + 1e-12, "step " + t + ": norm " + clipped.get(t) + " after clipping");
            if (raw[t] > 0.5) {
                active++;
                assertEquals(0.5, clipped.get(t), 1e-6, "a clipped gradient has norm maxNorm");
            } else {
                assertEquals(raw[t], clipped.get(t), 1e-12, "a gradient below maxNorm is unchanged");
            }
        }
        assertTrue(active > 0, "no gradient was large enough to clip");
    }

    @Test
    void clipGradValueBoundsEveryElement() {
        Sequential model = Fixtures.mlp(3, 8, 1, Rng.seed(2));
        List<Double> largest = new ArrayList<>();
        History h = regressionTrainer(model, 0.01).clipGradValue(0.05).statsEvery(1).epochs(5)
                .callback(s -> {
                    if (!s.endOfEpoch()) {
                        double max = 0;
                        for (Parameter p : model.parameters()) {
                            max = Math.max(max, p.grad().maxAbs());
                        }
                        largest.add(max);
                    }
                })
                .fit(Fixtures.regression(50, 0.1, Rng.seed(1)));
        for (double m : largest) {
            assertTrue(m <= 0.05, "largest element " + m);
        }
        assertTrue(h.gradNorm()[0] > 0.05 * Math.sqrt(model.parameterCount()), "the gradients were large enough");
        assertTrue(largest.contains(0.05), "some element was clamped");
    }

    // ---------------------------------------------------------------- metrics, statistics, modes

    @Test
    void trainingMetricsAreAccumulatedOverTheEpochsBatches() {
        Dataset data = Fixtures.classification(103, 4, 3, Rng.seed(1));
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(2));
        double initial = Metrics.accuracy(model.forward(data.x()), data.y());
        // learning rate 0: the model stays as it is, so the accumulated accuracy is the accuracy of that model
        History h = Trainer.of(model, SoftmaxCrossEntropy.of(), Sgd.of(model.parameters()).lr(0)).progress(false)
                .batchSize(10).shuffle(Rng.seed(3)).metric("accuracy", Metrics::accuracy).epochs(2).fit(data);
        assertEquals(List.of("accuracy"), h.metricNames());
        assertEquals(initial, h.metric("accuracy")[0], 1e-15);
        assertEquals(initial, h.metric("accuracy")[1], 1e-15);
        assertEquals(SoftmaxCrossEntropy.of().value(model.forward(data.x()), data.y()), h.epochLoss()[0], 1e-14,
                "the batch-size-weighted mean of the batch losses");
        assertEquals(0, h.validationLoss().length);
        assertEquals(0, h.validationMetric("accuracy").length);
    }

    @Test
    void validationIsEvaluatedAfterEveryEpochOnTheWholeSet() {
        Rng rng = Rng.seed(1);
        Dataset train = Fixtures.classification(200, 4, 3, rng.split());
        Dataset valid = Fixtures.classification(2500, 4, 3, rng.split());
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(2));
        List<Evaluation> afterEpoch = new ArrayList<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", Metrics::accuracy);
        metrics.put("mistakes", (out, y) -> (1 - Metrics.accuracy(out, y)) * y.rows());
        Trainer trainer = Trainer.of(model, SoftmaxCrossEntropy.of(), Adam.of(model.parameters()).lr(0.01))
                .progress(false).batchSize(32).shuffle(rng.split()).validation(valid)
                .metric("accuracy", Metrics::accuracy).metric("mistakes", metrics.get("mistakes")).epochs(3)
                .callback(s -> {
                    if (s.endOfEpoch()) {
                        afterEpoch.add(Evaluation.of(model, valid, SoftmaxCrossEntropy.of(), metrics));
                    }
                });
        History h = trainer.fit(train);
        for (int e = 0; e < 3; e++) {
            assertEquals(afterEpoch.get(e).loss(), h.validationLoss()[e], 0, "validation loss of epoch " + e);
            assertEquals(afterEpoch.get(e).metric("accuracy"), h.validationMetric("accuracy")[e], 0);
            assertEquals(afterEpoch.get(e).metric("mistakes"), h.validationMetric("mistakes")[e], 0);
        }
        Evaluation last = trainer.evaluate(valid);
        assertEquals(h.validationLoss()[2], last.loss(), 0);
        assertEquals(List.of("accuracy", "mistakes"), new ArrayList<>(last.metrics().keySet()));
    }

    @Test
    void statisticsAreRecordedEveryNSteps() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        History h = regressionTrainer(model, 0.01).statsEvery(3).stochastic().shuffle(Rng.seed(3)).epochs(1)
                .fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertArrayEquals(new int[] {0, 3, 6, 9}, h.statsSteps());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), h.parameterNames());
        double[] global = h.gradNorm();
        for (int i = 0; i < global.length; i++) {
            double sum = 0;
            for (String name : h.parameterNames()) {
                sum += h.gradNorm(name)[i] * h.gradNorm(name)[i];
            }
            assertEquals(Math.sqrt(sum), global[i], 1e-15);
        }
        History none = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.01).statsEvery(0).epochs(3)
                .fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertEquals(0, none.statsSteps().length);
        assertEquals(0, none.gradNorm("0.weight").length);
    }

    @Test
    void weightNormsAndUpdateRatiosDescribeEachUpdate() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        List<Map<String, Double>> norms = new ArrayList<>();
        History h = regressionTrainer(model, 0.05).statsEvery(1).epochs(4)
                .callback(s -> {
                    if (!s.endOfEpoch()) {
                        Map<String, Double> m = new LinkedHashMap<>();
                        for (Parameter p : model.parameters()) {
                            m.put(p.name(), p.value().norm());
                        }
                        norms.add(m);
                    }
                })
                .fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        for (String name : h.parameterNames()) {
            double[] weight = h.weightNorm(name);
            double[] ratio = h.updateRatio(name);
            double[] grad = h.gradNorm(name);
            for (int t = 0; t < 4; t++) {
                assertEquals(norms.get(t).get(name), weight[t], 0, name + " weight norm at step " + t);
            }
            for (int t = 1; t < 4; t++) {
                // plain SGD: θ_after − θ_before = −η·g, and θ_before is the weight after the previous step
                assertEquals(0.05 * grad[t] / weight[t - 1], ratio[t], 1e-12 * ratio[t], name + " update ratio");
            }
        }
        Sequential zeroBias = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        zeroBias.parameters().get(1).value().zeroInPlace();
        History z = regressionTrainer(zeroBias, 0.05).statsEvery(1).epochs(2).fit(Fixtures.regression(10, 0.1, Rng.seed(1)));
        assertTrue(Double.isNaN(z.updateRatio("0.bias")[0]), "‖θ_before‖ = 0 gives NaN");
        assertTrue(Double.isFinite(z.updateRatio("0.bias")[1]));
    }

    @Test
    void theModelTrainsInTrainingModeValidatesInEvaluationModeAndGetsItsModesBack() {
        Dropout dropout = Dropout.of(0.5, Rng.seed(4));
        Fixtures.Spy spy = new Fixtures.Spy(Sequential.of(Dense.of(3, 4, Rng.seed(2)), dropout,
                Dense.of(4, 1, Rng.seed(3))));
        spy.eval();
        Dataset data = Fixtures.regression(10, 0.1, Rng.seed(1));
        Trainer.of(spy, MeanSquaredError.of(), Sgd.of(spy.parameters()).lr(0.01)).progress(false)
                .validation(data).epochs(2).fit(data);
        assertEquals(List.of(true, false, true, false), spy.trainingAtForward);
        assertFalse(dropout.training(), "the dropout layer is back in evaluation mode");

        dropout.train();
        Evaluation.of(spy, data, MeanSquaredError.of());
        assertTrue(dropout.training(), "evaluate restores training mode");
    }

    @Test
    void evaluateInBatchesEqualsOneForwardPass() {
        Rng rng = Rng.seed(1);
        Dataset data = Fixtures.classification(2345, 4, 3, rng.split());
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(2));
        Matrix all = model.forward(data.x());
        Evaluation e = Evaluation.of(model, data, SoftmaxCrossEntropy.of(), Map.of("accuracy", Metrics::accuracy));
        assertEquals(SoftmaxCrossEntropy.of().value(all, data.y()), e.loss(), 0);
        assertEquals(Metrics.accuracy(all, data.y()), e.metric("accuracy"), 0);
        assertEquals("Evaluation(loss=" + Format.number(e.loss()) + ", accuracy=" + Format.number(e.metric("accuracy"))
                + ")", e.toString());
        assertEquals(e.loss(), Evaluation.of(model, data, SoftmaxCrossEntropy.of()).loss(), 0);
    }

    @Test
    void trainingAgainContinuesFromTheCurrentWeights() {
        Dataset data = Fixtures.regression(20, 0.1, Rng.seed(1));
        Trainer trainer = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.05).epochs(3);
        History first = trainer.fit(data);
        History second = trainer.fit(data);
        History once = regressionTrainer(Fixtures.mlp(3, 4, 1, Rng.seed(2)), 0.05).epochs(6).fit(data);
        assertArrayEquals(Arrays.copyOfRange(once.epochLoss(), 3, 6), second.epochLoss());
        assertArrayEquals(Arrays.copyOfRange(once.epochLoss(), 0, 3), first.epochLoss());
    }

    @Test
    void toStringListsTheSettings() {
        Sequential model = Fixtures.mlp(3, 4, 1, Rng.seed(2));
        Sgd opt = Sgd.of(model.parameters()).lr(0.1);
        Trainer t = Trainer.of(model, MeanSquaredError.of(), opt).batchSize(64).shuffle(Rng.seed(1)).epochs(3)
                .clipGradNorm(1).metric("r", (o, y) -> 0).schedule(StepLR.of(opt).stepSize(2));
        assertEquals("Trainer(mini-batches of 64, shuffled, epochs=3, loss=" + MeanSquaredError.of() + ", optimizer="
                + opt + ", schedule=" + "StepLR(stepSize=2, gamma=0.1, step=0)" + ", clipGradNorm=1.0,"
                + " metrics=[r], statsEvery=10)", t.toString());
    }
}
