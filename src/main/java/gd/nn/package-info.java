/**
 * Layers with hand-written backward passes and the containers that build models from them.
 *
 * <p>A {@link gd.nn.Layer} maps a batch (one example per row) forward and, given ∂L/∂output, adds into its
 * {@link gd.nn.Parameter} gradients and returns ∂L/∂input. Layers: {@link gd.nn.Dense} (torch's Linear),
 * {@link gd.nn.ReLU}, {@link gd.nn.LeakyReLU}, {@link gd.nn.Sigmoid}, {@link gd.nn.Tanh},
 * {@link gd.nn.Dropout}, {@link gd.nn.BatchNorm}; containers {@link gd.nn.Sequential} and
 * {@link gd.nn.Residual}; initialisation rules in {@link gd.nn.Init}.
 *
 * <pre>{@code
 * var rng = Rng.seed(42);
 * var model = Sequential.of(Dense.of(784, 128, rng.split()), ReLU.of(), Dense.of(128, 10, rng.split()));
 * var loss = Loss.crossEntropy();
 * model.zeroGrad();
 * Matrix logits = model.forward(x);
 * model.backwardParametersOnly(loss.gradient(logits, labels));
 * for (Parameter p : model.parameters()) {
 *     p.value().plusScaledInPlace(-0.1, p.grad());        // one step of gradient descent
 * }
 * }</pre>
 */
package gd.nn;
