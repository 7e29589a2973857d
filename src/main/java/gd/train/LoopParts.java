package gd.train;

import gd.matrix.Rng;
import gd.nn.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The parts a trainer runs around its steps, as its setters configure them: the gradient statistics every n steps,
 * early stopping, your callbacks, the checkpoints and the progress display. {@link #of} lists the parts of one run
 * in the loop's order, with the health check and the stopping rules.
 */
final class LoopParts {
    /** Steps between two records of detailed statistics (0: never). */
    int statsEvery = 10;
    /** Early stopping's patience in epochs (0: off). */
    int patience;
    /** The improvement of the validation loss that early stopping counts. */
    double minDelta;
    /** The learner's callbacks, in the order they were added. */
    final List<Callback> callbacks = new ArrayList<>();
    /** Whether progress is shown. */
    boolean progress = true;
    /** Where progress is shown (null: {@link ProgressDisplay#automatic()}). */
    ProgressDisplay display;
    /** How often and where checkpoints are written, or null for none. */
    CheckpointWriter.Every checkpoints;

    /** A new early stopping for one run, or null when it is off. */
    EarlyStopping earlyStopping(Layer model) {
        return patience > 0 ? new EarlyStopping(model, patience, minDelta) : null;
    }

    /**
     * The parts of one run of {@code step}, in this order: statistics, the health check, early stopping (or null),
     * the stopping rules, your callbacks, the checkpoints, the progress display.
     */
    List<Callback> of(TrainingStep step, Rng shuffle, int batchesPerEpoch, HealthCheck check, EarlyStopping early,
            StoppingRules rules, LongSupplier clock) {
        List<Callback> parts = new ArrayList<>();
        if (statsEvery > 0) {
            parts.add(new StepStatistics(step.model().parameters(), statsEvery));
        }
        parts.add(check);
        if (early != null) {
            parts.add(early);
        }
        parts.add(rules);
        parts.addAll(callbacks);
        if (checkpoints != null) {
            parts.add(new CheckpointWriter(checkpoints, step, shuffle, batchesPerEpoch, check, early));
        }
        if (progress) {
            parts.add(new ProgressReporter(display != null ? display : ProgressDisplay.automatic(), clock,
                    rules.maxEpochs(), batchesPerEpoch));
        }
        return parts;
    }
}
