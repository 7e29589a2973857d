package gd.train;

import gd.matrix.Rng;
import java.nio.file.Path;

/**
 * The part of a trainer's loop that writes a {@link Checkpoint} after every n-th epoch
 * ({@link Trainer#checkpointEvery}): at the end of the epoch, after its validation, the schedules, early stopping
 * and your callbacks, so that it holds what the next epoch starts from, the shuffling generator included. An epoch
 * cut short (a maximum of steps, a callback's stop) or a run that diverged is not written: the file keeps the last
 * good checkpoint.
 */
final class CheckpointWriter implements Callback {
    private final Every every;
    private final TrainingStep step;
    private final Rng shuffle;
    private final int batchesPerEpoch;
    private final HealthCheck check;
    private final EarlyStopping early;

    /**
     * How often and where a trainer writes checkpoints.
     *
     * @param epochs the epochs between two checkpoints
     * @param path the file, replaced by each checkpoint
     */
    record Every(int epochs, Path path) {
        /** For example {@code checkpointEvery(2, run.ckpt)}. */
        @Override
        public String toString() {
            return "checkpointEvery(" + epochs + ", " + path + ")";
        }
    }

    /** Writes the run of {@code step} (with its shuffling generator and its parts' state) as {@code every} says. */
    CheckpointWriter(Every every, TrainingStep step, Rng shuffle, int batchesPerEpoch, HealthCheck check,
            EarlyStopping early) {
        this.every = every;
        this.step = step;
        this.shuffle = shuffle;
        this.batchesPerEpoch = batchesPerEpoch;
        this.check = check;
        this.early = early;
    }

    @Override
    public void call(TrainingState state) {
        boolean whole = state.batch() + 1 == batchesPerEpoch && !state.recorder().diverged();
        if (!state.endOfEpoch() || (state.epoch() + 1) % every.epochs() != 0 || !whole) {
            return;
        }
        LoopState loop = new LoopState(check.state(), early == null ? null : early.state());
        Checkpoint.capture("Trainer.checkpointEvery", every.path(), step.model(), step.optimizer(), step.scheduler(),
                shuffle, state.history(), loop).write("Trainer.checkpointEvery");
    }
}
