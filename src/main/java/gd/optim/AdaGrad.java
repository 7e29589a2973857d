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
 * AdaGrad: each coordinate's step is divided by the root of the sum of all its squared gradients so far,
 * exactly as {@code torch.optim.Adagrad}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 (weight decay)
 * η̃ ← η / (1 + (t − 1)·δ)                  (δ = lrDecay)
 * s ← s + g²                               (s starts at initialAccumulatorValue)
 * θ ← θ − η̃·g / (√s + ε)
 * </pre>
 * Defaults: η = 0.01, δ = 0, λ = 0, initialAccumulatorValue = 0, ε = 1e-10.
 * <a href="https://jmlr.org/papers/v12/duchi11a.html">Duchi, Hazan &amp; Singer, Adaptive Subgradient
 * Methods for Online Learning and Stochastic Optimization (2011)</a>; PyTorch's variant adds ε outside
 * the square root and the 1/(1 + (t − 1)·δ) learning-rate decay.
 * <pre>{@code
 * var opt = AdaGrad.of(model.parameters()).lr(0.5);
 * }</pre>
 */
public final class AdaGrad extends AdaptiveOptimizer<AdaGrad> {
    private double lrDecay = 0;
    private double initialAccumulatorValue = 0;
    private final Map<Parameter, State> state = new IdentityHashMap<>();

    private static final class State {
        int step;
        final Matrix sum;

        State(Matrix sum) {
            this.sum = sum;
        }
    }

    private AdaGrad(List<Parameter> params) {
        super(params, 0.01, 0, 1e-10);
    }

    /** AdaGrad with torch's defaults (η = 0.01) on {@code params}, which become parameter group 0. */
    public static AdaGrad of(List<Parameter> params) {
        return new AdaGrad(params);
    }

    /** The learning-rate decay δ. */
    public double lrDecay() {
        return lrDecay;
    }

    /** Sets the learning-rate decay δ ≥ 0: step t uses η / (1 + (t − 1)·δ). */
    public AdaGrad lrDecay(double lrDecay) {
        this.lrDecay = Args.nonNegative("AdaGrad.lrDecay", lrDecay);
        return this;
    }

    /** The value the sum of squares starts from. */
    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /** Sets the value ≥ 0 the sum of squares starts from (used at a parameter's first step). */
    public AdaGrad initialAccumulatorValue(double value) {
        this.initialAccumulatorValue = Args.nonNegative("AdaGrad.initialAccumulatorValue", value);
        return this;
    }

    @Override
    protected void update(Parameter p, double lr) {
        double weightDecay = weightDecay();
        double eps = eps();
        Matrix theta = p.value();
        Matrix grad = p.grad();
        State s = state.computeIfAbsent(p,
                key -> new State(Matrix.filled(theta.rows(), theta.cols(), initialAccumulatorValue)));
        s.step++;
        double clr = lr / (1 + (s.step - 1) * lrDecay);
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                double[] sum = s.sum.row(i);
                for (int j = 0; j < w.length; j++) {
                    double d = weightDecay != 0 ? g[j] + weightDecay * w[j] : g[j];
                    sum[j] += d * d;
                    double std = Math.sqrt(sum[j]) + eps;
                    w[j] += (-clr * d) / std;
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
            map.put("sum", s.sum.copy());
        }
        return map;
    }

    @Override
    protected void restoreState(Parameter p, Map<String, Object> saved) {
        if (saved.isEmpty()) {
            state.remove(p);
            return;
        }
        State s = new State(((Matrix) required(p, saved, "sum")).copy());
        s.step = (Integer) required(p, saved, "step");
        state.put(p, s);
    }

    /**
     * The hyper-parameters, e.g.
     * {@code AdaGrad(lr=0.01, lrDecay=0.0, weightDecay=0.0, initialAccumulatorValue=0.0, eps=1e-10)}.
     */
    @Override
    public String toString() {
        return "AdaGrad(lr=" + lrText() + ", lrDecay=" + Format.repr(lrDecay) + ", weightDecay="
                + Format.repr(weightDecay()) + ", initialAccumulatorValue=" + Format.repr(initialAccumulatorValue)
                + ", eps=" + Format.repr(eps()) + ")";
    }
}
