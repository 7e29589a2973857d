package gd.train;

import gd.util.Args;
import gd.util.Format;

/**
 * What a {@link Trainer} watches while it trains, and what it does when a run goes wrong.
 * <ul>
 *   <li><b>A loss or gradient that is not finite</b> (NaN or ±∞) always stops training at that step, before the
 *       update.</li>
 *   <li><b>A loss that grows</b>: the loss smoothed over the last steps (an exponential moving average over
 *       about 10 steps, and at least about 200 examples) above {@link #growthFactor} times its lowest value so
 *       far, and above the first step's loss. That is a run going the wrong way long before the numbers
 *       overflow. {@link #stopping()} (the default) stops there; {@link #warning()} records a warning in the
 *       History, prints it once and trains on.</li>
 * </ul>
 * Either way the message names the step and the most likely cause, read from the evidence in this order: values
 * in the training data that are not finite (which example, which column); weights that an update made
 * non-finite (which parameter: an update divided by zero or overflowed); exploding gradients (the gradient
 * norm's history, or a backward pass that overflowed); a learning rate too large (the loss grew with finite
 * data and gradients). It ends with what to try. The History up to that step is kept: plot it.
 *
 * <p>It also reads the detailed statistics ({@link Trainer#statsEvery}) and <b>warns</b> (in the History's
 * {@link History#warnings()}, and printed, once per parameter and run; training goes on) when one of these has
 * held in {@value #PERSISTENCE} statistics records in a row. A <em>weight matrix</em> is a parameter of more
 * than one row and more than one column (biases, BatchNorm's scales and the weights of a single input or output
 * are vectors: their norms are small, and a healthy step changes them by a larger fraction):
 * <ul>
 *   <li><b>vanishing gradients</b>: the gradient norm of the first weight matrix below
 *       {@value #VANISHING_RATIO} × that of the last one (the first layers hardly learn);</li>
 *   <li><b>a gradient that is exactly zero</b>: min = max = 0 over a parameter's gradient (no example reaches
 *       it: ReLUs that output 0 for every input, a dead layer);</li>
 *   <li><b>updates too large</b>: a weight matrix's update-to-weight ratio ‖Δθ‖ / ‖θ‖ above
 *       {@value #LARGE_UPDATE_RATIO} (the rule of thumb is about 1e-3);</li>
 *   <li><b>updates too small</b>: a weight matrix's ratio above 0 and below {@value #SMALL_UPDATE_RATIO}, while
 *       the learning rate is at least {@value #ANNEALED} × the largest one so far and the matrix's gradient norm
 *       at least {@value #CONVERGED} × its first one, and the gradients do not vanish (a schedule that annealed
 *       the rate towards 0, a model that converged and so has tiny gradients, and vanishing gradients are other
 *       causes of tiny steps).</li>
 * </ul>
 * <pre>{@code
 * var history = Trainer.of(model, loss, opt).epochs(5).fit(data);        // stops and explains
 * history.stopReason();
 * Trainer.of(model, loss, opt).health(HealthMonitor.warning().growthFactor(100)) ...
 * }</pre>
 */
public final class HealthMonitor {
    /** How many statistics records in a row a condition must hold before it is warned about. */
    public static final int PERSISTENCE = 5;
    /** Vanishing gradients: the first weight matrix's gradient norm below this times the last one's. */
    public static final double VANISHING_RATIO = 1e-5;
    /** Updates too large: an update-to-weight ratio above this. */
    public static final double LARGE_UPDATE_RATIO = 1e-1;
    /** Updates too small: an update-to-weight ratio below this. */
    public static final double SMALL_UPDATE_RATIO = 1e-6;
    /** A learning rate below this times the largest one so far counts as annealed (no warning for small updates). */
    public static final double ANNEALED = 0.1;
    /** A gradient norm below this times the first one recorded counts as converged (no warning for small updates). */
    public static final double CONVERGED = 0.1;

    private final boolean stop;
    private final double growthFactor;

    private HealthMonitor(boolean stop, double growthFactor) {
        this.stop = stop;
        this.growthFactor = growthFactor;
    }

    /** Stops when the smoothed loss grows {@link #growthFactor} times above its lowest value (the default). */
    public static HealthMonitor stopping() {
        return new HealthMonitor(true, 10);
    }

    /** Warns once, in the History and on standard error, when the loss grows, and trains on. */
    public static HealthMonitor warning() {
        return new HealthMonitor(false, 10);
    }

    /** The same monitor with growth factor {@code factor} &gt; 1 (default 10). */
    public HealthMonitor growthFactor(double factor) {
        if (!(factor > 1 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("HealthMonitor.growthFactor must be greater than 1 and finite, got "
                    + Format.repr(factor));
        }
        return new HealthMonitor(stop, factor);
    }

    /** The factor by which the smoothed loss may exceed its lowest value. */
    public double growthFactor() {
        return growthFactor;
    }

    /** Whether loss growth stops training (true) or only warns (false). */
    public boolean stops() {
        return stop;
    }

    /** The steps of the loss's moving average for batches of {@code batchSize}: about 10, and 200 examples. */
    static int window(int batchSize) {
        return Math.max(10, (int) Math.ceil(200.0 / Args.atLeast("HealthMonitor.window", batchSize, 1)));
    }

    /** For example {@code HealthMonitor(stopping, growthFactor=10.0)}. */
    @Override
    public String toString() {
        return "HealthMonitor(" + (stop ? "stopping" : "warning") + ", growthFactor=" + Format.repr(growthFactor) + ")";
    }
}
