package gd.train;

import gd.data.Batches;
import gd.data.Dataset;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import gd.nn.ModelState;
import gd.nn.Parameter;
import gd.optim.BaseOptimizer;
import gd.optim.Clip;
import gd.optim.Optimizer;
import gd.schedule.LRScheduler;
import gd.schedule.ReduceLROnPlateau;
import gd.schedule.Scheduler;
import gd.util.Format;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The training loop: one call runs epochs of gradient steps over a dataset and returns the {@link History}.
 * <pre>{@code
 * var opt = AdamW.of(model.parameters()).lr(1e-3);
 * var history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt)
 *         .batchSize(64).shuffle(rng.split())
 *         .schedule(CosineAnnealingLR.of(opt).tMax(938))
 *         .validation(valid).metric("accuracy", Metrics::accuracy)
 *         .epochs(1).fit(train);
 * }</pre>
 * Each step does what you would write by hand, in this order:
 * <pre>
 * model.zeroGrad()
 * output ← model.forward(x)                     (model in training mode)
 * L ← loss.value(output, y)                     stop if L is NaN or ±∞ (divergence)
 * model.backwardParametersOnly(loss.gradient(output, y))
 * clip the gradients                            if .clipGradValue / .clipGradNorm
 * optimizer.step()
 * scheduler.step()                              if .schedule(...) (per epoch with .schedulePerEpoch)
 * </pre>
 * After each epoch: the mean training loss and metrics, the validation loss and metrics (in evaluation mode,
 * in batches), per-epoch schedules, then the stopping rules. The model is in training mode during
 * {@code fit}; afterwards the layers that report a mode (Dropout, BatchNorm) get their previous mode back.
 *
 * <p><b>Batches</b> ({@link BatchMode}): {@link #fullBatch()} (the default), {@link #stochastic()} or
 * {@link #batchSize(int)}; the two shuffling modes draw a new order every epoch from {@link #shuffle(Rng)}.
 *
 * <p><b>Stopping</b>: {@link #epochs(int)}, {@link #maxSteps(int)} (one of the two is required),
 * {@link #lossThreshold(double)}, {@link #tolerance(double)}, {@link #earlyStopping(int, double)} on the
 * validation loss, or a {@link Callback} that asks to stop. A loss or gradient that becomes NaN or infinite
 * stops training with a message that names the step and suggests a cause; the History so far is kept
 * ({@link History#diverged()}) unless {@link #failOnDivergence()} asks for an exception.
 *
 * <p><b>Cost</b>: a step records its loss and learning rate only. The gradient and weight norms and the
 * update ratios of {@link History} cost a few passes over all weights and a copy of them, so they are
 * recorded every {@link #statsEvery(int)} steps (default 10).
 */
public final class Trainer {
    /** Examples per forward pass when evaluating, unless {@link #evalBatchSize(int)} says otherwise. */
    public static final int DEFAULT_EVAL_BATCH_SIZE = 1000;

    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Parameter> params;

    private BatchMode batchMode = BatchMode.FULL;
    private int batchSize;
    private Rng rng;
    private int maxEpochs;
    private int maxSteps;
    private double lossThreshold = Double.NaN;
    private double tolerance = Double.NaN;
    private int patience;
    private double minDelta;
    private Dataset validation;
    private int evalBatchSize = DEFAULT_EVAL_BATCH_SIZE;
    private final List<String> metricNames = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();
    private Scheduler scheduler;
    private boolean schedulePerEpoch;
    private ReduceLROnPlateau plateau;
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;
    private final List<Callback> callbacks = new ArrayList<>();
    private boolean progress = true;
    private ProgressDisplay display;
    private boolean failOnDivergence;
    private int statsEvery = 10;

    /** Where the divergence warning goes (standard error when null); tests capture it. */
    PrintStream warnings;
    /** The clock of the progress throttle and the epoch times, in nanoseconds; tests replace it. */
    LongSupplier clock = System::nanoTime;

    private Trainer(Layer model, Loss loss, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.params = model.parameters();
    }

    /**
     * A trainer of {@code model}'s parameters with {@code loss} and {@code optimizer} (one of the library's,
     * or a lambda). Defaults: full batch, no validation, no metrics, statistics every 10 steps, progress shown.
     */
    public static Trainer of(Layer model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("Trainer.of: model, loss and optimizer must not be null, got model="
                    + model + ", loss=" + loss + ", optimizer=" + optimizer);
        }
        List<Parameter> params = model.parameters();
        if (params.isEmpty()) {
            throw new IllegalArgumentException("Trainer.of: the model " + model + " has no parameters to train");
        }
        if (optimizer instanceof BaseOptimizer) {
            for (Parameter p : ((BaseOptimizer<?>) optimizer).parameters()) {
                if (!contains(params, p)) {
                    throw new IllegalArgumentException("Trainer.of: the optimizer updates parameter " + p.name() + " ("
                            + p.value().shape() + ") which is not in the model; create the optimizer with"
                            + " model.parameters()");
                }
            }
        }
        return new Trainer(model, loss, optimizer);
    }

    // ---------------------------------------------------------------- batches

    /** Full-batch gradient descent (the default): one step per epoch on the whole training set. */
    public Trainer fullBatch() {
        batchMode = BatchMode.FULL;
        batchSize = 0;
        return this;
    }

    /** Stochastic gradient descent: one step per example, in a new random order every epoch (needs {@link #shuffle}). */
    public Trainer stochastic() {
        batchMode = BatchMode.SGD;
        batchSize = 1;
        return this;
    }

    /**
     * Mini-batch gradient descent with batches of {@code size} examples, in a new random order every epoch
     * (needs {@link #shuffle}); the last batch of an epoch is smaller when {@code size} does not divide n.
     */
    public Trainer batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Trainer.batchSize must be at least 1, got " + size);
        }
        batchMode = BatchMode.MINI_BATCH;
        batchSize = size;
        return this;
    }

    /** The generator that draws each epoch's order in the stochastic and mini-batch modes (ignored for a full batch). */
    public Trainer shuffle(Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Trainer.shuffle: rng is null; pass one, e.g. .shuffle(rng.split())");
        }
        this.rng = rng;
        return this;
    }

    /** The batch mode. */
    public BatchMode batchMode() {
        return batchMode;
    }

    // ---------------------------------------------------------------- stopping

    /** Stops after {@code epochs} epochs (the usual limit; {@link #maxSteps} is the other). */
    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Trainer.epochs must be at least 1, got " + epochs);
        }
        this.maxEpochs = epochs;
        return this;
    }

    /** Stops after {@code steps} gradient steps, also in the middle of an epoch (which is then closed and recorded). */
    public Trainer maxSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Trainer.maxSteps must be at least 1, got " + steps);
        }
        this.maxSteps = steps;
        return this;
    }

    /** Stops after an epoch whose mean training loss is at most {@code threshold}. */
    public Trainer lossThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("Trainer.lossThreshold must be finite, got " + Format.repr(threshold));
        }
        this.lossThreshold = threshold;
        return this;
    }

    /** Stops when the mean training loss of an epoch differs from the previous epoch's by less than {@code tol}. */
    public Trainer tolerance(double tol) {
        if (!(tol > 0 && tol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Trainer.tolerance must be positive and finite, got " + Format.repr(tol));
        }
        this.tolerance = tol;
        return this;
    }

    /** Early stopping with {@code minDelta} = 0, see {@link #earlyStopping(int, double)}. */
    public Trainer earlyStopping(int patience) {
        return earlyStopping(patience, 0);
    }

    /**
     * Stops when the validation loss has not improved for {@code patience} epochs, and at the end of training
     * (whatever stopped it) restores the weights and buffers of the epoch with the lowest validation loss.
     * <pre>
     * improved(v) = v &lt; best − minDelta;   if improved: best ← v, save the weights, wait ← 0
     *                                       else: wait ← wait + 1, stop if wait ≥ patience
     * </pre>
     * Needs a {@link #validation validation set}.
     */
    public Trainer earlyStopping(int patience, double minDelta) {
        if (patience < 1) {
            throw new IllegalArgumentException("Trainer.earlyStopping: patience must be at least 1, got " + patience);
        }
        if (!(minDelta >= 0 && minDelta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Trainer.earlyStopping: minDelta must be non-negative and finite, got "
                    + Format.repr(minDelta));
        }
        this.patience = patience;
        this.minDelta = minDelta;
        return this;
    }

    /** Throws a {@link TrainingDivergedException} on divergence instead of printing a message and returning. */
    public Trainer failOnDivergence() {
        this.failOnDivergence = true;
        return this;
    }

    // ---------------------------------------------------------------- validation and metrics

    /** A validation set, evaluated after every epoch in evaluation mode (its loss and every metric). */
    public Trainer validation(Dataset data) {
        if (data == null || data.size() == 0) {
            throw new IllegalArgumentException("Trainer.validation: the validation set is "
                    + (data == null ? "null" : "empty") + ", expected at least one example");
        }
        this.validation = data;
        return this;
    }

    /**
     * Records a metric of the model's outputs against the targets every epoch, on the training batches and on
     * the validation set, e.g. {@code .metric("accuracy", Metrics::accuracy)}. See {@link History#metric}.
     */
    public Trainer metric(String name, Metric metric) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Trainer.metric: the name must not be empty, got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        if (metric == null) {
            throw new IllegalArgumentException("Trainer.metric: the metric \"" + name + "\" is null");
        }
        if (metricNames.contains(name) || name.equals("loss")) {
            throw new IllegalArgumentException("Trainer.metric: the name \"" + name + "\" is taken; metrics so far: "
                    + metricNames + " (and \"loss\")");
        }
        metricNames.add(name);
        metrics.add(metric);
        return this;
    }

    /** How many examples go through the model at once when evaluating (default 1000); training is unaffected. */
    public Trainer evalBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Trainer.evalBatchSize must be at least 1, got " + size);
        }
        this.evalBatchSize = size;
        return this;
    }

    // ---------------------------------------------------------------- schedules and clipping

    /** A learning-rate schedule stepped after every optimizer step. Replaces any schedule set before. */
    public Trainer schedule(Scheduler scheduler) {
        return schedule("schedule", scheduler, false);
    }

    /** A learning-rate schedule stepped once after every epoch. Replaces any schedule set before. */
    public Trainer schedulePerEpoch(Scheduler scheduler) {
        return schedule("schedulePerEpoch", scheduler, true);
    }

    /**
     * A {@link ReduceLROnPlateau}, stepped after every epoch with the validation loss (or, without a validation
     * set, the mean training loss of the epoch). Replaces any schedule set before.
     */
    public Trainer schedule(ReduceLROnPlateau plateau) {
        if (plateau == null) {
            throw new IllegalArgumentException("Trainer.schedule: the schedule is null");
        }
        requireOwnOptimizer("schedule", plateau.optimizer());
        this.plateau = plateau;
        this.scheduler = null;
        return this;
    }

    private Trainer schedule(String operation, Scheduler scheduler, boolean perEpoch) {
        if (scheduler == null) {
            throw new IllegalArgumentException("Trainer." + operation + ": the schedule is null");
        }
        if (scheduler instanceof LRScheduler) {
            requireOwnOptimizer(operation, ((LRScheduler) scheduler).optimizer());
        }
        this.scheduler = scheduler;
        this.schedulePerEpoch = perEpoch;
        this.plateau = null;
        return this;
    }

    private void requireOwnOptimizer(String operation, Optimizer scheduled) {
        if (scheduled != optimizer) {
            throw new IllegalArgumentException("Trainer." + operation + ": the schedule sets the learning rate of "
                    + scheduled + ", not of this trainer's optimizer " + optimizer);
        }
    }

    /**
     * Scales the gradients after each backward pass so that their global L2 norm is at most {@code maxNorm}
     * ({@link Clip#gradNorm}).
     */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0 && maxNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Trainer.clipGradNorm: maxNorm must be positive and finite, got "
                    + Format.repr(maxNorm));
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /**
     * Clamps every gradient element into [−value, value] after each backward pass ({@link Clip#gradValue});
     * with {@link #clipGradNorm} as well, values are clamped first.
     */
    public Trainer clipGradValue(double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Trainer.clipGradValue: value must be positive and finite, got "
                    + Format.repr(value));
        }
        this.clipValue = value;
        return this;
    }

    // ---------------------------------------------------------------- callbacks, progress, statistics

    /** Adds code to run after every step and every epoch (see {@link Callback}). */
    public Trainer callback(Callback callback) {
        if (callback == null) {
            throw new IllegalArgumentException("Trainer.callback: the callback is null");
        }
        callbacks.add(callback);
        return this;
    }

    /** Turns the progress display on (the default, {@link ProgressDisplay#automatic()}) or off. */
    public Trainer progress(boolean show) {
        this.progress = show;
        return this;
    }

    /** Shows progress on {@code display}. */
    public Trainer progress(ProgressDisplay display) {
        if (display == null) {
            throw new IllegalArgumentException("Trainer.progress: the display is null; use .progress(false) for none");
        }
        this.progress = true;
        this.display = display;
        return this;
    }

    /** Records gradient norms, weight norms and update ratios every {@code n} steps (from step 0); 0 = never. */
    public Trainer statsEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trainer.statsEvery must be non-negative (0 = never), got " + n);
        }
        this.statsEvery = n;
        return this;
    }

    // ---------------------------------------------------------------- fit

    /**
     * Trains on {@code train} until a stopping rule fires and returns what was recorded; the progress display,
     * if on, ends with {@link History#summary()}. On divergence the message is printed once to standard error
     * and the History so far is returned ({@link History#diverged()}), or, with {@link #failOnDivergence()}, a
     * {@link TrainingDivergedException} carrying it is thrown. Calling {@code fit} again continues from the
     * current weights, optimizer state and schedule, with a new History.
     */
    public History fit(Dataset train) {
        Batches batches = prepare(train);
        Run run = new Run(batches.batchesPerEpoch());
        TrainingModes modes = TrainingModes.capture(model);
        model.train();
        try {
            for (int epoch = 0; run.stopReason() == null; epoch++) {
                run.startEpoch(epoch);
                int batch = 0;
                for (Dataset b : batches.epoch()) {
                    step(run, b, batch++);
                    if (run.stopReason() != null) {
                        break;
                    }
                }
                endEpoch(run);
            }
            run.restoreBest();
        } finally {
            modes.restore();
        }
        History history = run.recorder.snapshot();
        if (run.display != null) {
            run.display.close(history.summary());
        }
        if (history.diverged()) {
            if (failOnDivergence) {
                throw new TrainingDivergedException(history.stopReason(), history);
            }
            (warnings != null ? warnings : System.err).println(history.stopReason());
        }
        return history;
    }

    /** One gradient step on one batch. */
    private void step(Run run, Dataset batch, int index) {
        int step = run.recorder.steps();
        double lr = currentLr();
        model.zeroGrad();
        Matrix output = model.forward(batch.x());
        double value = loss.value(output, batch.y());
        run.recorder.step(value, lr, run.epoch);
        run.addLoss(value, batch.size());
        if (!Double.isFinite(value)) {
            run.diverge(step, index, "the loss is " + value, true);
            return;
        }
        model.backwardParametersOnly(loss.gradient(output, batch.y()));
        boolean stats = statsEvery > 0 && step % statsEvery == 0;
        if (stats && !run.statsBeforeUpdate(step)) {
            run.diverge(step, index, "the gradient norm is " + run.globalGradNorm + " (the loss of this step: "
                    + Format.number(value) + ")", false);
            return;
        }
        if (!Double.isNaN(clipValue)) {
            Clip.gradValue(params, clipValue);
        }
        if (!Double.isNaN(clipNorm)) {
            double norm = Clip.gradNorm(params, clipNorm);
            if (!Double.isFinite(norm)) {
                run.diverge(step, index, "the gradient norm is " + norm + " (the loss of this step: "
                        + Format.number(value) + ")", false);
                return;
            }
        }
        optimizer.step();
        if (stats) {
            run.statsAfterUpdate();
        }
        run.addMetrics(output, batch.y());
        if (scheduler != null && !schedulePerEpoch) {
            scheduler.step();
        }
        if (maxSteps > 0 && step + 1 >= maxSteps) {
            run.stop("reached the maximum of " + Format.plural(maxSteps, "step"));
        }
        run.state.afterStep(step, run.epoch, index, value, lr);
        run.callbacks();
        if (run.throttle != null && run.throttle.due()) {
            run.display.show(run.progressLine(index, value));
        }
    }

    /** Closes an epoch: means, validation, early stopping, per-epoch schedules, stopping rules, callbacks. */
    private void endEpoch(Run run) {
        int epoch = run.epoch;
        double epochLoss = run.lossSum / run.lossExamples;
        Evaluation val = null;
        if (validation != null && !run.recorder.diverged()) {
            model.eval();
            val = measure(model, validation, loss, run.names, run.functions, evalBatchSize);
            model.train();
        }
        run.endEpoch(epochLoss, val);

        if (!run.recorder.diverged()) {
            if (scheduler != null && schedulePerEpoch) {
                scheduler.step();
            }
            if (plateau != null) {
                plateau.step(val != null ? val.loss() : epochLoss);
            }
        }
        if (patience > 0 && val != null) {
            run.earlyStopping(val.loss());
        }
        double change = epoch > 0 ? Math.abs(epochLoss - run.recorder.epochLoss(epoch - 1)) : Double.NaN;
        if (run.stopReason() == null) {
            if (epochLoss <= lossThreshold) {
                run.stop("the epoch loss " + Format.number(epochLoss) + " reached the threshold " + Format.repr(lossThreshold));
            } else if (change < tolerance) {
                run.stop("the epoch loss changed by " + Format.number(change) + ", less than the tolerance "
                        + Format.repr(tolerance));
            } else if (maxEpochs > 0 && epoch + 1 >= maxEpochs) {
                run.stop("reached the maximum of " + Format.plural(maxEpochs, "epoch"));
            }
        }
        run.state.afterEpoch(epoch, epochLoss, val != null ? val.loss() : Double.NaN);
        run.callbacks();
    }

    /** Checks the configuration against the training set and builds its batches. */
    private Batches prepare(Dataset train) {
        if (train == null || train.size() == 0) {
            throw new IllegalArgumentException("Trainer.fit: the training set is " + (train == null ? "null" : "empty")
                    + ", expected at least one example");
        }
        if (maxEpochs == 0 && maxSteps == 0) {
            throw new IllegalArgumentException("Trainer.fit: nothing limits the training; set .epochs(n) or"
                    + " .maxSteps(n)");
        }
        if (batchMode != BatchMode.FULL && rng == null) {
            String what = batchMode == BatchMode.SGD ? "stochastic mode visits the examples"
                    : "mini-batch mode draws batches of " + batchSize;
            throw new IllegalArgumentException("Trainer.fit: " + what + " in a new random order every epoch and needs"
                    + " an Rng; add .shuffle(rng.split())");
        }
        if (validation != null && validation.featureCount() != train.featureCount()) {
            throw new IllegalArgumentException("Trainer.fit: the validation set has " + validation.featureCount()
                    + " features but the training set has " + train.featureCount() + "; expected the same");
        }
        if (validation != null && validation.targetCount() != train.targetCount()) {
            throw new IllegalArgumentException("Trainer.fit: the validation targets have " + validation.targetCount()
                    + " columns but the training targets have " + train.targetCount() + "; expected the same");
        }
        if (patience > 0 && validation == null) {
            throw new IllegalArgumentException("Trainer.fit: earlyStopping watches the validation loss, but there is"
                    + " no validation set; add .validation(data)");
        }
        switch (batchMode) {
            case SGD:
                return Batches.stochastic(train, rng);
            case MINI_BATCH:
                return Batches.miniBatch(train, batchSize, rng);
            default:
                return Batches.full(train);
        }
    }

    /** The learning rate of the optimizer's first group, or NaN for an optimizer without one (a lambda). */
    private double currentLr() {
        return optimizer instanceof BaseOptimizer ? ((BaseOptimizer<?>) optimizer).lr() : Double.NaN;
    }

    // ---------------------------------------------------------------- evaluation

    /** The loss of {@code model} on {@code data}, in evaluation mode, in batches; the layers' modes are restored. */
    public static Evaluation evaluate(Layer model, Dataset data, Loss loss) {
        return evaluate(model, data, loss, Map.of());
    }

    /**
     * The loss and the {@code metrics} (by name; use a {@link LinkedHashMap} to keep an order) of {@code model}
     * on {@code data}, computed on the outputs of the whole dataset, which go through the model in evaluation
     * mode in batches of 1000; the layers' modes are restored.
     */
    public static Evaluation evaluate(Layer model, Dataset data, Loss loss, Map<String, Metric> metrics) {
        if (model == null || data == null || loss == null || metrics == null) {
            throw new IllegalArgumentException("Trainer.evaluate: model, data, loss and metrics must not be null, got"
                    + " model=" + model + ", data=" + data + ", loss=" + loss + ", metrics=" + metrics);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("Trainer.evaluate: the dataset is empty, expected at least one example");
        }
        return evaluate(model, data, loss, new ArrayList<>(metrics.keySet()), new ArrayList<>(metrics.values()),
                DEFAULT_EVAL_BATCH_SIZE);
    }

    /** The loss and metrics of this trainer's model on {@code data}, as {@link #evaluate(Layer, Dataset, Loss, Map)}. */
    public Evaluation evaluate(Dataset data) {
        if (data == null || data.size() == 0) {
            throw new IllegalArgumentException("Trainer.evaluate: the dataset is " + (data == null ? "null" : "empty")
                    + ", expected at least one example");
        }
        return evaluate(model, data, loss, metricNames, metrics, evalBatchSize);
    }

    /** Evaluation mode, {@link #measure}, then the layers' modes restored. */
    private static Evaluation evaluate(Layer model, Dataset data, Loss loss, List<String> names, List<Metric> metrics,
            int batchSize) {
        TrainingModes modes = TrainingModes.capture(model);
        model.eval();
        try {
            return measure(model, data, loss, names, metrics, batchSize);
        } finally {
            modes.restore();
        }
    }

    /** The loss and metrics of the model's outputs for the whole dataset, in the model's current mode. */
    private static Evaluation measure(Layer model, Dataset data, Loss loss, List<String> names, List<Metric> metrics,
            int batchSize) {
        Matrix outputs = outputs(model, data, batchSize);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int m = 0; m < names.size(); m++) {
            values.put(names.get(m), metrics.get(m).compute(outputs, data.y()));
        }
        return new Evaluation(loss.value(outputs, data.y()), values);
    }

    /** The model's outputs for every example, computed batch by batch and stacked. */
    private static Matrix outputs(Layer model, Dataset data, int batchSize) {
        if (data.size() <= batchSize) {
            return model.forward(data.x());
        }
        Matrix all = null;
        int row = 0;
        for (Dataset batch : Batches.inOrder(data, batchSize).epoch()) {
            Matrix out = model.forward(batch.x());
            if (all == null) {
                all = Matrix.zeros(data.size(), out.cols());
            }
            for (int i = 0; i < out.rows(); i++) {
                System.arraycopy(out.row(i), 0, all.row(row + i), 0, out.cols());
            }
            row += out.rows();
        }
        return all;
    }

    // ---------------------------------------------------------------- one run

    /** What one call of {@link #fit} keeps track of. */
    private final class Run {
        final HistoryRecorder recorder;
        final TrainingState state;
        final ProgressDisplay display;
        final Throttle throttle;
        final int batchesPerEpoch;
        final long start = clock.getAsLong();
        int epoch;
        long epochStart;
        double lossSum;
        long lossExamples;
        final List<String> names = List.copyOf(metricNames);
        final List<Metric> functions = List.copyOf(metrics);
        final double[] metricSums = new double[functions.size()];
        long metricExamples;
        Evaluation lastValidation;

        // detailed statistics: one buffer per parameter, allocated once
        final Matrix[] before;
        final double[] beforeNorm = new double[params.size()];
        final double[] gradNorms = new double[params.size()];
        final double[] weightNorms = new double[params.size()];
        final double[] ratios = new double[params.size()];
        int statsStep;
        double globalGradNorm;

        // early stopping
        double best = Double.POSITIVE_INFINITY;
        int wait;
        int bestEpoch = -1;
        ModelState bestState;

        Run(int batchesPerEpoch) {
            this.batchesPerEpoch = batchesPerEpoch;
            List<String> parameterNames = new ArrayList<>();
            for (Parameter p : params) {
                parameterNames.add(parameterNames.contains(p.name()) ? p.name() + "#" + parameterNames.size() : p.name());
            }
            this.recorder = new HistoryRecorder(this.names, validation != null, parameterNames);
            this.state = new TrainingState(recorder::snapshot);
            this.display = progress ? (Trainer.this.display != null ? Trainer.this.display : ProgressDisplay.automatic())
                    : null;
            this.throttle = display == null ? null : new Throttle(display.updateIntervalMillis(), clock);
            this.before = new Matrix[statsEvery > 0 ? params.size() : 0];
            for (int p = 0; p < before.length; p++) {
                before[p] = params.get(p).value().copy();
            }
        }

        String stopReason() {
            return recorder.stopReason();
        }

        void stop(String reason) {
            if (recorder.stopReason() == null) {
                recorder.stop(reason, false);
            }
        }

        void startEpoch(int e) {
            epoch = e;
            epochStart = clock.getAsLong();
            lossSum = 0;
            lossExamples = 0;
            Arrays.fill(metricSums, 0);
            metricExamples = 0;
        }

        void addLoss(double value, int examples) {
            lossSum += value * examples;
            lossExamples += examples;
        }

        void addMetrics(Matrix output, Matrix targets) {
            for (int m = 0; m < metricSums.length; m++) {
                metricSums[m] += functions.get(m).compute(output, targets) * output.rows();
            }
            metricExamples += output.rows();
        }

        void endEpoch(double epochLoss, Evaluation val) {
            double[] means = new double[metricSums.length];
            double[] valMetrics = new double[metricSums.length];
            for (int m = 0; m < means.length; m++) {
                means[m] = metricSums[m] / metricExamples;
                valMetrics[m] = val != null ? val.metric(names.get(m)) : Double.NaN;
            }
            double seconds = (clock.getAsLong() - epochStart) / 1e9;
            recorder.epoch(epochLoss, means, val != null ? val.loss() : Double.NaN, valMetrics, seconds);
            lastValidation = val;
        }

        /** Grad norms and a copy of the weights before the update; false if the gradient norm is not finite. */
        boolean statsBeforeUpdate(int step) {
            statsStep = step;
            double sumOfSquares = 0;
            for (int p = 0; p < before.length; p++) {
                Parameter param = params.get(p);
                gradNorms[p] = param.grad().norm();
                sumOfSquares += gradNorms[p] * gradNorms[p];
                beforeNorm[p] = copyAndNorm(param.value(), before[p]);
            }
            globalGradNorm = Math.sqrt(sumOfSquares);
            if (!Double.isFinite(globalGradNorm)) {
                Arrays.fill(weightNorms, Double.NaN);
                Arrays.fill(ratios, Double.NaN);
                recorder.stats(step, globalGradNorm, gradNorms, weightNorms, ratios);
                return false;
            }
            return true;
        }

        /** Weight norms and update ratios ‖θ_after − θ_before‖ / ‖θ_before‖ after the update. */
        void statsAfterUpdate() {
            for (int p = 0; p < before.length; p++) {
                Matrix value = params.get(p).value();
                double weightSquares = 0;
                double changeSquares = 0;
                for (int i = 0; i < value.rows(); i++) {
                    double[] w = value.row(i);
                    double[] old = before[p].row(i);
                    for (int j = 0; j < w.length; j++) {
                        double change = w[j] - old[j];
                        weightSquares += w[j] * w[j];
                        changeSquares += change * change;
                    }
                }
                weightNorms[p] = Math.sqrt(weightSquares);
                ratios[p] = beforeNorm[p] == 0 ? Double.NaN : Math.sqrt(changeSquares) / beforeNorm[p];
            }
            recorder.stats(statsStep, globalGradNorm, gradNorms, weightNorms, ratios);
        }

        /** Copies {@code from} into {@code to} and returns the L2 norm of {@code from}, in one pass. */
        private double copyAndNorm(Matrix from, Matrix to) {
            double squares = 0;
            for (int i = 0; i < from.rows(); i++) {
                double[] a = from.row(i);
                double[] b = to.row(i);
                for (int j = 0; j < a.length; j++) {
                    b[j] = a[j];
                    squares += a[j] * a[j];
                }
            }
            return Math.sqrt(squares);
        }

        /** Records the validation loss of this epoch; stops, or saves the weights when it is the best so far. */
        void earlyStopping(double validationLoss) {
            if (validationLoss < best - minDelta) {
                best = validationLoss;
                bestEpoch = epoch;
                wait = 0;
                if (bestState == null) {
                    bestState = ModelState.capture(model);
                } else {
                    bestState.update();
                }
                recorder.bestEpoch(epoch);
            } else if (++wait >= patience) {
                stop("early stopping: the validation loss has not improved"
                        + (minDelta > 0 ? " by more than " + Format.repr(minDelta) : "") + " for "
                        + Format.plural(wait, "epoch") + "; restored the weights of epoch " + bestEpoch
                        + " (validation loss " + Format.number(best) + ")");
            }
        }

        /** With early stopping, puts back the weights of the best epoch unless the last epoch was the best. */
        void restoreBest() {
            if (bestState == null || bestEpoch == recorder.epochs() - 1) {
                return;
            }
            bestState.restore();
            if (!recorder.stopReason().startsWith("early stopping") && !recorder.diverged()) {
                recorder.stop(recorder.stopReason() + "; restored the weights of epoch " + bestEpoch
                        + " (validation loss " + Format.number(best) + ")", false);
            }
        }

        /** Stops with the divergence message (see {@link Trainer}). */
        void diverge(int step, int batch, String seen, boolean lossSeen) {
            StringBuilder s = new StringBuilder("Training diverged at step ").append(step).append(" (epoch ")
                    .append(epoch).append(", batch ").append(batch).append("): ").append(seen);
            if (step == 0) {
                s.append(", at the first step, before any update: check the data and the initial weights for NaN or"
                        + " infinite values, and that the targets suit the loss ").append(loss).append('.');
            } else {
                if (lossSeen) {
                    s.append(" (the step before: ").append(Format.number(recorder.lossAt(step - 1))).append(')');
                }
                double lastLr = recorder.lrAt(step - 1);
                String clip = Double.isNaN(clipNorm) ? ", or clip gradients with .clipGradNorm(1.0)." : ".";
                if (Double.isNaN(lastLr)) {
                    s.append(". The optimizer's steps are probably too large (it has no learning rate to read): make"
                            + " them smaller").append(clip);
                } else {
                    s.append(". The learning rate ").append(Format.repr(lastLr)).append(" is probably too large: try ")
                            .append(Format.number(lastLr / 10)).append(clip);
                }
            }
            if (bestState != null) {
                s.append(" Restored the weights of epoch ").append(bestEpoch).append(" (validation loss ")
                        .append(Format.number(best)).append(").");
            }
            recorder.stop(s.toString(), true);
        }

        /** Runs the callbacks; a stop request becomes the stop reason. */
        void callbacks() {
            for (int i = 0; i < callbacks.size(); i++) {
                callbacks.get(i).call(state);
            }
            if (state.stopRequest() != null) {
                stop("stopped by a callback: " + state.stopRequest());
            }
        }

        /** For example {@code epoch 0 of 3  batch 512 of 938  loss 0.3016  lr 0.000678  val_loss 0.0812  5.0 s}. */
        String progressLine(int batch, double stepLoss) {
            StringBuilder s = new StringBuilder("epoch ").append(epoch);
            if (maxEpochs > 0) {
                s.append(" of ").append(maxEpochs);
            }
            s.append("  batch ").append(batch).append(" of ").append(batchesPerEpoch)
                    .append("  step ").append(Format.count(recorder.steps() - 1))
                    .append("  loss ").append(Format.number(lossExamples > 0 ? lossSum / lossExamples : stepLoss));
            double lr = currentLr();
            if (!Double.isNaN(lr)) {
                s.append("  lr ").append(Format.number(lr));
            }
            if (lastValidation != null) {
                s.append("  val_loss ").append(Format.number(lastValidation.loss()));
                for (Map.Entry<String, Double> m : lastValidation.metrics().entrySet()) {
                    s.append("  val_").append(m.getKey()).append(' ').append(Format.number(m.getValue()));
                }
            }
            return s.append("  ").append(Format.seconds((clock.getAsLong() - start) / 1e9)).toString();
        }
    }

    private static boolean contains(List<Parameter> params, Parameter p) {
        for (Parameter q : params) {
            if (q.value() == p.value()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The settings, e.g. {@code Trainer(mini-batches of 64, shuffled, epochs=1, loss=SoftmaxCrossEntropy(...),
     * optimizer=AdamW(...), schedule=CosineAnnealingLR(...) per step, metrics=[accuracy], statsEvery=10)}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Trainer(");
        s.append(batchMode == BatchMode.FULL ? "full batch" : batchMode == BatchMode.SGD ? "stochastic"
                : "mini-batches of " + batchSize);
        if (batchMode != BatchMode.FULL) {
            s.append(rng != null ? ", shuffled" : ", no Rng to shuffle with");
        }
        if (maxEpochs > 0) {
            s.append(", epochs=").append(maxEpochs);
        }
        if (maxSteps > 0) {
            s.append(", maxSteps=").append(maxSteps);
        }
        if (!Double.isNaN(lossThreshold)) {
            s.append(", lossThreshold=").append(Format.repr(lossThreshold));
        }
        if (!Double.isNaN(tolerance)) {
            s.append(", tolerance=").append(Format.repr(tolerance));
        }
        if (patience > 0) {
            s.append(", earlyStopping(patience=").append(patience).append(", minDelta=").append(Format.repr(minDelta))
                    .append(')');
        }
        s.append(", loss=").append(loss).append(", optimizer=").append(optimizer);
        if (scheduler != null) {
            s.append(", schedule=").append(scheduler).append(schedulePerEpoch ? " per epoch" : " per step");
        }
        if (plateau != null) {
            s.append(", schedule=").append(plateau);
        }
        if (!Double.isNaN(clipValue)) {
            s.append(", clipGradValue=").append(Format.repr(clipValue));
        }
        if (!Double.isNaN(clipNorm)) {
            s.append(", clipGradNorm=").append(Format.repr(clipNorm));
        }
        if (validation != null) {
            s.append(", validation=").append(validation);
        }
        if (!metricNames.isEmpty()) {
            s.append(", metrics=").append(metricNames);
        }
        s.append(", statsEvery=").append(statsEvery);
        if (failOnDivergence) {
            s.append(", failOnDivergence");
        }
        return s.append(')').toString();
    }
}
