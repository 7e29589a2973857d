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
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, exactly as
 * {@code torch.optim.SGD}.
 *
 * <p>One step, for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 (weight decay)
 * if μ ≠ 0:
 *     v ← g                                at the first step (no dampening)
 *     v ← μ·v + (1 − τ)·g                  afterwards (τ = dampening)
 *     g ← g + μ·v                          if nesterov
 *     g ← v                                otherwise
 * θ ← θ − η·g
 * </pre>
 * Defaults: η = 0.001, μ = 0, τ = 0, λ = 0, nesterov off. Nesterov momentum requires μ &gt; 0 and τ = 0.
 *
 * <p>PyTorch's variant, which this is: v ← μ·v + g, θ ← θ − η·v, with η <em>outside</em> the velocity.
 * Sutskever et al. write v ← μ·v − η·g, θ ← θ + v (η inside); the two agree while η is constant and differ
 * after η changes. Momentum and Nesterov momentum as in
 * <a href="https://proceedings.mlr.press/v28/sutskever13.html">Sutskever, Martens, Dahl &amp; Hinton,
 * On the importance of initialization and momentum in deep learning (2013)</a>.
 *
 * <p>Velocity values below {@link Double#MIN_NORMAL} are flushed to zero (see {@link BaseOptimizer#flushSubnormals}):
 * a parameter changes by at most η·2.3e-308 from this.
 * <pre>{@code
 * var opt = Sgd.of(model.parameters()).lr(0.1).momentum(0.9).nesterov(true);
 * }</pre>
 */
public final class Sgd extends BaseOptimizer<Sgd> implements HasMomentum {
    private double momentum = 0;
    private double dampening = 0;
    private boolean nesterov = false;
    private final Map<Parameter, Matrix> momentumBuffer = new IdentityHashMap<>();

    private Sgd(List<Parameter> params) {
        super(params, 0.001, 0);
    }

    /** Plain SGD (η = 0.001) on {@code params}, which become parameter group 0. */
    public static Sgd of(List<Parameter> params) {
        return new Sgd(params);
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /**
     * Sets the momentum μ ∈ [0, 1) (0 turns momentum off; at 1 or more the velocity never forgets and grows);
     * Nesterov momentum needs μ &gt; 0.
     */
    public Sgd momentum(double momentum) {
        Args.inUnitInterval("Sgd.momentum", momentum);
        if (nesterov && momentum == 0) {
            throw nesterovError(momentum, dampening);
        }
        this.momentum = momentum;
        return this;
    }

    /** The dampening τ. */
    public double dampening() {
        return dampening;
    }

    /** Sets the dampening τ ∈ [0, 1]: the velocity adds (1 − τ)·g instead of g. Nesterov momentum needs τ = 0. */
    public Sgd dampening(double dampening) {
        Args.inRange("Sgd.dampening", dampening, 0, 1);
        if (nesterov && dampening != 0) {
            throw nesterovError(momentum, dampening);
        }
        this.dampening = dampening;
        return this;
    }

    /** Whether Nesterov momentum is on. */
    public boolean nesterov() {
        return nesterov;
    }

    /** Turns Nesterov momentum on or off; on requires momentum &gt; 0 and dampening = 0, so set momentum first. */
    public Sgd nesterov(boolean nesterov) {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw nesterovError(momentum, dampening);
        }
        this.nesterov = nesterov;
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
        Matrix theta = p.value();
        Matrix grad = p.grad();
        boolean first = momentum != 0 && !momentumBuffer.containsKey(p);
        Matrix buffer = momentum == 0 ? null
                : momentumBuffer.computeIfAbsent(p, key -> Matrix.zeros(theta.rows(), theta.cols()));
        boolean sweep = sweepsSubnormals();
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                if (buffer == null) {
                    for (int j = 0; j < w.length; j++) {
                        double d = weightDecay != 0 ? g[j] + weightDecay * w[j] : g[j];
                        w[j] += -lr * d;
                    }
                    continue;
                }
                double[] v = buffer.row(i);
                for (int j = 0; j < w.length; j++) {
                    double d = weightDecay != 0 ? g[j] + weightDecay * w[j] : g[j];
                    v[j] = first ? d : v[j] * momentum + (1 - dampening) * d;
                    d = nesterov ? d + momentum * v[j] : v[j];
                    w[j] += -lr * d;
                }
                if (sweep) {
                    flushSubnormals(v);
                }
            }
        });
    }

    @Override
    protected Map<String, Object> stateOf(Parameter p) {
        Map<String, Object> state = new LinkedHashMap<>();
        Matrix buffer = momentumBuffer.get(p);
        if (buffer != null) {
            state.put("momentum_buffer", buffer.copy());
        }
        return state;
    }

    @Override
    protected void restoreState(Parameter p, Map<String, Object> saved) {
        Matrix buffer = copyOf(saved, "momentum_buffer");
        if (buffer == null) {
            momentumBuffer.remove(p);
        } else {
            momentumBuffer.put(p, buffer);
        }
    }

    /** The hyper-parameters, e.g. {@code Sgd(lr=0.1, momentum=0.9, dampening=0.0, weightDecay=0.0, nesterov=true)}. */
    @Override
    public String toString() {
        return "Sgd(lr=" + lrText() + ", momentum=" + Format.repr(momentum) + ", dampening=" + Format.repr(dampening)
                + ", weightDecay=" + Format.repr(weightDecay()) + ", nesterov=" + nesterov + ")";
    }

    private static IllegalArgumentException nesterovError(double momentum, double dampening) {
        return new IllegalArgumentException("Sgd.nesterov: Nesterov momentum requires a momentum and zero dampening,"
                + " got momentum=" + Format.repr(momentum) + ", dampening=" + Format.repr(dampening));
    }
}
