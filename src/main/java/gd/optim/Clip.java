package gd.optim;

import gd.nn.Parameter;
import gd.util.Args;
import java.util.List;

/**
 * Gradient clipping, applied between backward and {@code optimizer.step()}, exactly as
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}.
 * <pre>{@code
 * loss.backward(...);
 * Clip.gradNorm(model.parameters(), 1.0);
 * opt.step();
 * }</pre>
 */
public final class Clip {
    private Clip() {
    }

    /**
     * Scales all gradients together so that their total 2-norm is at most {@code maxNorm}, and returns the
     * total norm before clipping:
     * <pre>
     * ‖g‖ ← √(Σₚ ‖gₚ‖²)                        (the 2-norm of the per-parameter 2-norms)
     * c ← maxNorm / (‖g‖ + 1e-6)
     * gₚ ← gₚ·min(c, 1)                         for every parameter p
     * </pre>
     * The direction of the overall gradient is kept. As in torch, the 1e-6 keeps the division finite and
     * gradients are multiplied (by exactly 1) even when they are not clipped; a non-finite norm is returned
     * as it is (and turns the gradients into NaN), so check it if your loss can overflow.
     */
    public static double gradNorm(List<Parameter> params, double maxNorm) {
        requireParameters("Clip.gradNorm", params);
        Args.nonNegative("Clip.gradNorm: maxNorm", maxNorm);
        double sumOfSquares = 0;
        for (Parameter p : params) {
            double norm = p.grad().norm();
            sumOfSquares += norm * norm;
        }
        double total = Math.sqrt(sumOfSquares);
        double coefficient = Math.min(maxNorm / (total + 1e-6), 1.0);
        for (Parameter p : params) {
            p.grad().timesInPlace(coefficient);
        }
        return total;
    }

    /**
     * Clamps every gradient element into [−clipValue, clipValue]:
     * <pre>
     * g ← min(max(g, −clipValue), clipValue)   element by element
     * </pre>
     * Unlike {@link #gradNorm}, this changes the direction of the gradient.
     */
    public static void gradValue(List<Parameter> params, double clipValue) {
        requireParameters("Clip.gradValue", params);
        Args.nonNegative("Clip.gradValue: clipValue", clipValue);
        for (Parameter p : params) {
            for (int i = 0; i < p.grad().rows(); i++) {
                double[] g = p.grad().row(i);
                for (int j = 0; j < g.length; j++) {
                    g[j] = Math.min(Math.max(g[j], -clipValue), clipValue);
                }
            }
        }
    }

    private static void requireParameters(String where, List<Parameter> params) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(where + ": got an empty parameter list");
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == null) {
                throw new IllegalArgumentException(where + ": parameter " + i + " is null");
            }
        }
    }
}
