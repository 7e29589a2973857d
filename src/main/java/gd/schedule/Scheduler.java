package gd.schedule;

import gd.optim.Optimizer;

/**
 * What a training loop drives to change an optimizer's hyper-parameters while it trains: a torch-style schedule
 * bound to the optimizer ({@link LRScheduler}, stepped after every optimizer step, or after every epoch through
 * {@link LRScheduler#perEpoch()}) or {@link ReduceLROnPlateau} (stepped after every epoch with the metric it
 * watches). A {@code Trainer} holds one and calls both methods; each scheduler acts on the one it needs.
 * <pre>
 * for each batch:  ... optimizer.step(); scheduler.afterStep();
 * after an epoch:  scheduler.afterEpoch(validation loss, or the epoch's training loss without validation)
 * </pre>
 */
public interface Scheduler {
    /** Called by the loop after every optimizer step; does nothing by default. */
    default void afterStep() {
    }

    /** Called by the loop after every epoch with the metric it watches; does nothing by default. */
    default void afterEpoch(double metric) {
    }

    /** The optimizer whose hyper-parameters this scheduler sets. */
    Optimizer optimizer();
}
