package gd.nn;

import gd.matrix.Matrix;

/**
 * A trainable matrix and its gradient. Backward passes add into {@link #grad()}; {@link #zeroGrad()}
 * clears it before the next batch; optimizers update {@link #value()} in place.
 */
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix grad;
    /** How many times the gradient was zeroed, shared with the same parameter under other names. */
    private final long[] zeroings;

    /** A parameter holding {@code value} itself (not a copy), with a zero gradient of the same shape. */
    public Parameter(String name, Matrix value) {
        this(name, value, Matrix.zeros(value.rows(), value.cols()), new long[1]);
    }

    /** The name, e.g. {@code "0.weight"} for the weight of a model's first layer. */
    public String name() {
        return name;
    }

    /** The current value; optimizers change it in place. */
    public Matrix value() {
        return value;
    }

    /** The gradient of the loss with respect to {@link #value()}, accumulated since the last {@link #zeroGrad()}. */
    public Matrix grad() {
        return grad;
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        grad.zeroInPlace();
        zeroings[0]++;
    }

    /** How many times {@link #zeroGrad()} was called, under any of this parameter's names. */
    long zeroings() {
        return zeroings[0];
    }

    /** Number of scalar values. */
    public int size() {
        return value.size();
    }

    /** The same parameter under a prefixed name, as a container reports its children's parameters. */
    Parameter named(String prefix) {
        return new Parameter(prefix + name, value, grad, zeroings);
    }

    private Parameter(String name, Matrix value, Matrix grad, long[] zeroings) {
        this.name = name;
        this.value = value;
        this.grad = grad;
        this.zeroings = zeroings;
    }

    @Override
    public String toString() {
        return "Parameter " + name + " " + value.shape();
    }
}
