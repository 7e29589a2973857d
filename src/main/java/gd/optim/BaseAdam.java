package gd.optim;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import java.util.List;

/**
 * torch's Adam update, which {@link Adam} (coupled weight decay) and {@link AdamW} (decoupled weight decay)
 * share with its AMSGrad switch: in torch ≥ 2.6, {@code AdamW} is {@code Adam} with
 * {@code decoupled_weight_decay=True}.
 *
 * <p>One step t = 1, 2, ... for each parameter θ with gradient g (torch's order of operations):
 * <pre>
 * g ← g + λ·θ                              if λ ≠ 0 and coupled (Adam)
 * θ ← θ·(1 − η·λ)                          if λ ≠ 0 and decoupled (AdamW)
 * m ← m + (1 − β₁)·(g − m)                 (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                      if amsgrad
 * d ← √v / √(1 − β₂ᵗ) + ε                  (√v̂max with amsgrad)
 * θ ← θ − η / (1 − β₁ᵗ) · m / d
 * </pre>
 *
 * @param <O> the optimizer itself, so that the setters return it for chaining
 */
public abstract class BaseAdam<O extends BaseAdam<O>> extends AdamFamily<O> {
    private boolean amsgrad = false;

    /** Adam on {@code params} (group 0) with η = 0.001, the given default λ, and weight decay decoupled or not. */
    protected BaseAdam(List<Parameter> params, double weightDecay, boolean decoupledWeightDecay) {
        super(params, 0.001, weightDecay, decoupledWeightDecay);
    }

    /** Whether the AMSGrad variant is on. */
    public final boolean amsgrad() {
        return amsgrad;
    }

    /** Turns AMSGrad on or off: divide by the largest second moment seen so far. */
    public final O amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return self();
    }

    @Override
    protected final void update(Parameter p, double lr) {
        double beta1 = beta1();
        double beta2 = beta2();
        double eps = eps();
        double weightDecay = weightDecay();
        boolean amsgrad = this.amsgrad;
        boolean decaysGradient = decaysGradient();
        boolean decaysParameters = decaysParameters();
        Matrix theta = p.value();
        Matrix grad = p.grad();
        Moments s = moments(p, amsgrad);
        s.step++;
        double decay = 1 - lr * weightDecay;
        double biasCorrection1 = 1 - Math.pow(beta1, s.step);
        double biasCorrection2 = 1 - Math.pow(beta2, s.step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        boolean sweep = sweepsSubnormals();
        forRows(theta, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] w = theta.row(i);
                double[] g = grad.row(i);
                double[] m = s.m.row(i);
                double[] v = s.v.row(i);
                double[] vMax = amsgrad ? s.vMax.row(i) : null;
                for (int j = 0; j < w.length; j++) {
                    if (decaysParameters) {
                        w[j] *= decay;
                    }
                    double d = decaysGradient ? g[j] + weightDecay * w[j] : g[j];
                    m[j] = lerp(m[j], d, oneMinusBeta1);
                    v[j] = v[j] * beta2 + (oneMinusBeta2 * d) * d;
                    double denom;
                    if (amsgrad) {
                        vMax[j] = Math.max(vMax[j], v[j]);
                        denom = Math.sqrt(vMax[j]) / biasCorrection2Sqrt + eps;
                    } else {
                        denom = Math.sqrt(v[j]) / biasCorrection2Sqrt + eps;
                    }
                    w[j] += (-stepSize * m[j]) / denom;
                }
                if (sweep) {
                    flushSubnormals(m);
                    flushSubnormals(v);
                }
            }
        });
    }

    /**
     * The hyper-parameters, e.g. {@code Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, amsgrad=false)}.
     */
    @Override
    public String toString() {
        return name() + "(" + hyperParameters() + ", amsgrad=" + amsgrad + ")";
    }
}
