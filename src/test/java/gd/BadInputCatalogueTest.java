package gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.check.GradientCheck;
import gd.data.ConfusionMatrix;
import gd.data.Dataset;
import gd.data.Idx;
import gd.data.Metrics;
import gd.data.Synthetic;
import gd.loss.BinaryCrossEntropy;
import gd.loss.MeanSquaredError;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Residual;
import gd.nn.Sequential;
import gd.nn.Sigmoid;
import gd.optim.AdaGrad;
import gd.optim.Adam;
import gd.optim.Clip;
import gd.optim.Optimizer;
import gd.optim.RmsProp;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.LRScheduler;
import gd.schedule.LinearLR;
import gd.schedule.MultiStepLR;
import gd.schedule.OneCycleLR;
import gd.schedule.ReduceLROnPlateau;
import gd.schedule.Schedule;
import gd.schedule.SequentialLR;
import gd.schedule.StepLR;
import gd.train.HealthMonitor;
import gd.train.History;
import gd.train.Trainer;
import gd.train.TrainingDivergedException;
import gd.tune.LrFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * What a learner gets for a wrong input: for each case, the exception's type and the words of its message (the
 * operation, what it received, what it expected), or, where the input is valid but delicate, the exact correct
 * value. The cases cover the matrix, the losses and metrics, the layers, the optimizers, the schedules, training,
 * data and the gradient check. (The notebook runner's cases are in its own self-test, run by ./gd test.)
 */
class BadInputCatalogueTest {
    /** A refused input: the call, the exception type, and words its message must contain. */
    private record Refusal(String area, String what, Executable call, Class<? extends Throwable> type, String... words) {
    }

    /** A valid but delicate input: the value and the exact expected value (NaN matches NaN). */
    private record Exact(String area, String what, DoubleSupplier actual, double expected) {
    }

    private static final List<Refusal> REFUSALS = new ArrayList<>();
    private static final List<Exact> EXACT = new ArrayList<>();

    private static void refuse(String area, String what, Executable call, String... words) {
        REFUSALS.add(new Refusal(area, what, call, IllegalArgumentException.class, words));
    }

    private static void refuse(String area, String what, Class<? extends Throwable> type, Executable call,
            String... words) {
        REFUSALS.add(new Refusal(area, what, call, type, words));
    }

    private static void exact(String area, String what, DoubleSupplier actual, double expected) {
        EXACT.add(new Exact(area, what, actual, expected));
    }

    private static Parameter param() {
        return new Parameter("w", Matrix.zeros(2, 2));
    }

    private static Sgd sgd() {
        return Sgd.of(List.of(param())).lr(0.1).momentum(0.9);
    }

    private static Dense dense(int in, int out) {
        return Dense.of(in, out, Rng.seed(1));
    }

    private static final Dataset DATA = Synthetic.linear(40, new double[] {1, -2, 0.5}, 0.3, 0.1, Rng.seed(7)).data();

    static {
        // ------------------------------------------------------------------------ matrix
        refuse("matrix", "an element outside the shape", IndexOutOfBoundsException.class,
                () -> Matrix.zeros(2, 3).get(5, 5), "Matrix(2×3).get(5, 5): row 5 is outside 0…1");
        refuse("matrix", "a row outside the shape", IndexOutOfBoundsException.class, () -> Matrix.zeros(2, 3).row(2),
                "Matrix(2×3)", "row 2 is outside 0…1");
        refuse("matrix", "a product of mismatched shapes", () -> Matrix.zeros(2, 3).times(Matrix.zeros(2, 3)),
                "2×3", "2×3");
        exact("matrix", "0 · NaN is NaN in a product (it was 1.0)",
                () -> Matrix.rowVector(0, 1).times(Matrix.columnVector(Double.NaN, 1)).get(0, 0), Double.NaN);
        exact("matrix", "0 · ∞ is NaN in a product",
                () -> Matrix.rowVector(0, 1).times(Matrix.columnVector(Double.POSITIVE_INFINITY, 1)).get(0, 0),
                Double.NaN);
        exact("matrix", "the same through a transposed product",
                () -> Matrix.columnVector(0, 1).transposeTimes(Matrix.columnVector(Double.NaN, 1)).get(0, 0),
                Double.NaN);
        exact("matrix", "and through the other one, as before",
                () -> Matrix.rowVector(0, 1).timesTranspose(Matrix.rowVector(Double.NaN, 1)).get(0, 0), Double.NaN);
        exact("layer", "ReLU passes NaN through", () -> ReLU.of().forward(Matrix.filled(1, 1, Double.NaN)).get(0, 0),
                Double.NaN);

        // ------------------------------------------------------------------------ losses
        SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.of();
        refuse("loss", "cross-entropy on one column", () -> ce.value(Matrix.filled(3, 1, 0.5), Matrix.zeros(3, 1)),
                "logits are 3×1, one column", "loss is always 0", "BinaryCrossEntropy");
        refuse("loss", "soft targets that do not sum to 1", () -> ce.value(Matrix.zeros(2, 3),
                Matrix.of(new double[] {0.5, 0.2, 0}, new double[] {0, 0, 1})), "target row 0 sums to 0.7",
                "sum to 1");
        refuse("loss", "a negative class probability", () -> ce.gradient(Matrix.zeros(1, 3),
                Matrix.of(new double[] {1.2, -0.2, 0})), "target row 0 holds 1.2", "[0, 1]");
        refuse("loss", "a class index out of range", () -> ce.value(Matrix.zeros(2, 3),
                Matrix.of(new double[] {1}, new double[] {10})), "target row 1 holds class 10", "0…2");
        refuse("loss", "a fractional class index", () -> ce.value(Matrix.zeros(1, 3), Matrix.of(new double[] {1.5})),
                "holds class 1.5");
        refuse("loss", "a NaN class index", () -> ce.value(Matrix.zeros(1, 3), Matrix.of(new double[] {Double.NaN})),
                "holds class NaN");
        refuse("loss", "cross-entropy targets of the wrong shape", () -> ce.value(Matrix.zeros(4, 3), Matrix.zeros(4, 2)),
                "expected 4×1 class indices or 4×3 class probabilities");
        refuse("loss", "BCE label 2", () -> BinaryCrossEntropy.of().value(Matrix.zeros(1, 1), Matrix.filled(1, 1, 2)),
                "target[0][0] is 2.0", "a label 0 or 1");
        refuse("loss", "BCE label -1", () -> BinaryCrossEntropy.of().gradient(Matrix.zeros(1, 1),
                Matrix.filled(1, 1, -1)), "is -1.0", "(y + 1) / 2");
        refuse("loss", "MSE of different shapes", () -> MeanSquaredError.of().value(Matrix.zeros(2, 1),
                Matrix.zeros(1, 2)), "prediction is 2×1 but target is 1×2, expected the same shape");
        refuse("loss", "a null prediction", () -> MeanSquaredError.of().value(null, Matrix.zeros(1, 1)),
                "prediction is null");
        refuse("loss", "a null reduction", () -> SoftmaxCrossEntropy.of().reduction(null), "must be MEAN or SUM");
        exact("loss", "BCE at logit −∞ with label 0 is 0",
                () -> BinaryCrossEntropy.of().value(Matrix.filled(1, 1, Double.NEGATIVE_INFINITY), Matrix.zeros(1, 1)), 0);
        exact("loss", "BCE at logit +∞ with label 1 is 0",
                () -> BinaryCrossEntropy.of().value(Matrix.filled(1, 1, Double.POSITIVE_INFINITY), Matrix.filled(1, 1, 1)),
                0);
        exact("loss", "BCE at logit +∞ with label 0 is +∞",
                () -> BinaryCrossEntropy.of().value(Matrix.filled(1, 1, Double.POSITIVE_INFINITY), Matrix.zeros(1, 1)),
                Double.POSITIVE_INFINITY);
        exact("loss", "the BCE gradient at logit −∞ with label 0 is 0",
                () -> BinaryCrossEntropy.of().gradient(Matrix.filled(1, 1, Double.NEGATIVE_INFINITY), Matrix.zeros(1, 1))
                        .get(0, 0), 0);

        // ------------------------------------------------------------------------ metrics
        Matrix nanRow = Matrix.of(new double[] {0.1, 0.9}, new double[] {Double.NaN, Double.NaN});
        Matrix labels = Matrix.of(new double[] {1}, new double[] {0});
        refuse("metrics", "accuracy of NaN scores", () -> Metrics.accuracy(nanRow, labels), "scores row 1 holds NaN",
                "no largest score");
        refuse("metrics", "a confusion matrix of NaN scores", () -> ConfusionMatrix.of(nanRow, labels),
                "ConfusionMatrix.of: scores row 1 holds NaN");
        refuse("metrics", "accuracy of one score column", () -> Metrics.accuracy(Matrix.zeros(2, 1), labels),
                "at least 2");
        refuse("metrics", "accuracy with fewer targets", () -> Metrics.accuracy(Matrix.zeros(3, 2), labels),
                "scores have 3 rows but targets have 2");

        // ------------------------------------------------------------------------ layers
        refuse("layer", "an input of the wrong width", () -> dense(3, 2).forward(Matrix.zeros(4, 2)),
                "Dense(3→2).forward: input has 2 columns, expected 3");
        refuse("layer", "backward before forward", IllegalStateException.class,
                () -> dense(3, 2).backward(Matrix.zeros(1, 2)), "no forward pass to differentiate", "call forward first");
        refuse("layer", "a gradient of the wrong shape", () -> {
            Dense d = dense(3, 2);
            d.forward(Matrix.zeros(4, 3));
            d.backward(Matrix.zeros(4, 3));
        }, "gradOutput is 4×3, expected 4×2");
        refuse("layer", "a second backward for one forward pass", IllegalStateException.class, () -> {
            Dense d = dense(3, 2);
            d.forward(Matrix.zeros(4, 3));
            d.backward(Matrix.zeros(4, 2));
            d.backward(Matrix.zeros(4, 2));
        }, "Dense(3→2).backward: backward was already called for the last forward pass", "add them twice");
        refuse("layer", "an input changed in place between forward and backward", IllegalStateException.class, () -> {
            Dense d = dense(3, 2);
            Matrix x = Matrix.filled(4, 3, 1);
            d.forward(x);
            x.set(0, 0, 100);
            d.backward(Matrix.filled(4, 2, 1));
        }, "Dense(3→2).backward: the input of the last forward pass was changed in place since",
                "call forward again after changing it");
        refuse("layer", "a sigmoid's output changed in place before backward", IllegalStateException.class, () -> {
            Sigmoid s = Sigmoid.of();
            s.forward(Matrix.zeros(2, 2)).timesInPlace(2);
            s.backward(Matrix.filled(2, 2, 1));
        }, "the output of the last forward pass was changed in place");
        exact("layer", "an input changed and passed forward again gives the new input's gradient", () -> {
            Dense d = dense(3, 2);
            Matrix x = Matrix.filled(4, 3, 1);
            d.forward(x);
            x.set(0, 0, 100);
            d.forward(x);
            d.backward(Matrix.filled(4, 2, 1));
            return d.weight().grad().get(0, 0);
        }, 103);
        exact("layer", "backward, zeroGrad, backward again gives the same gradient", () -> {
            Dense d = dense(3, 2);
            Matrix x = Matrix.filled(4, 3, 0.5);
            d.forward(x);
            d.backward(Matrix.filled(4, 2, 1));
            double first = d.weight().grad().get(0, 0);
            d.zeroGrad();
            d.backward(Matrix.filled(4, 2, 1));
            return d.weight().grad().get(0, 0) - first;
        }, 0);
        refuse("layer", "batch normalisation of one row", () -> BatchNorm.of(3).forward(Matrix.zeros(1, 3)),
                "a training batch needs at least 2 rows");
        refuse("layer", "dropout with p = 1", () -> Dropout.of(1, Rng.seed(1)), "Dropout.p must be in [0, 1), got 1.0");
        refuse("layer", "dropout without a generator", () -> Dropout.of(0.5, null), "rng is null");
        Dense shared = dense(3, 3);
        refuse("layer", "one layer object twice in a Sequential", () -> Sequential.of(shared, ReLU.of(), shared),
                "layer 2 is the same object as layer 0 (Dense(3→3))", "create a second one");
        refuse("layer", "a layer object inside a Residual and beside it", () -> Sequential.of(shared, Residual.of(shared)),
                "layer 1.0 is the same object as layer 0");
        refuse("layer", "an empty Sequential", () -> Sequential.of(), "needs at least one layer");
        refuse("layer", "a null layer", () -> Sequential.of(dense(2, 2), null), "layer 1 is null");
        refuse("layer", "a residual that changes the shape", () -> Residual.of(dense(3, 2)).forward(Matrix.zeros(1, 3)),
                "expected the same shape to add the input");
        refuse("layer", "a Dense without inputs", () -> Dense.of(0, 3, Rng.seed(1)), "in and out must be at least 1");

        // ------------------------------------------------------------------------ optimizers
        refuse("optim", "a negative learning rate", () -> Adam.of(List.of(param())).lr(-0.1),
                "Adam.lr must be non-negative and finite, got -0.1");
        refuse("optim", "an infinite learning rate", () -> Sgd.of(List.of(param())).lr(Double.POSITIVE_INFINITY),
                "got inf");
        refuse("optim", "a NaN learning rate", () -> Sgd.of(List.of(param())).lr(Double.NaN), "got nan");
        refuse("optim", "Adam with eps 0", () -> Adam.of(List.of(param())).eps(0),
                "Adam.eps must be positive and finite, got 0.0");
        refuse("optim", "RMSprop with eps 0", () -> RmsProp.of(List.of(param())).eps(0), "RmsProp.eps must be positive");
        refuse("optim", "AdaGrad with eps 0", () -> AdaGrad.of(List.of(param())).eps(0), "AdaGrad.eps must be positive");
        refuse("optim", "β₁ of 1.2", () -> Adam.of(List.of(param())).beta1(1.2), "Adam.beta1 must be in [0, 1), got 1.2");
        refuse("optim", "β₂ of −0.1", () -> Adam.of(List.of(param())).beta2(-0.1), "Adam.beta2 must be in [0, 1)");
        refuse("optim", "momentum 1.5", () -> Sgd.of(List.of(param())).momentum(1.5),
                "Sgd.momentum must be in [0, 1), got 1.5");
        refuse("optim", "dampening −3", () -> Sgd.of(List.of(param())).dampening(-3),
                "Sgd.dampening must be in [0, 1], got -3.0");
        refuse("optim", "Nesterov without momentum", () -> Sgd.of(List.of(param())).nesterov(true),
                "Nesterov momentum requires a momentum and zero dampening");
        refuse("optim", "RMSprop momentum 1", () -> RmsProp.of(List.of(param())).momentum(1),
                "RmsProp.momentum must be in [0, 1)");
        refuse("optim", "α of 1.5", () -> RmsProp.of(List.of(param())).alpha(1.5), "RmsProp.alpha must be in [0, 1]");
        refuse("optim", "no parameters", () -> Sgd.of(List.of()), "Sgd.of: got an empty parameter list");
        Parameter twice = param();
        refuse("optim", "one parameter twice", () -> Adam.of(List.of(twice, twice)), "parameter w appears twice");
        refuse("optim", "a NaN weight decay", () -> Adam.of(List.of(param())).weightDecay(Double.NaN), "got nan");
        refuse("optim", "clipping to a NaN norm", () -> Clip.gradNorm(List.of(param()), Double.NaN),
                "Clip.gradNorm: maxNorm must be non-negative and finite, got nan");
        refuse("optim", "clipping values to −1", () -> Clip.gradValue(List.of(param()), -1),
                "Clip.gradValue: clipValue must be non-negative and finite, got -1.0");

        // ------------------------------------------------------------------------ schedules
        refuse("schedule", "one-cycle spending the whole cycle going up", () -> OneCycleLR.of(sgd()).pctStart(1.0),
                "OneCycleLR.pctStart must be in (0, 1), got 1.0");
        refuse("schedule", "one-cycle with no time going up", () -> OneCycleLR.of(sgd()).pctStart(0),
                "OneCycleLR.pctStart must be in (0, 1), got 0.0");
        refuse("schedule", "a one-cycle value with pctStart 1", () -> Schedule.oneCycle(0.1, 10).pctStart(1),
                "Schedule.oneCycle: pctStart must be in (0, 1)");
        refuse("schedule", "one-cycle stepped past its total", IllegalStateException.class, () -> {
            OneCycleLR s = OneCycleLR.of(sgd()).maxLr(0.1).totalSteps(2);
            s.step();
            s.step();
            s.step();
        }, "Tried to step 3 times", "total steps is 2");
        refuse("schedule", "a cosine over 0 steps", () -> CosineAnnealingLR.of(sgd()).tMax(0),
                "CosineAnnealingLR.tMax must be positive, got 0");
        refuse("schedule", "a cosine stepped before tMax is set", IllegalStateException.class,
                () -> CosineAnnealingLR.of(sgd()).step(), "tMax is not set; call .tMax(...) first");
        refuse("schedule", "a negative γ", () -> StepLR.of(sgd()).gamma(-0.5), "StepLR.gamma must be positive");
        refuse("schedule", "milestones out of order", () -> MultiStepLR.of(sgd()).milestones(30, 20),
                "must be positive and increasing, got [30, 20]");
        refuse("schedule", "ReduceLROnPlateau fed NaN", () -> ReduceLROnPlateau.of(sgd()).step(Double.NaN),
                "ReduceLROnPlateau.step: the metric is NaN");
        refuse("schedule", "ReduceLROnPlateau with factor 1", () -> ReduceLROnPlateau.of(sgd()).factor(1),
                "factor must be in (0, 1)");
        refuse("schedule", "a cosine value from an infinite rate", () -> Schedule.cosine(Double.POSITIVE_INFINITY, 10),
                "Schedule.cosine: lr0 must be non-negative and finite, got inf");
        refuse("schedule", "two schedules and two milestones", () -> Schedule.sequential(
                List.of(Schedule.constant(0.1), Schedule.constant(0.01)), 5, 9), "2 schedules need 1 milestones, got 2");
        Optimizer lambda = () -> { };
        refuse("schedule", "a schedule for a lambda optimizer", () -> LRScheduler.of(lambda, t -> 0.1),
                "LRScheduler.of: a schedule sets the learning rate", "has none");
        refuse("schedule", "a sequence bound to two optimizers", () -> SequentialLR.of(sgd())
                .schedulers(LinearLR.of(sgd())), "is bound to a different optimizer");

        // ------------------------------------------------------------------------ training
        Dense model = dense(3, 1);
        Sgd opt = Sgd.of(model.parameters()).lr(0.01);
        refuse("train", "a trainer without a model", () -> Trainer.of(null, MeanSquaredError.of(), opt),
                "Trainer.of: model, loss and optimizer must not be null");
        refuse("train", "a model without parameters", () -> Trainer.of(ReLU.of(), MeanSquaredError.of(), () -> { }),
                "the model ReLU() has no parameters to train");
        refuse("train", "an optimizer of another model", () -> Trainer.of(model, MeanSquaredError.of(),
                Sgd.of(dense(3, 1).parameters())), "which is not in the model");
        refuse("train", "no limit", () -> Trainer.of(model, MeanSquaredError.of(), opt).progress(false).fit(DATA),
                "nothing limits the training; set .epochs(n) or .maxSteps(n)");
        refuse("train", "mini-batches without a generator", () -> Trainer.of(model, MeanSquaredError.of(), opt)
                .batchSize(4).epochs(1).fit(DATA), "needs an Rng; add .shuffle(rng.split())");
        refuse("train", "a validation set of another width", () -> Trainer.of(model, MeanSquaredError.of(), opt)
                .validation(Dataset.of(Matrix.zeros(2, 4), Matrix.zeros(2, 1))).epochs(1).fit(DATA),
                "the validation set has 4 features but the training set has 3");
        refuse("train", "early stopping without a validation set", () -> Trainer.of(model, MeanSquaredError.of(), opt)
                .earlyStopping(2).epochs(1).fit(DATA), "earlyStopping watches the validation loss");
        refuse("train", "zero epochs", () -> Trainer.of(model, MeanSquaredError.of(), opt).epochs(0),
                "Trainer.epochs must be at least 1, got 0");
        refuse("train", "a schedule of another optimizer", () -> Trainer.of(model, MeanSquaredError.of(), opt)
                .schedule(StepLR.of(sgd()).stepSize(2)), "not of this trainer's optimizer");
        refuse("train", "a growth factor of 1", () -> HealthMonitor.stopping().growthFactor(1),
                "HealthMonitor.growthFactor must be greater than 1 and finite, got 1.0");
        refuse("train", "no health monitor", () -> Trainer.of(model, MeanSquaredError.of(), opt).health(null),
                "Trainer.health: the monitor is null");
        refuse("train", "a learning rate of 10 on a linear fit (issue reproduction)", TrainingDivergedException.class,
                () -> {
                    Dense d = dense(3, 1);
                    Trainer.of(d, MeanSquaredError.of(), Sgd.of(d.parameters()).lr(10)).progress(false).epochs(50)
                            .failOnDivergence().fit(DATA);
                }, "Training diverged at step ", "grew from", "The learning rate 10.0 is probably too large: try 1");
        refuse("train", "an empty range test", () -> LrFinder.of(dense(3, 1), MeanSquaredError.of(), p -> Sgd.of(p))
                .shuffle(Rng.seed(1)).run(DATA.head(0)), "LrFinder.run: the dataset is empty");
        refuse("train", "a range test from 0", () -> LrFinder.of(dense(3, 1), MeanSquaredError.of(), p -> Sgd.of(p))
                .startLr(0), "LrFinder.startLr must be positive and finite, got 0.0");
        exact("train", "lr 1.05 on a linear fit stops within 50 epochs instead of reaching 20,000",
                () -> quietly(() -> {
                    Dense d = dense(3, 1);
                    return Trainer.of(d, MeanSquaredError.of(), Sgd.of(d.parameters()).lr(1.05)).progress(false)
                            .epochs(50).fit(DATA);
                }).diverged() ? 1 : 0, 1);
        exact("train", "NaN data is explained with its example, not the learning rate",
                () -> quietly(() -> {
                    Matrix x = DATA.x().copy();
                    x.set(3, 1, Double.NaN);
                    Dense d = dense(3, 1);
                    return Trainer.of(d, MeanSquaredError.of(), Sgd.of(d.parameters()).lr(0.1)).progress(false)
                            .epochs(3).fit(Dataset.of(x, DATA.y()));
                }).stopReason().contains("x[3][1] is NaN (example 3, column 1)") ? 1 : 0, 1);
        exact("train", "a NaN validation target never restores 'epoch −1'",
                () -> quietly(() -> {
                    Matrix y = DATA.y().copy();
                    y.set(0, 0, Double.NaN);
                    Dense d = dense(3, 1);
                    return Trainer.of(d, MeanSquaredError.of(), Sgd.of(d.parameters()).lr(0.01)).progress(false)
                            .validation(Dataset.of(DATA.x(), y)).earlyStopping(2).epochs(5).fit(DATA);
                }).stopReason().contains("validation loss is NaN") ? 1 : 0, 1);

        // ------------------------------------------------------------------------ data
        refuse("data", "an IDX header that announces 2.1 GB in a 10-byte file", () -> Idx.read(write(
                new byte[] {0, 0, 8, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2})),
                "truncated: the header announces 2147483632 = 2147483632 bytes of data, the file has only 2");
        refuse("data", "a folder named like a data file", () -> Idx.read(folder()), "this is a folder, expected an IDX file");
        refuse("data", "a file that is not IDX", () -> Idx.read(write(new byte[] {1, 2, 3, 4, 5})), "not an IDX file");
        refuse("data", "features and targets of different lengths", () -> Dataset.of(Matrix.zeros(3, 2),
                Matrix.zeros(2, 1)), "features have 3 rows", "expected one target row per example");
        refuse("data", "an empty training set", () -> Dataset.requireExamples("Trainer.fit: the training set",
                DATA.head(0)), "Trainer.fit: the training set is empty, expected at least one example");
        refuse("data", "a linear dataset of no examples", () -> Synthetic.linear(0, new double[] {1}, 0, 0, Rng.seed(1)),
                "Synthetic.linear");

        // ------------------------------------------------------------------------ gradient check
        refuse("check", "a step of 0", () -> GradientCheck.of().h(0), "GradientCheck.h must be positive and finite");
        refuse("check", "a sample of 0 coordinates", () -> GradientCheck.of().sample(0, Rng.seed(1)),
                "perTensor must be at least 1");
        refuse("check", "no model", () -> GradientCheck.of().model(null, MeanSquaredError.of(), Matrix.zeros(1, 1),
                Matrix.zeros(1, 1)), "GradientCheck.model: model, loss, input and target must not be null");
        refuse("check", "a backward pass that returns the wrong shape", () -> GradientCheck.of().model(new Layer() {
            @Override
            public Matrix forward(Matrix input) {
                return input.copy();
            }

            @Override
            public Matrix backward(Matrix gradOutput) {
                return Matrix.zeros(1, 1);
            }
        }, MeanSquaredError.of(), Matrix.zeros(2, 2), Matrix.zeros(2, 2)), "backward returned 1×1, expected 2×2");
    }

    private static History quietly(Supplier<History> run) {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return run.get();
        } finally {
            System.setErr(err);
        }
    }

    private static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile("gd-catalogue", ".idx");
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("train-images-idx3-ubyte.gz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    List<DynamicTest> everyRefusalNamesTheOperationAndWhatWasWrong() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Refusal r : REFUSALS) {
            tests.add(DynamicTest.dynamicTest(r.area() + ": " + r.what(), () -> {
                Throwable t = assertThrows(r.type(), r.call(), r.what());
                for (String word : r.words()) {
                    assertTrue(t.getMessage() != null && t.getMessage().contains(word),
                            r.what() + ": the message should contain \"" + word + "\" but is: " + t.getMessage());
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyDelicateInputGivesTheExactValue() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Exact e : EXACT) {
            tests.add(DynamicTest.dynamicTest(e.area() + ": " + e.what(),
                    () -> assertEquals(e.expected(), e.actual().getAsDouble(), 0, e.what())));
        }
        return tests;
    }

    @Test
    void theCatalogueHasAtLeastEightyCases() {
        assertTrue(REFUSALS.size() + EXACT.size() >= 80, "cases: " + (REFUSALS.size() + EXACT.size()));
    }
}
