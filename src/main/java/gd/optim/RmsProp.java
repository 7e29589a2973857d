package gd.optim;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Args;
import gd.util.Format;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop: each coordinate's step is divided by a running root-mean-square of its recent gradients,
 * exactly as {@code torch.optim.RMSprop}.
 *
 * <p>One step for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 (weight decay)
 * s ← α·s + (1 − α)·g²                     (s starts at 0)
 * if centered:
 *     ḡ ← ḡ + (1 − α)·(g − ḡ)              (running mean of g, starts at 0)
 *     d ← √(s − ḡ²) + ε
 * else:
 *     d ← √s + ε
 * if μ &gt; 0:
 *     b ← μ·b + g / d                      (b starts at 0)
 *     θ ← θ − η·b
 * else:
 *     θ ← θ − η·g / d
 * </pre>
 * Defaults: η = 0.01, α = 0.99, ε = 1e-8, λ = 0, μ = 0, centered off.
 * Geoffrey Hinton, <a href="https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf">Neural
 * Networks for Machine Learning, lecture 6e (2012)</a>; the centered version is Graves,
 * <a href="https://arxiv.org/abs/1308.0850">Generating Sequences With Recurrent Neural Networks (2013)</a>.
 * PyTorch's variant adds ε outside the square root and applies momentum to the scaled gradient g / d.
 *
 * <p>Running averages below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}),
 * which changes them by less than 2.3e-308.
 * <pre>{@code
 * var opt = RmsProp.of(model.parameters()).lr(0.01).momentum(0.9);
 * }</pre>
 */
public final class RmsProp extends AdaptiveOptimizer<RmsProp> implements HasMomentum {
    private double alpha = 0.99;
    private double momentum = 0;
    private boolean centered = false;
    private final Map<Parameter, State> state = new IdentityHashMap<>();

    private static final class State {
        int step;
        final Matrix squareAvg;
        Matrix momentumBuffer;
        Matrix gradAvg;

        State(Matrix squareAvg) {
            this.squareAvg = squareAvg;
        }
    }

    private RmsProp(List<Parameter> params) {
        super(params, 0.01, 0, 1e-8);
    }

    /** RMSprop with torch's defaults (η = 0.01, α = 0.99) on {@code params}, which become parameter group 0. */
    public static RmsProp of(List<Parameter> params) {
        return new RmsProp(params);
    }

    /** The smoothing constant α. */
    public double alpha() {
        return alpha;
    }

    /** Sets the smoothing constant α ∈ [0, 1] of the running averages. */
    public RmsProp alpha(double alpha) {
        this.alpha = Args.inRange("RmsProp.alpha", alpha, 0, 1);
        return this;
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** Sets the momentum μ ∈ [0, 1) (0 turns momentum off). */
    public RmsProp momentum(double momentum) {
        this.momentum = Args.inUnitInterval("RmsProp.momentum", momentum);
        return this;
    }

    /** Whether the gradient's running mean is subtracted (centered RMSprop). */
    public boolean centered() {
        return centered;
    }

    /** Turns centering on or off: divide by an estimate of the standard deviation instead of the RMS. */
    public RmsProp centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    /** The momentum μ (what {@code OneCycleLR} cycles). */
    @Override
    public double momentumOrBeta1() {
        return momentum;
    }

    /** Sets the momentum μ, as {@link #momentum(double)}. */
    @Override
    public void momentumOrBeta1(double value) {
        momentum(value);
    }

    @Override
    protected void update(Parameter p, double lr) {
        double weightDecay = weightDecay();
        double eps = eps();
        Matrix theta = p.value();
        Matrix grad = p.grad();
        State s = state.computeIfAbsent(p, key -> new State(Matrix.zeros(theta.rows(), theta.cols())));
        if (momentum > 0 && s.momentumBuffer == null) {
            s.momentumBuffer = Matrix.zeros(theta.rows(), theta.cols());
        }
        if (centered && s.gradAvg == null) {
            s.gradAvg = Matrix.zeros(theta.rows(), theta.cols());
        }
        s.step++;
        double oneMinusAlpha = 1 - alpha;
        boolean sweep = sweepsSubnormals();
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                double[] sq = s.squareAvg.row(i);
                double[] mean = centered ? s.gradAvg.row(i) : null;
                double[] b = momentum > 0 ? s.momentumBuffer.row(i) : null;
                for (int j = 0; j < w.length; j++) {
                    double d = weightDecay != 0 ? g[j] + weightDecay * w[j] : g[j];
                    sq[j] = sq[j] * alpha + (oneMinusAlpha * d) * d;
                    double avg;
                    if (centered) {
                        mean[j] = lerp(mean[j], d, oneMinusAlpha);
                        avg = Math.sqrt(sq[j] + (-mean[j]) * mean[j]) + eps;
                    } else {
                        avg = Math.sqrt(sq[j]) + eps;
                    }
                    if (momentum > 0) {
                        b[j] = b[j] * momentum + d / avg;
                        w[j] += -lr * b[j];
                    } else {
                        w[j] += (-lr * d) / avg;
                    }
                }
                if (sweep) {
                    flushSubnormals(sq);
                    if (centered) {
                        flushSubnormals(mean);
                    }
                    if (momentum > 0) {
                        flushSubnormals(b);
                    }
                }
            }
        });
    }

    @Override
    protected Map<String, Object> stateOf(Parameter p) {
        Map<String, Object> map = new LinkedHashMap<>();
        State s = state.get(p);
        if (s != null) {
            map.put("step", s.step);
            map.put("square_avg", s.squareAvg.copy());
            if (s.momentumBuffer != null) {
                map.put("momentum_buffer", s.momentumBuffer.copy());
            }
            if (s.gradAvg != null) {
                map.put("grad_avg", s.gradAvg.copy());
            }
        }
        return map;
    }

    @Override
    protected void restoreState(Parameter p, Map<String, Object> saved) {
        if (saved.isEmpty()) {
            state.remove(p);
            return;
        }
        State s = new State(((Matrix) required(p, saved, "square_avg")).copy());
        s.step = (Integer) required(p, saved, "step");
        s.momentumBuffer = copyOf(saved, "momentum_buffer");
        s.gradAvg = copyOf(saved, "grad_avg");
        state.put(p, s);
    }

    /**
     * The hyper-parameters, e.g.
     * {@code RmsProp(lr=0.01, alpha=0.99, eps=1e-08, weightDecay=0.0, momentum=0.0, centered=false)}.
     */
    @Override
    public String toString() {
        return "RmsProp(lr=" + lrText() + ", alpha=" + Format.repr(alpha) + ", eps=" + Format.repr(eps()) + ", weightDecay="
                + Format.repr(weightDecay()) + ", momentum=" + Format.repr(momentum) + ", centered=" + centered + ")";
    }
}
