/**
 * Gradient checking: {@link gd.check.GradientCheck} compares hand-written derivatives with central
 * differences and returns a {@link gd.check.CheckResult} with the largest relative error, the worst
 * coordinate and a verdict.
 *
 * <pre>{@code
 * GradientCheck.of().model(model, Loss.crossEntropy(), x, labels).assertPasses();
 * }</pre>
 */
package gd.check;
