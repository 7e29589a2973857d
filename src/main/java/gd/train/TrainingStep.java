package gd.train;

import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.optim.Clip;
import gd.optim.Optimizer;
import gd.schedule.Scheduler;
import gd.util.Args;
import gd.util.Format;
import java.util.List;

/**
 * One gradient step, the only place in the library that takes one: the {@link Trainer}, the learning-rate range
 * test ({@code gd.tune.LrFinder}) and the optimizer paths on a 2-D landscape ({@code gd.landscape.Trajectory})
 * all step through {@link #run}. What it does is what you would write by hand:
 * <pre>
 * model.zeroGrad()
 * output ← model.forward(x)
 * L ← loss.value(output, y)                     stop here if L is NaN or ±∞: the step diverged
 * model.backwardParametersOnly(loss.gradient(output, y))
 * clip the gradients                            if clipGradValue / clipGradNorm (a non-finite norm diverges)
 * optimizer.step()
 * scheduler.afterStep()                         if a schedule is set
 * </pre>
 * <pre>{@code
 * var step = TrainingStep.of(model, Loss.crossEntropy(), opt).clipGradNorm(1.0);
 * for (Dataset batch : batches.epoch()) {
 *     TrainingStep.Result r = step.run(batch.x(), batch.y());
 *     if (r.diverged()) break;
 * }
 * }</pre>
 * The step keeps no state of its own: the model, the optimizer and the schedule do.
 */
public final class TrainingStep {
    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Parameter> params;
    private double clipValue = Double.NaN;
    private double clipNorm = Double.NaN;
    private Scheduler scheduler;

    /**
     * What one step saw.
     *
     * @param loss the loss of the batch before the update
     * @param lr the learning rate the step used (NaN when the optimizer has none to read)
     * @param output the model's output for the batch (its rows, one per example)
     * @param divergence what showed that the step diverged, e.g. {@code "the loss is NaN"}, or null: the
     *                   parameters were updated
     */
    public record Result(double loss, double lr, Matrix output, String divergence) {
        /** Whether the step diverged (and so did not update the parameters). */
        public boolean diverged() {
            return divergence != null;
        }
    }

    private TrainingStep(Layer model, Loss loss, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.params = model.parameters();
    }

    /** A step of {@code model}'s parameters with {@code loss} and {@code optimizer} (one of the library's, or a lambda). */
    public static TrainingStep of(Layer model, Loss loss, Optimizer optimizer) {
        return of("TrainingStep.of", model, loss, optimizer);
    }

    /** {@link #of(Layer, Loss, Optimizer)}, with {@code operation} naming the caller in error messages. */
    static TrainingStep of(String operation, Layer model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException(operation + ": model, loss and optimizer must not be null, got model="
                    + model + ", loss=" + loss + ", optimizer=" + optimizer);
        }
        List<Parameter> params = model.parameters();
        if (params.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the model " + model + " has no parameters to train");
        }
        for (Parameter p : optimizer.parameters()) {
            if (params.stream().noneMatch(q -> q.value() == p.value())) {
                throw new IllegalArgumentException(operation + ": the optimizer updates parameter " + p.name() + " ("
                        + p.value().shape() + ") which is not in the model; create the optimizer with"
                        + " model.parameters()");
            }
        }
        return new TrainingStep(model, loss, optimizer);
    }

    /** Scales the gradients so that their global L2 norm is at most {@code maxNorm} ({@link Clip#gradNorm}). */
    public TrainingStep clipGradNorm(double maxNorm) {
        return clipGradNorm("TrainingStep.clipGradNorm", maxNorm);
    }

    TrainingStep clipGradNorm(String operation, double maxNorm) {
        this.clipNorm = Args.positive(operation + ": maxNorm", maxNorm);
        return this;
    }

    /** Clamps every gradient element into [−value, value] ({@link Clip#gradValue}); with a norm clip too, first. */
    public TrainingStep clipGradValue(double value) {
        return clipGradValue("TrainingStep.clipGradValue", value);
    }

    TrainingStep clipGradValue(String operation, double value) {
        this.clipValue = Args.positive(operation + ": value", value);
        return this;
    }

    /** A schedule stepped after every optimizer step ({@link Scheduler#afterStep()}), or null for none. */
    public TrainingStep schedule(Scheduler scheduler) {
        return schedule("TrainingStep.schedule", scheduler);
    }

    TrainingStep schedule(String operation, Scheduler scheduler) {
        if (scheduler != null && scheduler.optimizer() != optimizer) {
            throw new IllegalArgumentException(operation + ": the schedule sets the learning rate of "
                    + scheduler.optimizer() + ", not of this " + (operation.startsWith("Trainer.") ? "trainer" : "step")
                    + "'s optimizer " + optimizer);
        }
        this.scheduler = scheduler;
        return this;
    }

    /** Takes one step on the batch (x, y); see {@link TrainingStep} for what it does. */
    public Result run(Matrix x, Matrix y) {
        return run(x, y, null, List.of());
    }

    /**
     * {@link #run(Matrix, Matrix)} for a trainer: between the backward pass and the clipping it tells
     * {@code callbacks} that the gradients are ready ({@link Callback#afterBackward}); a callback that finds them
     * unusable ({@link TrainingState#diverge}) ends the step there.
     */
    Result run(Matrix x, Matrix y, TrainingState state, List<Callback> callbacks) {
        double lr = optimizer.lr();
        model.zeroGrad();
        Matrix output = model.forward(x);
        double value = loss.value(output, y);
        if (!Double.isFinite(value)) {
            return new Result(value, lr, output, "the loss is " + value);
        }
        model.backwardParametersOnly(loss.gradient(output, y));
        if (state != null) {
            state.gradientsReady(value, lr);
            for (int i = 0; i < callbacks.size(); i++) {
                callbacks.get(i).afterBackward(state);
            }
            if (state.divergence() != null) {
                return new Result(value, lr, output, state.divergence());
            }
        }
        if (!Double.isNaN(clipValue)) {
            Clip.gradValue(params, clipValue);
        }
        if (!Double.isNaN(clipNorm)) {
            double norm = Clip.gradNorm(params, clipNorm);
            if (!Double.isFinite(norm)) {
                return new Result(value, lr, output, "the gradient norm is " + norm + " (the loss of this step: "
                        + Format.number(value) + ")");
            }
        }
        optimizer.step();
        if (scheduler != null) {
            scheduler.afterStep();
        }
        return new Result(value, lr, output, null);
    }

    /** The model. */
    public Layer model() {
        return model;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The schedule stepped after every step, or null. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Whether the gradients are clipped by their global norm. */
    boolean clipsNorm() {
        return !Double.isNaN(clipNorm);
    }

    /** The settings, e.g. {@code loss=SoftmaxCrossEntropy(mean), optimizer=Adam(...), clipGradNorm=1.0}. */
    @Override
    public String toString() {
        return "loss=" + loss + ", optimizer=" + optimizer + (scheduler == null ? "" : ", schedule=" + scheduler)
                + (Double.isNaN(clipValue) ? "" : ", clipGradValue=" + Format.repr(clipValue))
                + (Double.isNaN(clipNorm) ? "" : ", clipGradNorm=" + Format.repr(clipNorm));
    }
}
