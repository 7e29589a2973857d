/**
 * Learning-rate schedules equal to {@code torch.optim.lr_scheduler}, bound to an optimizer and stepped after
 * it: {@link gd.schedule.StepLR}, {@link gd.schedule.MultiStepLR}, {@link gd.schedule.ExponentialLR},
 * {@link gd.schedule.CosineAnnealingLR}, {@link gd.schedule.CosineAnnealingWarmRestarts},
 * {@link gd.schedule.LinearLR}, {@link gd.schedule.SequentialLR}, {@link gd.schedule.OneCycleLR},
 * {@link gd.schedule.PolynomialLR} and the metric-driven {@link gd.schedule.ReduceLROnPlateau}.
 * <pre>{@code
 * var opt = Sgd.of(model.parameters()).lr(0.1).momentum(0.9);
 * var sched = CosineAnnealingLR.of(opt).tMax(epochs);
 * for (int epoch = 0; epoch < epochs; epoch++) { trainOneEpoch(opt); sched.step(); }
 * }</pre>
 * Each schedule's {@link gd.schedule.Scheduler#lrAt(int)} is its formula as a pure function of the step,
 * handy for plotting the curve before training.
 */
package gd.schedule;
