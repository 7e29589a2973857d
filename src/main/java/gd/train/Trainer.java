package gd.train;

import gd.data.Batches;
import gd.data.Dataset;
import gd.loss.Loss;
import gd.matrix.Rng;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import gd.optim.Clip;
import gd.optim.Optimizer;
import gd.schedule.LRScheduler;
import gd.schedule.Schedule;
import gd.schedule.Scheduler;
import gd.util.Args;
import gd.util.Format;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Each step is a {@link TrainingStep} (zero-grad, forward, loss, backward, clip, optimizer step, schedule step),
 * in training mode. After each epoch: the mean training loss and metrics, the validation loss and metrics (in
 * evaluation mode), the per-epoch schedules, then the stopping rules. At the end every layer's mode is restored.
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
 * <p><b>Parts</b>: the gradient statistics (every {@link #statsEvery} steps: they cost a copy of the weights),
 * early stopping, the stopping rules, the checkpoints, the progress display and the health check are
 * {@link Callback}s, run by the loop like yours (after the rules, before the checkpoints and the display).
 *
 * <p><b>Save and resume</b>: {@link #checkpointEvery(int, Path)} writes a {@link Checkpoint}; a new trainer of
 * objects built the same way continues it with {@link #resume(Checkpoint)}, bit for bit.
 */
public final class Trainer {
    private final TrainingStep step;
    private final Layer model;
    private final Loss loss;

    private Batching batching = new Batching(BatchMode.FULL, 0, null);
    private StoppingRules rules = StoppingRules.NONE;
    private final MetricSet metrics = new MetricSet();
    private Scheduler scheduler;
    private final LoopParts loopParts = new LoopParts();
    private boolean failOnDivergence;
    private HealthMonitor health = HealthMonitor.stopping();
    private Resume resume;

    /** Where the divergence warning goes (standard error when null); tests capture it. */
    PrintStream warnings;
    /** The clock of the progress throttle and the epoch times, in nanoseconds; tests replace it. */
    LongSupplier clock = System::nanoTime;

    private Trainer(TrainingStep step) {
        this.step = step;
        this.model = step.model();
        this.loss = step.loss();
    }

    /**
     * A trainer of {@code model}'s parameters with {@code loss} and {@code optimizer} (one of the library's,
     * or a lambda). Defaults: full batch, no validation, no metrics, statistics every 10 steps, progress shown.
     */
    public static Trainer of(Layer model, Loss loss, Optimizer optimizer) {
        return new Trainer(TrainingStep.of("Trainer.of", model, loss, optimizer));
    }

    // ---------------------------------------------------------------- batches

    /** Full-batch gradient descent (the default): one step per epoch on the whole training set. */
    public Trainer fullBatch() {
        batching = new Batching(BatchMode.FULL, 0, batching.rng());
        return this;
    }

    /** Stochastic gradient descent: one step per example, in a new random order every epoch (needs {@link #shuffle}). */
    public Trainer stochastic() {
        batching = new Batching(BatchMode.SGD, 1, batching.rng());
        return this;
    }

    /** Mini-batches of {@code size} examples in a new random order every epoch (needs {@link #shuffle}); the last may be smaller. */
    public Trainer batchSize(int size) {
        batching = new Batching(BatchMode.MINI_BATCH, Args.atLeast("Trainer.batchSize", size, 1), batching.rng());
        return this;
    }

    /** The generator that draws each epoch's order in the stochastic and mini-batch modes (ignored for a full batch). */
    public Trainer shuffle(Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Trainer.shuffle: rng is null; pass one, e.g. .shuffle(rng.split())");
        }
        batching = new Batching(batching.mode(), batching.size(), rng);
        return this;
    }

    /** The batch mode. */
    public BatchMode batchMode() {
        return batching.mode();
    }

    // ---------------------------------------------------------------- stopping

    /** Stops after {@code epochs} epochs (the usual limit; {@link #maxSteps} is the other). */
    public Trainer epochs(int epochs) {
        rules = rules.maxEpochs(Args.atLeast("Trainer.epochs", epochs, 1));
        return this;
    }

    /** Stops after {@code steps} gradient steps, also in the middle of an epoch (which is then closed and recorded). */
    public Trainer maxSteps(int steps) {
        rules = rules.maxSteps(Args.atLeast("Trainer.maxSteps", steps, 1));
        return this;
    }

    /** Stops after an epoch whose mean training loss is at most {@code threshold}. */
    public Trainer lossThreshold(double threshold) {
        rules = rules.lossThreshold(Args.finite("Trainer.lossThreshold", threshold));
        return this;
    }

    /** Stops when the mean training loss of an epoch differs from the previous epoch's by less than {@code tol}. */
    public Trainer tolerance(double tol) {
        rules = rules.tolerance(Args.positive("Trainer.tolerance", tol));
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
        loopParts.patience = Args.atLeast("Trainer.earlyStopping: patience", patience, 1);
        loopParts.minDelta = Args.nonNegative("Trainer.earlyStopping: minDelta", minDelta);
        return this;
    }

    /** What the trainer watches and does when a run goes wrong (default {@link HealthMonitor#stopping()}). */
    public Trainer health(HealthMonitor monitor) {
        this.health = Args.notNull("Trainer.health: the monitor", monitor);
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
        metrics.validation(Dataset.requireExamples("Trainer.validation: the validation set", data));
        return this;
    }

    /**
     * Records a metric of the model's outputs against the targets every epoch, on the training batches and on
     * the validation set, e.g. {@code .metric("accuracy", Metrics::accuracy)}. See {@link History#metric}.
     */
    public Trainer metric(String name, Metric metric) {
        metrics.add(name, metric);
        return this;
    }

    /** How many examples go through the model at once when evaluating (default 1000); training is unaffected. */
    public Trainer evalBatchSize(int size) {
        metrics.batchSize(Args.atLeast("Trainer.evalBatchSize", size, 1));
        return this;
    }

    // ---------------------------------------------------------------- schedules and clipping

    /**
     * What changes the learning rate while training, replacing any set before: a torch-style schedule bound to
     * this trainer's optimizer (stepped after every step, e.g. {@code CosineAnnealingLR.of(opt).tMax(938)}), one
     * stepped per epoch ({@code StepLR.of(opt).stepSize(30).perEpoch()}), or a {@code ReduceLROnPlateau} (stepped
     * after every epoch with the validation loss, or the epoch's training loss without a validation set).
     */
    public Trainer schedule(Scheduler scheduler) {
        step.schedule("Trainer.schedule", Args.notNull("Trainer.schedule: the schedule", scheduler));
        this.scheduler = scheduler;
        return this;
    }

    /**
     * A {@link Schedule} (a function of the step, yours or the library's) for this trainer's optimizer: step t
     * runs with learning rate {@code schedule.lr(t)}, counted from this call (see {@link LRScheduler#of}).
     */
    public Trainer schedule(Schedule schedule) {
        return schedule(LRScheduler.of(step.optimizer(), schedule));
    }

    /** A torch-style schedule stepped once after every epoch: the same as {@code schedule(scheduler.perEpoch())}. */
    public Trainer schedulePerEpoch(LRScheduler scheduler) {
        return schedule(Args.notNull("Trainer.schedulePerEpoch: the schedule", scheduler).perEpoch());
    }

    /** Scales the gradients after each backward pass so that their global L2 norm is at most {@code maxNorm} ({@link Clip#gradNorm}). */
    public Trainer clipGradNorm(double maxNorm) {
        step.clipGradNorm("Trainer.clipGradNorm", maxNorm);
        return this;
    }

    /** Clamps every gradient element into [−value, value] after each backward pass ({@link Clip#gradValue}); first, with a norm clip too. */
    public Trainer clipGradValue(double value) {
        step.clipGradValue("Trainer.clipGradValue", value);
        return this;
    }

    // ---------------------------------------------------------------- callbacks, progress, statistics

    /** Adds code to run after every step and every epoch (see {@link Callback}). */
    public Trainer callback(Callback callback) {
        loopParts.callbacks.add(Args.notNull("Trainer.callback: the callback", callback));
        return this;
    }

    /** Turns the progress display on (the default, {@link ProgressDisplay#automatic()}) or off. */
    public Trainer progress(boolean show) {
        loopParts.progress = show;
        return this;
    }

    /** Shows progress on {@code display}. */
    public Trainer progress(ProgressDisplay display) {
        if (display == null) {
            throw new IllegalArgumentException("Trainer.progress: the display is null; use .progress(false) for none");
        }
        loopParts.progress = true;
        loopParts.display = display;
        return this;
    }

    /** Records gradient norms, weight norms and update ratios every {@code n} steps (from step 0); 0 = never. */
    public Trainer statsEvery(int n) {
        loopParts.statsEvery = Args.nonNegative("Trainer.statsEvery", n);
        return this;
    }

    // ---------------------------------------------------------------- save and resume

    /**
     * Writes a {@link Checkpoint} to {@code path} after every {@code n} epochs, replacing the last one atomically
     * (not after an epoch cut short, nor once the run has diverged); {@link #resume} continues from it.
     */
    public Trainer checkpointEvery(int n, Path path) {
        loopParts.checkpoints = new CheckpointWriter.Every(Args.atLeast("Trainer.checkpointEvery", n, 1),
                Args.notNull("Trainer.checkpointEvery: the path", path));
        return this;
    }

    /**
     * Makes the next {@link #fit} continue the run saved in {@code checkpoint} from its next epoch, as if it had
     * never stopped: a model of the same architecture (checked now), the optimizer, schedule and shuffling built
     * and set as before, {@code epochs} counting the saved ones too.
     */
    public Trainer resume(Checkpoint checkpoint) {
        this.resume = Resume.of(checkpoint, model);
        return this;
    }

    // ---------------------------------------------------------------- fit

    /**
     * Trains on {@code train} until a stopping rule fires and returns what was recorded. On divergence the message
     * is printed to standard error and the History so far returned ({@link History#diverged()}), or, with
     * {@link #failOnDivergence()}, thrown in a {@link TrainingDivergedException}. Calling {@code fit} again
     * continues from the current weights, optimizer state and schedule, with a new History.
     */
    public History fit(Dataset train) {
        Batches batches = prepare(train);
        EpochTotals totals = new EpochTotals(metrics.functions());
        HistoryRecorder recorder = HistoryRecorder.of(metrics.names(), metrics.hasValidation(), model.parameters());
        TrainingState state = new TrainingState(recorder, totals);
        HealthCheck check = new HealthCheck(health, new Diagnosis(train, model.parameters(), loss, step.clipsNorm()),
                batches.batchSize(), failOnDivergence, warnings != null ? warnings : System.err);
        EarlyStopping early = loopParts.earlyStopping(model);
        List<Callback> parts = loopParts.of(step, batching.rng(), batches.batchesPerEpoch(), check, early, rules, clock);
        int start = resume == null ? 0 : resume.start(step, batching.rng(), recorder, rules, check, early);
        resume = null;
        TrainingModes modes = TrainingModes.capture(model);
        model.train();
        try {
            for (int epoch = start; recorder.stopReason() == null; epoch++) {
                long epochStart = clock.getAsLong();
                totals.reset();
                int batch = 0;
                for (Dataset b : batches.epoch()) {
                    state.beginStep(recorder.steps(), epoch, batch++);
                    TrainingStep.Result result = step.run(b.x(), b.y(), state, parts);
                    recorder.step(result.loss(), result.lr(), epoch);
                    totals.addLoss(result.loss(), b.size());
                    if (result.diverged()) {
                        recorder.stop(check.diverged(state, result), true);
                        break;
                    }
                    totals.addMetrics(result.output(), b.y());
                    state.afterStep(result.loss(), result.lr());
                    state.call(parts);
                    if (recorder.stopReason() != null) {
                        break;
                    }
                }
                endEpoch(epoch, epochStart, state, parts, check);
            }
            for (Callback part : parts) {
                part.end(state);
            }
        } finally {
            modes.restore();
        }
        return recorder.snapshot();
    }

    /** Closes an epoch: means, validation and per-epoch schedules, recorded; then the parts. */
    private void endEpoch(int epoch, long epochStart, TrainingState state, List<Callback> parts, HealthCheck check) {
        HistoryRecorder recorder = state.recorder();
        EpochTotals totals = state.totals();
        double epochLoss = totals.meanLoss();
        Evaluation val = recorder.diverged() ? null : metrics.validate(model, loss);
        recorder.epoch(epochLoss, totals.meanMetrics(), val, (clock.getAsLong() - epochStart) / 1e9);
        check.validated(recorder, epoch, val, metrics.validation());
        if (scheduler != null && !recorder.diverged()) {
            scheduler.afterEpoch(val != null ? val.loss() : epochLoss);
        }
        state.afterEpoch(epoch, epochLoss, val);
        state.call(parts);
    }

    /** Checks the configuration against the training set and builds its batches. */
    private Batches prepare(Dataset train) {
        Dataset.requireExamples("Trainer.fit: the training set", train);
        rules.requireLimit();
        metrics.checkAgainst(train);
        if (loopParts.patience > 0 && !metrics.hasValidation()) {
            throw new IllegalArgumentException("Trainer.fit: earlyStopping watches the validation loss, but there is"
                    + " no validation set; add .validation(data)");
        }
        return batching.of(train);
    }

    // ---------------------------------------------------------------- evaluation

    /** The loss and metrics of this trainer's model on {@code data}, as {@link Evaluation#of}. */
    public Evaluation evaluate(Dataset data) {
        Dataset.requireExamples("Trainer.evaluate: the dataset", data);
        return metrics.evaluate(model, data, loss);
    }

    /**
     * The settings, e.g. {@code Trainer(mini-batches of 64, shuffled, epochs=1, loss=SoftmaxCrossEntropy(...),
     * optimizer=AdamW(...), schedule=CosineAnnealingLR(...), metrics=[accuracy], statsEvery=10)}.
     */
    @Override
    public String toString() {
        int patience = loopParts.patience;
        List<String> s = new ArrayList<>(List.of(batching.toString(), rules.toString(), patience > 0
                ? "earlyStopping(patience=" + patience + ", minDelta=" + Format.repr(loopParts.minDelta) + ")" : "",
                step.toString(), metrics.toString(), "statsEvery=" + loopParts.statsEvery,
                Objects.toString(loopParts.checkpoints, ""), failOnDivergence ? "failOnDivergence" : ""));
        s.removeIf(String::isEmpty);
        return "Trainer(" + String.join(", ", s) + ")";
    }
}
