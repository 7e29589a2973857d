package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.data.Dataset;
import gd.loss.MeanSquaredError;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.schedule.ReduceLROnPlateau;
import gd.schedule.StepLR;
import gd.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal names the operation, what it got and what it expected. */
class TrainerErrorsTest {
    private static final Dataset DATA = Fixtures.regression(10, 0.1, Rng.seed(1));

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static Sequential model() {
        return Fixtures.mlp(3, 4, 1, Rng.seed(2));
    }

    private static Trainer trainer() {
        Sequential m = model();
        return Trainer.of(m, MeanSquaredError.of(), Sgd.of(m.parameters()).lr(0.1)).progress(false);
    }

    @Test
    void ofRefusesMissingPartsAndForeignParameters() {
        Sequential m = model();
        assertMessage("Trainer.of: model, loss and optimizer must not be null, got model=null, loss="
                + MeanSquaredError.of() + ", optimizer=null", () -> Trainer.of(null, MeanSquaredError.of(), null));
        assertMessage("Trainer.of: the model ReLU() has no parameters to train",
                () -> Trainer.of(ReLU.of(), MeanSquaredError.of(), () -> { }));
        Dense other = Dense.of(3, 2, Rng.seed(9));
        assertMessage("Trainer.of: the optimizer updates parameter weight (3×2) which is not in the model; create the"
                + " optimizer with model.parameters()",
                () -> Trainer.of(m, MeanSquaredError.of(), Sgd.of(other.parameters())));
    }

    @Test
    void settersRefuseBadValues() {
        Trainer t = trainer();
        assertMessage("Trainer.batchSize must be at least 1, got 0", () -> t.batchSize(0));
        assertMessage("Trainer.epochs must be at least 1, got 0", () -> t.epochs(0));
        assertMessage("Trainer.maxSteps must be at least 1, got -3", () -> t.maxSteps(-3));
        assertMessage("Trainer.lossThreshold must be finite, got nan", () -> t.lossThreshold(Double.NaN));
        assertMessage("Trainer.tolerance must be positive and finite, got 0.0", () -> t.tolerance(0));
        assertMessage("Trainer.earlyStopping: patience must be at least 1, got 0", () -> t.earlyStopping(0));
        assertMessage("Trainer.earlyStopping: minDelta must be non-negative and finite, got -0.1",
                () -> t.earlyStopping(2, -0.1));
        assertMessage("Trainer.clipGradNorm: maxNorm must be positive and finite, got 0.0", () -> t.clipGradNorm(0));
        assertMessage("Trainer.clipGradValue: value must be positive and finite, got inf",
                () -> t.clipGradValue(Double.POSITIVE_INFINITY));
        assertMessage("Trainer.statsEvery must be non-negative, got -1", () -> t.statsEvery(-1));
        assertMessage("Trainer.evalBatchSize must be at least 1, got 0", () -> t.evalBatchSize(0));
        assertMessage("Trainer.shuffle: rng is null; pass one, e.g. .shuffle(rng.split())", () -> t.shuffle(null));
        assertMessage("Trainer.validation: the validation set is null, expected at least one example",
                () -> t.validation(null));
        assertMessage("Trainer.validation: the validation set is empty, expected at least one example",
                () -> t.validation(DATA.head(0)));
        assertMessage("Trainer.callback: the callback is null", () -> t.callback(null));
        assertMessage("Trainer.progress: the display is null; use .progress(false) for none",
                () -> t.progress((ProgressDisplay) null));
        assertMessage("Trainer.schedule: the schedule is null", () -> t.schedule((ReduceLROnPlateau) null));
        assertMessage("Trainer.schedulePerEpoch: the schedule is null", () -> t.schedulePerEpoch(null));
    }

    @Test
    void metricsNeedAFreshNameAndAFunction() {
        Trainer t = trainer().metric("r", (o, y) -> 0);
        assertMessage("Trainer.metric: the name \"r\" is taken; metrics so far: [r] (and \"loss\")",
                () -> t.metric("r", (o, y) -> 1));
        assertMessage("Trainer.metric: the name \"loss\" is taken; metrics so far: [r] (and \"loss\")",
                () -> t.metric("loss", (o, y) -> 1));
        assertMessage("Trainer.metric: the name must not be empty, got \" \"", () -> t.metric(" ", (o, y) -> 1));
        assertMessage("Trainer.metric: the metric \"s\" is null", () -> t.metric("s", null));
    }

    @Test
    void aScheduleMustSetTheTrainersOptimizer() {
        Sequential m = model();
        Sgd mine = Sgd.of(m.parameters()).lr(0.1);
        Adam other = Adam.of(m.parameters());
        Trainer t = Trainer.of(m, MeanSquaredError.of(), mine);
        assertMessage("Trainer.schedule: the schedule sets the learning rate of " + other + ", not of this trainer's"
                + " optimizer " + mine, () -> t.schedule(StepLR.of(other).stepSize(1)));
        assertMessage("Trainer.schedule: the schedule sets the learning rate of " + other + ", not of this trainer's"
                + " optimizer " + mine, () -> t.schedule(ReduceLROnPlateau.of(other)));
    }

    @Test
    void fitChecksTheConfigurationAgainstTheData() {
        assertMessage("Trainer.fit: nothing limits the training; set .epochs(n) or .maxSteps(n)",
                () -> trainer().fit(DATA));
        assertMessage("Trainer.fit: mini-batch mode draws batches of 4 in a new random order every epoch and needs an"
                + " Rng; add .shuffle(rng.split())", () -> trainer().batchSize(4).epochs(1).fit(DATA));
        assertMessage("Trainer.fit: stochastic mode visits the examples in a new random order every epoch and needs an"
                + " Rng; add .shuffle(rng.split())", () -> trainer().stochastic().epochs(1).fit(DATA));
        Dataset wide = Dataset.of(Matrix.zeros(5, 4), Matrix.zeros(5, 1));
        assertMessage("Trainer.fit: the validation set has 4 features but the training set has 3; expected the same",
                () -> trainer().validation(wide).epochs(1).fit(DATA));
        Dataset twoTargets = Dataset.of(Matrix.zeros(5, 3), Matrix.zeros(5, 2));
        assertMessage("Trainer.fit: the validation targets have 2 columns but the training targets have 1; expected"
                + " the same", () -> trainer().validation(twoTargets).epochs(1).fit(DATA));
        assertMessage("Trainer.fit: earlyStopping watches the validation loss, but there is no validation set; add"
                + " .validation(data)", () -> trainer().earlyStopping(3).epochs(1).fit(DATA));
        assertMessage("Trainer.fit: the training set is null, expected at least one example",
                () -> trainer().epochs(1).fit(null));
        assertMessage("Trainer.fit: the training set is empty, expected at least one example",
                () -> trainer().epochs(1).fit(DATA.head(0)));
        assertMessage("Dense(3→4).forward: input has 2 columns, expected 3",
                () -> trainer().epochs(1).fit(Dataset.of(Matrix.zeros(5, 2), Matrix.zeros(5, 1))));
    }

    @Test
    void evaluateRefusesMissingArguments() {
        Sequential m = model();
        assertMessage("Evaluation.of: the dataset is empty, expected at least one example",
                () -> Evaluation.of(m, DATA.head(0), MeanSquaredError.of()));
        assertMessage("Evaluation.of: model, data, loss and metrics must not be null, got model=" + m
                + ", data=null, loss=" + MeanSquaredError.of() + ", metrics={}",
                () -> Evaluation.of(m, null, MeanSquaredError.of(), Map.of()));
        assertMessage("Trainer.evaluate: the dataset is null, expected at least one example",
                () -> trainer().evaluate(null));
        Evaluation e = Evaluation.of(m, DATA, MeanSquaredError.of());
        assertMessage("Evaluation.metric: no metric named \"accuracy\"; evaluated metrics: []",
                () -> e.metric("accuracy"));
    }

    @Test
    void aCallbackMustGiveAReasonToStop() {
        assertMessage("TrainingState.stop: give a reason, e.g. \"validation accuracy reached 0.99\"; got \"\"",
                () -> trainer().epochs(1).callback(s -> s.stop("")).fit(DATA));
    }
}
