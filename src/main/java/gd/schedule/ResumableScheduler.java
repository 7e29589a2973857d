package gd.schedule;

/**
 * A {@link Scheduler} whose position can be saved and put back, so that a resumed run follows the schedule from
 * where it was: {@link LRScheduler} (also {@link LRScheduler#perEpoch() per epoch}) and {@link ReduceLROnPlateau}.
 * <pre>{@code
 * SchedulerState saved = sched.state();
 * ...
 * sched.restore(saved);     // in this scheduler or a new one built the same way
 * }</pre>
 */
public interface ResumableScheduler extends Scheduler {
    /** What stepping this scheduler has changed, as plain data. */
    SchedulerState state();

    /** Puts back a {@link #state()} of a scheduler of the same kind: the next step is the one that followed it. */
    void restore(SchedulerState state);
}
