package gd.nn;

/**
 * The activation that follows a layer, for the gain of an initialisation ({@link Init#kaimingNormal(double,
 * gd.matrix.Rng)}, {@link Init#xavierUniform(double, gd.matrix.Rng)}), with torch's
 * {@code calculate_gain} values. The gain compensates for how much the activation shrinks the variance
 * of its input, so that activations keep their scale from layer to layer.
 * <pre>{@code
 * Init.kaimingNormal(Nonlinearity.TANH.gain(), rng)
 * Init.kaimingNormal(Nonlinearity.LEAKY_RELU.gain(0.2), rng)
 * }</pre>
 */
public enum Nonlinearity {
    /** No activation: gain 1. */
    LINEAR,
    /** Sigmoid: gain 1. */
    SIGMOID,
    /** Tanh: gain 5/3. */
    TANH,
    /** ReLU: gain √2 (ReLU zeroes half of a symmetric input, halving its second moment). */
    RELU,
    /** Leaky ReLU with negative slope a: gain √(2 / (1 + a²)); a = 0.01 unless given. */
    LEAKY_RELU,
    /** SELU: gain 3/4. */
    SELU;

    /** The gain, with torch's default negative slope 0.01 for {@link #LEAKY_RELU}. */
    public double gain() {
        return this == LEAKY_RELU ? gain(0.01) : gainOf(this);
    }

    /** The gain of {@link #LEAKY_RELU} with the given negative slope: √(2 / (1 + a²)). */
    public double gain(double negativeSlope) {
        if (this != LEAKY_RELU) {
            throw new IllegalArgumentException("Nonlinearity.gain(negativeSlope) applies to LEAKY_RELU only, not "
                    + this + "; call gain()");
        }
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("Nonlinearity.LEAKY_RELU negativeSlope must be finite, got "
                    + negativeSlope);
        }
        return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
    }

    private static double gainOf(Nonlinearity n) {
        switch (n) {
            case TANH:
                return 5.0 / 3;
            case RELU:
                return Math.sqrt(2.0);
            case SELU:
                return 3.0 / 4;
            default:
                return 1;
        }
    }
}
