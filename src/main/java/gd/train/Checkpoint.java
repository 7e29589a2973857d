package gd.train;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.optim.Optimizer;
import gd.optim.OptimizerState;
import gd.schedule.ResumableScheduler;
import gd.schedule.Scheduler;
import gd.schedule.SchedulerState;
import gd.util.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training run saved to a file, to resume it later exactly where it was: the model's parameters and buffers, the
 * optimizer's state (its running averages, step counts and learning rates), the schedule's position, the random
 * generators (shuffling, dropout) and the {@link History} so far. Copying the weights alone does not resume a run:
 * the moments of Adam, the schedule's step and the generators would start again.
 * <pre>{@code
 * Checkpoint.save(Path.of("run.ckpt"), model, opt, sched, shuffleRng, history);
 * var checkpoint = Checkpoint.load(Path.of("run.ckpt"));
 * checkpoint.restore(model, opt, sched, shuffleRng);   // objects built as before: the same architecture
 * }</pre>
 * A {@link Trainer} does both: {@code .checkpointEvery(1, path)} writes one after every epoch, and
 * {@code .resume(Checkpoint.load(path))} continues a run so that its History and weights are bit for bit those
 * of the run that was never interrupted. The hyper-parameters are not saved: they are the code that builds the
 * objects. An optimizer written as a lambda has no state to save; its own variables are not saved.
 *
 * <p>A file is written whole or not at all: into a temporary file in the same folder, then renamed over the old
 * one. Loading refuses, with what is wrong and what to do, a file that is truncated, corrupt (its CRC32 checksum
 * does not match), of another format version, and restoring refuses a model of another architecture (naming the
 * parameter that differs).
 *
 * <p><b>The format</b> (version {@value #FORMAT_VERSION}), written with a {@link java.io.DataOutputStream}
 * (big-endian numbers, strings in modified UTF-8):
 * <pre>
 * header      8 bytes      "GD-CKPT\n"
 *             int          format version
 *             long         length of the body in bytes
 * body        model        int n, n × (string name, matrix); int b, b × matrix (the buffers)
 *             optimizer    boolean saved; string class, long steps, int g, g × (int size, double lr,
 *                          double initialLr), int p, p × (int k, k × (string name, byte type,
 *                          'I' int | 'D' double | 'M' matrix))                   (torch's names: exp_avg, ...)
 *             schedule     byte 0 none | 1 int stepCount | 2 double best, int numBadEpochs,
 *                          int cooldownCounter, int stepCount
 *             generators   boolean saved; long seed, long gamma (the one given to save);
 *                          int n, n × (long seed, long gamma) (the layers', as model.generators() lists them)
 *             history      boolean saved; loss, lr, epochOfStep, epochLoss, validationLoss, metric names,
 *                          per metric its two arrays, statsSteps, gradNorm, parameter names, per parameter
 *                          gradNorm, weightNorm, updateRatio, gradient min, max, mean, std (since version 2),
 *                          epochSeconds, boolean diverged, boolean and string stopReason, int bestEpoch, warnings
 *             trainer      boolean saved (by Trainer.checkpointEvery); the health check: double average,
 *                          int steps, double first, double lowest, int lowestStep, boolean warned; early
 *                          stopping: boolean saved; double best, int wait, int bestEpoch, boolean saved,
 *                          int b, b × matrix (the weights and buffers of its best epoch)
 * trailer     int          CRC32 of every byte before it
 * matrix = int rows, int cols, the elements row by row; array, or list of strings = int length, the elements;
 * "boolean saved; ..." = false, or true and what follows
 * </pre>
 * Every format version keeps the header and the trailer, so that any version's file is checked the same way.
 */
public final class Checkpoint {
    /** The version of the file format that this library writes and reads. */
    public static final int FORMAT_VERSION = CheckpointFile.VERSION;

    private final Path path;
    private final List<String> parameterNames;
    private final List<Matrix> parameters;
    private final List<Matrix> buffers;
    private final OptimizerState optimizer;
    private final SchedulerState schedule;
    private final Rng.State rng;
    private final List<Rng.State> layerGenerators;
    private final History history;
    private final LoopState loop;

    Checkpoint(Path path, List<String> parameterNames, List<Matrix> parameters, List<Matrix> buffers,
            OptimizerState optimizer, SchedulerState schedule, Rng.State rng, List<Rng.State> layerGenerators,
            History history, LoopState loop) {
        this.path = path;
        this.parameterNames = List.copyOf(parameterNames);
        this.parameters = List.copyOf(parameters);
        this.buffers = List.copyOf(buffers);
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.rng = rng;
        this.layerGenerators = List.copyOf(layerGenerators);
        this.history = history;
        this.loop = loop;
    }

    /**
     * Writes {@code model}'s parameters and buffers and the state of the others to {@code path}, atomically:
     * {@code optimizer}, {@code schedule}, {@code rng} (e.g. the shuffling generator) and {@code history} may be
     * null for none. The model's own generators ({@link Layer#generators()}) are saved too.
     */
    public static void save(Path path, Layer model, Optimizer optimizer, Scheduler schedule, Rng rng,
            History history) {
        capture("Checkpoint.save", path, model, optimizer, schedule, rng, history, null).write("Checkpoint.save");
    }

    /**
     * Reads a checkpoint written by {@link #save} (or a trainer), refusing a file that is truncated, corrupt or of
     * another format version.
     */
    public static Checkpoint load(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("Checkpoint.load: the path is null");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint.load: could not read " + path + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check the path", e);
        }
        return CheckpointFile.decode(bytes, path);
    }

    /**
     * Puts the saved state back into objects built as when it was saved: the model's parameters, buffers and
     * generators, and the state of {@code optimizer}, {@code schedule} and {@code rng}, each of which may be null
     * to leave it alone. Refuses a model of another architecture, naming the parameter that differs, and
     * changes nothing then.
     */
    public void restore(Layer model, Optimizer optimizer, Scheduler schedule, Rng rng) {
        restore("Checkpoint.restore", model, optimizer, schedule, rng);
    }

    /** The History saved with the checkpoint, or null if none was. */
    public History history() {
        return history;
    }

    /** The number of epochs of the saved History (0 without one): a resumed trainer starts at this epoch. */
    public int epochs() {
        return history == null ? 0 : history.epochs();
    }

    /** The file this checkpoint was read from or written to. */
    public Path path() {
        return path;
    }

    /** For example {@code Checkpoint(run.ckpt: 4 parameters, Adam after 188 steps, 2 epochs)}. */
    @Override
    public String toString() {
        return "Checkpoint(" + path + ": " + Format.plural(parameters.size(), "parameter")
                + (optimizer == null ? "" : ", " + optimizer.optimizer() + " after " + Format.plural(optimizer.steps(),
                "step")) + (history == null ? "" : ", " + Format.plural(history.epochs(), "epoch")) + ")";
    }

    // ---------------------------------------------------------------- for the trainer and the file

    /** Copies of everything {@link #save} writes, with a trainer's own bookkeeping (or null). */
    static Checkpoint capture(String operation, Path path, Layer model, Optimizer optimizer, Scheduler schedule,
            Rng rng, History history, LoopState loop) {
        if (path == null || model == null) {
            throw new IllegalArgumentException(operation + ": the path and the model must not be null, got path="
                    + path + ", model=" + model);
        }
        List<String> names = new ArrayList<>();
        List<Matrix> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            names.add(p.name());
            values.add(p.value().copy());
        }
        List<Matrix> buffers = model.buffers().stream().map(Matrix::copy).toList();
        SchedulerState scheduleState = schedule == null ? null : resumable(operation, schedule).state();
        List<Rng.State> generators = model.generators().stream().map(Rng::state).toList();
        return new Checkpoint(path, names, values, buffers, optimizer == null ? null : optimizer.state(),
                scheduleState, rng == null ? null : rng.state(), generators, history, loop);
    }

    /** Writes this checkpoint to its path, atomically. */
    void write(String operation) {
        byte[] bytes = CheckpointFile.encode(this);
        CheckpointFile.writeAtomically(operation, path, out -> out.write(bytes));
    }

    /** {@link #restore(Layer, Optimizer, Scheduler, Rng)}, with {@code operation} naming the caller in messages. */
    void restore(String operation, Layer model, Optimizer optimizer, Scheduler schedule, Rng rng) {
        String where = operation + ": " + path;
        checkArchitecture(where, model);
        OptimizerState current = optimizer == null ? null : optimizer.state();
        if (optimizer != null && (current == null) != (this.optimizer == null)) {
            throw new IllegalArgumentException(where + (this.optimizer == null
                    ? " holds no optimizer state, but " + optimizer + " has one; save it with that optimizer"
                    : " holds a state from " + this.optimizer.optimizer() + ".state(), but " + optimizer + " has"
                            + " none to restore; use the optimizer of the saved run"));
        }
        ResumableScheduler resumable = schedule == null ? null : resumable(where, schedule);
        if (resumable != null && (this.schedule == null || this.schedule.getClass() != resumable.state().getClass())) {
            throw new IllegalArgumentException(where + " holds " + (this.schedule == null ? "no schedule state"
                    : "the state " + this.schedule) + ", which does not fit the schedule " + schedule
                    + "; use the schedule it was saved with");
        }
        if (rng != null && this.rng == null) {
            throw new IllegalArgumentException(where + " holds no generator for " + rng + "; save it with one");
        }
        if (current != null) {
            try {
                optimizer.restore(this.optimizer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (resumable != null) {
            resumable.restore(this.schedule);
        }
        List<Parameter> params = model.parameters();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().copyFrom(parameters.get(i));
        }
        List<Matrix> liveBuffers = model.buffers();
        for (int i = 0; i < liveBuffers.size(); i++) {
            liveBuffers.get(i).copyFrom(buffers.get(i));
        }
        List<Rng> generators = model.generators();
        for (int i = 0; i < generators.size(); i++) {
            generators.get(i).restore(layerGenerators.get(i));
        }
        if (rng != null) {
            rng.restore(this.rng);
        }
    }

    /** Refuses a model whose parameters, buffers or generators differ from the saved ones, naming the first. */
    void checkArchitecture(String where, Layer model) {
        List<Parameter> params = model.parameters();
        String problem = null;
        for (int i = 0; problem == null && i < Math.max(params.size(), parameters.size()); i++) {
            if (i >= params.size()) {
                problem = "its parameter " + parameterNames.get(i) + " (" + parameters.get(i).shape() + ") is not in"
                        + " this model, which has " + Format.plural(params.size(), "parameter");
            } else if (i >= parameters.size()) {
                problem = "this model's parameter " + params.get(i).name() + " (" + params.get(i).value().shape()
                        + ") is not in it, which has " + Format.plural(parameters.size(), "parameter");
            } else if (!parameterNames.get(i).equals(params.get(i).name())) {
                problem = "parameter " + i + " is " + parameterNames.get(i) + " (" + parameters.get(i).shape()
                        + ") there but " + params.get(i).name() + " (" + params.get(i).value().shape() + ") in this model";
            } else if (!parameters.get(i).sameShape(params.get(i).value())) {
                problem = "parameter " + parameterNames.get(i) + " is " + parameters.get(i).shape() + " there but "
                        + params.get(i).value().shape() + " in this model";
            }
        }
        List<Matrix> liveBuffers = model.buffers();
        for (int i = 0; problem == null && i < Math.max(liveBuffers.size(), buffers.size()); i++) {
            if (i >= liveBuffers.size() || i >= buffers.size() || !buffers.get(i).sameShape(liveBuffers.get(i))) {
                problem = "it has " + Format.plural(buffers.size(), "buffer") + " (running statistics), this model "
                        + liveBuffers.size() + "; buffer " + i + " is " + (i < buffers.size() ? buffers.get(i).shape()
                        : "missing") + " there and " + (i < liveBuffers.size() ? liveBuffers.get(i).shape() : "missing")
                        + " in this model";
            }
        }
        int generators = model.generators().size();
        if (problem == null && generators != layerGenerators.size()) {
            problem = "its layers draw from " + Format.plural(layerGenerators.size(), "random generator")
                    + " (Dropout), this model's from " + generators;
        }
        if (problem != null) {
            throw new IllegalArgumentException(where + " was saved from another architecture: " + problem
                    + "; build the model as it was when the checkpoint was saved");
        }
    }

    private static ResumableScheduler resumable(String where, Scheduler schedule) {
        if (schedule instanceof ResumableScheduler resumable) {
            return resumable;
        }
        throw new IllegalArgumentException(where + ": the schedule " + schedule + " cannot say where it is; implement"
                + " ResumableScheduler (as LRScheduler and ReduceLROnPlateau do) to save and restore it");
    }

    List<String> parameterNames() {
        return parameterNames;
    }

    List<Matrix> parameters() {
        return parameters;
    }

    List<Matrix> buffers() {
        return buffers;
    }

    OptimizerState optimizer() {
        return optimizer;
    }

    SchedulerState schedule() {
        return schedule;
    }

    Rng.State rng() {
        return rng;
    }

    List<Rng.State> layerGenerators() {
        return layerGenerators;
    }

    LoopState loop() {
        return loop;
    }
}
