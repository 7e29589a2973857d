package gd.train;

import gd.matrix.Rng;
import gd.nn.Layer;
import gd.util.Args;
import gd.util.Format;

/**
 * A trainer's bookkeeping to continue a saved run ({@link Trainer#resume}): the {@link Checkpoint}, checked against
 * the model when it is given and against the trainer when {@code fit} starts; then the model, optimizer, schedule
 * and shuffling generator get their saved state, the History so far goes into the new run's recorder, the health
 * check and early stopping continue from theirs, and the loop starts at the epoch after the saved ones.
 */
final class Resume {
    private final Checkpoint checkpoint;

    private Resume(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** The resume of {@code checkpoint} into {@code model}, whose architecture must be the saved one. */
    static Resume of(Checkpoint checkpoint, Layer model) {
        Args.notNull("Trainer.resume: the checkpoint", checkpoint);
        checkpoint.checkArchitecture("Trainer.resume: " + checkpoint.path(), model);
        return new Resume(checkpoint);
    }

    /**
     * Puts the saved run back at the start of {@code fit} and returns the epoch to start at. Refuses, before it
     * changes anything, a trainer whose metrics, validation, schedule, early stopping or limits do not fit the run.
     */
    int start(TrainingStep step, Rng shuffle, HistoryRecorder recorder, StoppingRules rules, HealthCheck check,
            EarlyStopping early) {
        String where = "Trainer.fit: the checkpoint " + checkpoint.path();
        History history = checkpoint.history();
        LoopState loop = checkpoint.loop();
        if (history != null && !recorder.fits(history)) {
            throw new IllegalArgumentException(where + " recorded " + recorder.describe(history) + ", this trainer "
                    + recorder.describe(null) + "; set the metrics and the validation set as in the saved run");
        }
        if ((checkpoint.schedule() == null) != (step.scheduler() == null)) {
            throw new IllegalArgumentException(where + (step.scheduler() == null ? " holds the state of a schedule but"
                    + " this trainer has none; set the schedule of the saved run" : " holds no schedule but this"
                    + " trainer has " + step.scheduler() + "; resume without it"));
        }
        if (loop != null && (loop.earlyStopping() == null) != (early == null)) {
            throw new IllegalArgumentException(where + " was written " + (early == null ? "with" : "without")
                    + " early stopping, this trainer has " + (early == null ? "none" : "it") + "; set it as in the"
                    + " saved run");
        }
        int epochs = checkpoint.epochs();
        int steps = history == null ? 0 : history.steps();
        if (rules.maxEpochs() > 0 && epochs >= rules.maxEpochs() || rules.maxSteps() > 0 && steps >= rules.maxSteps()) {
            throw new IllegalArgumentException(where + " holds " + Format.plural(epochs, "epoch") + " and "
                    + Format.plural(steps, "step") + " already, which " + rules + " does not go beyond; raise the"
                    + " limit to continue the run (epochs count the saved ones too)");
        }
        checkpoint.restore("Trainer.fit", step.model(), step.optimizer(), step.scheduler(), shuffle);
        if (history != null) {
            recorder.continueFrom(history);
        }
        if (loop != null) {
            check.restore(loop.health());
            if (early != null) {
                early.restore(loop.earlyStopping());
            }
        }
        return epochs;
    }
}
