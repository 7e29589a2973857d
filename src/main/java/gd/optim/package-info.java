/**
 * Optimizers with exactly {@code torch.optim}'s update rules, gradient clipping, and the interface a learner
 * implements with a lambda.
 *
 * <p>{@link gd.optim.Optimizer} is the whole contract ({@code step()}); the library's optimizers
 * ({@link gd.optim.Sgd}, {@link gd.optim.AdaGrad}, {@link gd.optim.RmsProp}, {@link gd.optim.Adam},
 * {@link gd.optim.AdamW}, {@link gd.optim.NAdam}, {@link gd.optim.RAdam}) extend
 * {@link gd.optim.BaseOptimizer}, which adds parameter groups, weight decay, per-parameter state and
 * {@code zeroGrad()}. Each class states its update rule in its documentation and is tested step by step
 * against PyTorch. The families, each hyper-parameter held once:
 * <pre>
 * BaseOptimizer          lr, weightDecay, parameter groups
 * ├─ Sgd                 momentum, dampening, nesterov
 * └─ AdaptiveOptimizer   eps
 *    ├─ AdaGrad          lrDecay, initialAccumulatorValue
 *    ├─ RmsProp          alpha, momentum, centered
 *    └─ AdamFamily       beta1, beta2, the moments m and v; decoupledWeightDecay()
 *       ├─ BaseAdam      amsgrad, Adam's update
 *       │  ├─ Adam       coupled weight decay
 *       │  └─ AdamW      decoupled weight decay
 *       └─ AdamVariant   decoupledWeightDecay(boolean)
 *          ├─ NAdam      momentumDecay
 *          └─ RAdam
 * </pre>
 * <pre>{@code
 * var opt = Adam.of(model.parameters()).lr(1e-3);
 * for (...) { opt.zeroGrad(); ...forward, loss, backward...; opt.step(); }
 * }</pre>
 */
package gd.optim;
