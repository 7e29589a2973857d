package gd.nn;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.List;

/**
 * A fully connected (affine) layer, torch's {@code nn.Linear}: every output is a weighted sum of all
 * inputs plus a bias.
 * <pre>
 * forward:   y = x·W + b                 x: n×in, W: in×out, b: 1×out (added to every row), y: n×out
 * backward:  ∂L/∂W += xᵀ·∂L/∂y           in×out
 *            ∂L/∂b += Σᵢ (∂L/∂y)ᵢ        1×out, the column sums
 *            ∂L/∂x  = ∂L/∂y·Wᵀ           n×in
 * </pre>
 * W is stored in × out, the natural layout for a batch with one example per row. torch stores the same
 * weights transposed, out × in, and computes x·Wᵀ + b: to load torch weights, pass {@code W.t()}.
 *
 * <p>The default initialisation is torch's: W and b ~ U(−1/√in, 1/√in), drawn from the given {@link Rng}.
 * Other rules come from {@link Init}:
 * <pre>{@code
 * var layer = Dense.of(784, 256, rng);                                   // torch's default
 * var relu  = Dense.of(784, 256, Init.kaimingNormal(rng), Init.zeros()); // He initialisation for ReLU
 * }</pre>
 * Linear, logistic and softmax regression are each one Dense layer with the right loss:
 * <pre>{@code
 * Dense.of(d, 1, rng) + Loss.mse()                 linear regression
 * Dense.of(d, 1, rng) + Loss.binaryCrossEntropy()  logistic regression (the output is a logit)
 * Dense.of(d, k, rng) + Loss.crossEntropy()        softmax regression over k classes
 * }</pre>
 * Parameters: {@code weight} (in×out) and {@code bias} (1×out).
 */
public final class Dense implements Layer {
    /** Whether backward has used the last forward pass, and how often the gradients were zeroed by then. */
    private boolean spent;
    private long zeroingsAtBackward;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;
    private Matrix input;
    private int inputVersion;

    private Dense(int in, int out) {
        this.in = in;
        this.out = out;
        this.weight = new Parameter("weight", Matrix.zeros(in, out));
        this.bias = new Parameter("bias", Matrix.zeros(1, out));
        this.parameters = List.of(weight, bias);
    }

    /** A layer from {@code in} to {@code out} features with torch's default initialisation U(−1/√in, 1/√in). */
    public static Dense of(int in, int out, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Dense.of: rng is null, pass a seeded Rng");
        }
        Init init = Init.linearDefault(rng);
        return of(in, out, init, init);
    }

    /** A layer whose weight (fans in, out) and bias are initialised by the given rules, weight first. */
    public static Dense of(int in, int out, Init weightInit, Init biasInit) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense.of: in and out must be at least 1, got in=" + in
                    + ", out=" + out);
        }
        return new Dense(in, out).init(weightInit, biasInit);
    }

    /** A layer holding copies of the given in×out weight and 1×out bias (to load torch's W, pass W.t()). */
    public static Dense of(Matrix weight, Matrix bias) {
        if (weight == null || bias == null) {
            throw new IllegalArgumentException("Dense.of: weight and bias must not be null");
        }
        if (weight.rows() < 1 || weight.cols() < 1) {
            throw new IllegalArgumentException("Dense.of: weight is " + weight.shape() + ", expected in×out with "
                    + "in, out ≥ 1");
        }
        if (bias.rows() != 1 || bias.cols() != weight.cols()) {
            throw new IllegalArgumentException("Dense.of: bias is " + bias.shape() + ", expected 1×" + weight.cols()
                    + " for a " + weight.shape() + " weight");
        }
        Dense d = new Dense(weight.rows(), weight.cols());
        d.weight.value().copyFrom(weight);
        d.bias.value().copyFrom(bias);
        return d;
    }

    /** Re-initialises the weight, then the bias, in place (fan-in = in, fan-out = out); returns this layer. */
    public Dense init(Init weightInit, Init biasInit) {
        if (weightInit == null || biasInit == null) {
            throw new IllegalArgumentException(this + ".init: weightInit and biasInit must not be null");
        }
        weightInit.fill(weight.value(), in, out);
        biasInit.fill(bias.value(), in, out);
        return this;
    }

    /** Number of input features. */
    public int in() {
        return in;
    }

    /** Number of output features. */
    public int out() {
        return out;
    }

    /** The in×out weight W. */
    public Parameter weight() {
        return weight;
    }

    /** The 1×out bias b. */
    public Parameter bias() {
        return bias;
    }

    /** y = x·W + b; remembers x (not a copy) for the backward pass, which refuses it if changed in place since. */
    @Override
    public Matrix forward(Matrix x) {
        spent = false;
        LayerChecks.requireInput(this, x);
        if (x.cols() != in) {
            throw new IllegalArgumentException(this + ".forward: input has " + x.cols() + " columns, expected " + in);
        }
        input = x;
        inputVersion = input.version();
        return x.times(weight.value()).plusRowInPlace(bias.value());
    }

    /** Adds xᵀ·dy to ∂L/∂W and the column sums of dy to ∂L/∂b; returns dy·Wᵀ. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        accumulate("backward", gradOutput);
        return gradOutput.timesTranspose(weight.value());
    }

    /** Adds xᵀ·dy to ∂L/∂W and the column sums of dy to ∂L/∂b, and skips ∂L/∂x (one product fewer). */
    @Override
    public void backwardParametersOnly(Matrix gradOutput) {
        accumulate("backwardParametersOnly", gradOutput);
    }

    private void accumulate(String operation, Matrix gradOutput) {
        LayerChecks.requireForward(this, operation, input);
        LayerChecks.requireUnchanged(this, operation, "input", input, inputVersion);
        LayerChecks.requireNewBackward(this, operation, spent, weight.zeroings(), zeroingsAtBackward);
        LayerChecks.requireGradShape(this, operation, gradOutput, input.rows(), out);
        weight.grad().plusTransposeTimesInPlace(input, gradOutput);
        bias.grad().plusColumnSumsInPlace(gradOutput);
        spent = true;
        zeroingsAtBackward = weight.zeroings();
    }

    /** {@code weight} and {@code bias}, always the same list. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** For example {@code Dense(784→128)}. */
    @Override
    public String toString() {
        return "Dense(" + in + "→" + out + ")";
    }
}
