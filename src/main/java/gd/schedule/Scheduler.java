package gd.schedule;

/**
 * A learning-rate schedule bound to an optimizer, as in {@code torch.optim.lr_scheduler}: call
 * {@link #step()} after each {@code optimizer.step()} (per batch or per epoch, as you choose) and it sets
 * the learning rate of every parameter group for the next step.
 * <pre>{@code
 * var opt = Sgd.of(model.parameters()).lr(0.1);
 * var sched = CosineAnnealingLR.of(opt).tMax(100).etaMin(1e-3);
 * for (int epoch = 0; epoch < 100; epoch++) { train(opt); sched.step(); }
 * }</pre>
 * {@link #lrAt(int)} gives the schedule as a function of the step, for plotting, without changing anything.
 */
public interface Scheduler {
    /** Advances one step and sets the optimizer's learning rates (and momentum, for OneCycleLR). */
    void step();

    /** The current learning rate of the optimizer's first parameter group. */
    double lr();

    /** The learning rate of the first parameter group after {@code step} calls of {@link #step()}; pure. */
    double lrAt(int step);
}
