/**
 * Learning-rate schedules. A {@link gd.schedule.Schedule} is the formula, a pure function of the step
 * ({@code Schedule.cosine(0.1, 100).lr(t)}) that can be plotted and compared without an optimizer; a lambda is
 * one. The classes named as in {@code torch.optim.lr_scheduler} bind a formula to an optimizer with torch's
 * exact semantics and are stepped after it: {@link gd.schedule.StepLR}, {@link gd.schedule.MultiStepLR},
 * {@link gd.schedule.ExponentialLR}, {@link gd.schedule.CosineAnnealingLR},
 * {@link gd.schedule.CosineAnnealingWarmRestarts}, {@link gd.schedule.LinearLR}, {@link gd.schedule.SequentialLR},
 * {@link gd.schedule.OneCycleLR}, {@link gd.schedule.PolynomialLR}, and {@link gd.schedule.LRScheduler#of} for any
 * schedule. The metric-driven {@link gd.schedule.ReduceLROnPlateau} lives beside them; a training loop drives
 * either kind through {@link gd.schedule.Scheduler}.
 * <pre>{@code
 * var cosine = Schedule.cosine(0.1, epochs);                      // the formula
 * var opt = Sgd.of(model.parameters()).lr(0.1).momentum(0.9);
 * var sched = CosineAnnealingLR.of(opt).tMax(epochs);             // bound: sched.schedule().equals(cosine)
 * for (int epoch = 0; epoch < epochs; epoch++) { trainOneEpoch(opt); sched.step(); }
 * }</pre>
 */
package gd.schedule;
