package gd.schedule;

/**
 * Where a scheduler is, as plain data: what stepping it has changed, taken by {@link ResumableScheduler#state()}
 * and put back by {@link ResumableScheduler#restore}. The settings are not in it: they are the code that builds the
 * scheduler.
 * <pre>
 * Steps     an LRScheduler (StepLR, CosineAnnealingLR, ..., per step or per epoch): how many steps it has taken
 * Plateau   ReduceLROnPlateau: the best metric, the bad epochs and the cooldown left, and its step count
 * </pre>
 */
public sealed interface SchedulerState permits SchedulerState.Steps, SchedulerState.Plateau {

    /**
     * The state of an {@link LRScheduler}.
     *
     * @param stepCount how many times it has been stepped (torch's {@code last_epoch})
     */
    record Steps(int stepCount) implements SchedulerState {
    }

    /**
     * The state of a {@link ReduceLROnPlateau}.
     *
     * @param best the best metric so far
     * @param numBadEpochs the steps since the last improvement
     * @param cooldownCounter the cooldown steps left
     * @param stepCount how many times it has been stepped
     */
    record Plateau(double best, int numBadEpochs, int cooldownCounter, int stepCount) implements SchedulerState {
    }
}
