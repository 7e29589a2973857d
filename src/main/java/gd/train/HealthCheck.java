package gd.train;

import gd.data.Dataset;
import gd.util.Format;
import java.io.PrintStream;

/**
 * The {@link HealthMonitor} of one run, a part of the trainer's loop: it smooths the loss, stops (or warns)
 * when it grows, explains every divergence ({@link Diagnosis}) and reports it at the end: printed to standard
 * error, or thrown as a {@link TrainingDivergedException} with {@link Trainer#failOnDivergence()}. The warnings
 * read from the gradient statistics are {@link GradientWarnings}'.
 */
final class HealthCheck implements Callback {
    private final HealthMonitor monitor;
    private final Diagnosis diagnosis;
    private final double beta;
    private final int window;
    private final boolean fail;
    private final PrintStream warnings;
    private final GradientWarnings gradients;
    private double average;
    private int steps;
    private double first = Double.NaN;
    private double lowest = Double.POSITIVE_INFINITY;
    private int lowestStep;
    private boolean warned;

    /**
     * What the health check has seen, for a checkpoint.
     *
     * @param average the moving average of the loss (before its bias correction)
     * @param steps the steps averaged
     * @param first the loss of the first step
     * @param lowest the lowest smoothed loss
     * @param lowestStep its step
     * @param warned whether the warning was given
     */
    record State(double average, int steps, double first, double lowest, int lowestStep, boolean warned) {
    }

    HealthCheck(HealthMonitor monitor, Diagnosis diagnosis, int batchSize, boolean fail, PrintStream warnings) {
        this.monitor = monitor;
        this.diagnosis = diagnosis;
        this.window = HealthMonitor.window(batchSize);
        this.beta = 1 - 1.0 / window;
        this.fail = fail;
        this.warnings = warnings;
        this.gradients = new GradientWarnings(diagnosis.params(), warnings);
    }

    /** The state to save in a checkpoint. */
    State state() {
        return new State(average, steps, first, lowest, lowestStep, warned);
    }

    /** Continues from a saved state. */
    void restore(State state) {
        average = state.average();
        steps = state.steps();
        first = state.first();
        lowest = state.lowest();
        lowestStep = state.lowestStep();
        warned = state.warned();
    }

    /** The message of a step that diverged (a loss or gradient that is not finite). */
    String diverged(TrainingState state, TrainingStep.Result step) {
        boolean gradients = Double.isFinite(step.loss());
        return diagnosis.explain(state, step.divergence(), gradients);
    }

    /** After epoch {@code epoch}'s validation: a validation loss that is not finite stops training, explained. */
    void validated(HistoryRecorder recorder, int epoch, Evaluation validation, Dataset data) {
        if (validation == null || Double.isFinite(validation.loss())) {
            return;
        }
        String cause = Diagnosis.notFinite(data, "the validation data");
        recorder.stop("Training stopped after epoch " + epoch + ": the validation loss is " + validation.loss() + ". "
                + (cause != null ? cause + " Remove or repair those examples of the validation set."
                : "The model's outputs on the validation set are not finite: look at its weights and at the scale"
                + " of the validation inputs."), true);
    }

    /** After a step: the gradient statistics, then the smoothed loss against its lowest value so far. */
    @Override
    public void call(TrainingState state) {
        if (state.endOfEpoch()) {
            return;
        }
        gradients.examine(state.recorder(), state.step());
        double loss = state.loss();
        if (steps++ == 0) {
            first = loss;
        }
        average = beta * average + (1 - beta) * loss;
        double smoothed = average / (1 - Math.pow(beta, steps));
        if (smoothed < lowest) {
            lowest = smoothed;
            lowestStep = state.step();
        }
        if (!(smoothed > monitor.growthFactor() * lowest && smoothed > first)) {
            return;
        }
        String evidence = "the loss (smoothed over about " + window + " steps) grew from " + Format.number(lowest)
                + " at step " + lowestStep + " to " + Format.number(smoothed) + ", over " + Format.repr(
                monitor.growthFactor()) + " times its lowest value";
        HistoryRecorder recorder = state.recorder();
        if (monitor.stops()) {
            recorder.stop(diagnosis.explain(state, evidence, false), true);
        } else if (!warned) {
            warned = true;
            String warning = "Warning: at step " + state.step() + " " + evidence + "; training goes on"
                    + " (.health(HealthMonitor.stopping()) stops it).";
            recorder.warn(warning);
            warnings.println(warning);
        }
    }

    /** After every other part has ended (the weights restored, the display closed): report a divergence. */
    @Override
    public void end(TrainingState state) {
        HistoryRecorder recorder = state.recorder();
        if (!recorder.diverged()) {
            return;
        }
        if (fail) {
            throw new TrainingDivergedException(recorder.stopReason(), recorder.snapshot());
        }
        warnings.println(recorder.stopReason());
    }
}
