package gd.nn;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.util.Format;

/**
 * A rule for the initial values of a weight matrix or bias, given the layer's fan-in (inputs per output)
 * and fan-out (outputs per input). Random rules take their {@link Rng} when they are created.
 * <pre>
 * zeros, constant(c)          every value 0 or c
 * uniform(a, b)               U(a, b)
 * normal(μ, σ)                N(μ, σ²)
 * xavierUniform(gain)         U(−bound, bound), bound = gain · √(6 / (fanIn + fanOut))   Glorot &amp; Bengio 2010
 * xavierNormal(gain)          N(0, σ²),         σ     = gain · √(2 / (fanIn + fanOut))
 * kaimingUniform(gain)        U(−bound, bound), bound = gain · √(3 / fanIn)              He et al. 2015, fan_in mode
 * kaimingNormal(gain)         N(0, σ²),         σ     = gain / √fanIn
 * linearDefault               U(−1/√fanIn, 1/√fanIn)   torch's nn.Linear default for weight and bias
 * </pre>
 * Xavier keeps the variance of activations and of gradients roughly constant through layers without
 * rectifiers; Kaiming (gain √2 for ReLU by default, see {@link Nonlinearity}) does so for ReLU networks.
 * Papers: <a href="https://proceedings.mlr.press/v9/glorot10a.html">Glorot &amp; Bengio 2010</a>,
 * <a href="https://arxiv.org/abs/1502.01852">He et al. 2015</a>.
 *
 * <p>Apply to a layer when creating it, or re-initialise it later:
 * <pre>{@code
 * var dense = Dense.of(784, 256, Init.kaimingNormal(rng), Init.zeros());
 * dense.init(Init.xavierUniform(Nonlinearity.TANH.gain(), rng), Init.zeros());
 * Matrix w = Init.normal(0, 0.01, rng).matrix(784, 10);     // a bare 784×10 matrix for a hand-made model
 * }</pre>
 * Values are drawn row after row; the same seed gives the same matrix.
 */
public final class Init {
    /** Fills a matrix given the fans. */
    private interface Filler {
        void fill(Matrix m, int fanIn, int fanOut);
    }

    private final String description;
    private final Filler filler;

    private Init(String description, Filler filler) {
        this.description = description;
        this.filler = filler;
    }

    /** Overwrites every element of {@code m} (in place) for a layer with the given fan-in and fan-out. */
    public void fill(Matrix m, int fanIn, int fanOut) {
        if (m == null) {
            throw new IllegalArgumentException("Init." + description + ".fill: matrix is null");
        }
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("Init." + description + ".fill: fanIn and fanOut must be at least 1, "
                    + "got fanIn=" + fanIn + ", fanOut=" + fanOut);
        }
        filler.fill(m, fanIn, fanOut);
    }

    /** A new in × out weight matrix (one row per input, as {@link Dense} stores it): fanIn = in, fanOut = out. */
    public Matrix matrix(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Init." + description + ".matrix: shape must be at least 1×1, got "
                    + in + "×" + out);
        }
        Matrix m = Matrix.zeros(in, out);
        fill(m, in, out);
        return m;
    }

    // ---------------------------------------------------------------- constant rules

    /** Every value 0 (the usual bias initialisation). */
    public static Init zeros() {
        return constant("zeros", 0);
    }

    /** Every value {@code value}. */
    public static Init constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Init.constant: value must be finite, got " + value);
        }
        return constant("constant(" + Format.repr(value) + ")", value);
    }

    private static Init constant(String description, double value) {
        return new Init(description, (m, fanIn, fanOut) -> m.fillInPlace(value));
    }

    // ---------------------------------------------------------------- plain random rules

    /** U(a, b): uniform between a and b. */
    public static Init uniform(double a, double b, Rng rng) {
        requireRng("uniform", rng);
        if (!(Double.isFinite(a) && Double.isFinite(b) && a < b)) {
            throw new IllegalArgumentException("Init.uniform: needs finite a < b, got a=" + a + ", b=" + b);
        }
        return new Init("uniform(" + Format.repr(a) + ", " + Format.repr(b) + ")",
                (m, fanIn, fanOut) -> fillUniform(m, a, b, rng));
    }

    /** N(mean, std²): normal with the given mean and standard deviation. */
    public static Init normal(double mean, double std, Rng rng) {
        requireRng("normal", rng);
        if (!Double.isFinite(mean) || !(std >= 0 && std < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Init.normal: needs a finite mean and std ≥ 0, got mean=" + mean
                    + ", std=" + std);
        }
        return new Init("normal(" + Format.repr(mean) + ", " + Format.repr(std) + ")",
                (m, fanIn, fanOut) -> fillNormal(m, mean, std, rng));
    }

    // ---------------------------------------------------------------- scaled rules

    /** Xavier/Glorot uniform with gain 1: U(−b, b), b = √(6 / (fanIn + fanOut)). */
    public static Init xavierUniform(Rng rng) {
        return xavierUniform(1, rng);
    }

    /** Xavier/Glorot uniform: U(−b, b), b = gain · √(6 / (fanIn + fanOut)). */
    public static Init xavierUniform(double gain, Rng rng) {
        requireGain("xavierUniform", gain, rng);
        return new Init("xavierUniform(gain=" + Format.repr(gain) + ")", (m, fanIn, fanOut) -> {
            double bound = gain * Math.sqrt(6.0 / (fanIn + fanOut));
            fillUniform(m, -bound, bound, rng);
        });
    }

    /** Xavier/Glorot normal with gain 1: N(0, σ²), σ = √(2 / (fanIn + fanOut)). */
    public static Init xavierNormal(Rng rng) {
        return xavierNormal(1, rng);
    }

    /** Xavier/Glorot normal: N(0, σ²), σ = gain · √(2 / (fanIn + fanOut)). */
    public static Init xavierNormal(double gain, Rng rng) {
        requireGain("xavierNormal", gain, rng);
        return new Init("xavierNormal(gain=" + Format.repr(gain) + ")", (m, fanIn, fanOut) ->
                fillNormal(m, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)), rng));
    }

    /** Kaiming/He uniform for ReLU (gain √2): U(−b, b), b = √2 · √(3 / fanIn) = √(6 / fanIn). */
    public static Init kaimingUniform(Rng rng) {
        return kaimingUniform(Nonlinearity.RELU.gain(), rng);
    }

    /** Kaiming/He uniform for the given activation: gain = {@code nonlinearity.gain()}. */
    public static Init kaimingUniform(Nonlinearity nonlinearity, Rng rng) {
        return kaimingUniform(requireNonlinearity("kaimingUniform", nonlinearity).gain(), rng);
    }

    /** Kaiming/He uniform: U(−b, b), b = gain · √(3 / fanIn) (torch's fan_in mode). */
    public static Init kaimingUniform(double gain, Rng rng) {
        requireGain("kaimingUniform", gain, rng);
        return new Init("kaimingUniform(gain=" + Format.repr(gain) + ")", (m, fanIn, fanOut) -> {
            double bound = gain * Math.sqrt(3.0 / fanIn);
            fillUniform(m, -bound, bound, rng);
        });
    }

    /** Kaiming/He normal for ReLU (gain √2): N(0, σ²), σ = √(2 / fanIn). */
    public static Init kaimingNormal(Rng rng) {
        return kaimingNormal(Nonlinearity.RELU.gain(), rng);
    }

    /** Kaiming/He normal for the given activation: gain = {@code nonlinearity.gain()}. */
    public static Init kaimingNormal(Nonlinearity nonlinearity, Rng rng) {
        return kaimingNormal(requireNonlinearity("kaimingNormal", nonlinearity).gain(), rng);
    }

    /** Kaiming/He normal: N(0, σ²), σ = gain / √fanIn (torch's fan_in mode). */
    public static Init kaimingNormal(double gain, Rng rng) {
        requireGain("kaimingNormal", gain, rng);
        return new Init("kaimingNormal(gain=" + Format.repr(gain) + ")", (m, fanIn, fanOut) ->
                fillNormal(m, 0, gain / Math.sqrt(fanIn), rng));
    }

    /**
     * torch's {@code nn.Linear} default for both weight and bias: U(−1/√fanIn, 1/√fanIn). (torch writes it as
     * kaiming_uniform with a = √5, whose bound gain·√(3/fanIn) with gain √(2/(1+5)) is 1/√fanIn.)
     */
    public static Init linearDefault(Rng rng) {
        requireRng("linearDefault", rng);
        return new Init("linearDefault", (m, fanIn, fanOut) -> {
            double bound = 1 / Math.sqrt(fanIn);
            fillUniform(m, -bound, bound, rng);
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void fillUniform(Matrix m, double low, double high, Rng rng) {
        for (int i = 0; i < m.rows(); i++) {
            double[] r = m.row(i);
            for (int j = 0; j < r.length; j++) {
                r[j] = rng.uniform(low, high);
            }
        }
    }

    private static void fillNormal(Matrix m, double mean, double std, Rng rng) {
        for (int i = 0; i < m.rows(); i++) {
            double[] r = m.row(i);
            for (int j = 0; j < r.length; j++) {
                r[j] = rng.normal(mean, std);
            }
        }
    }

    private static void requireRng(String rule, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Init." + rule + ": rng is null, pass a seeded Rng");
        }
    }

    private static void requireGain(String rule, double gain, Rng rng) {
        requireRng(rule, rng);
        if (!(gain > 0 && gain < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Init." + rule + ": gain must be positive and finite, got " + gain);
        }
    }

    private static Nonlinearity requireNonlinearity(String rule, Nonlinearity nonlinearity) {
        if (nonlinearity == null) {
            throw new IllegalArgumentException("Init." + rule + ": nonlinearity is null");
        }
        return nonlinearity;
    }

    /** The rule and its settings, e.g. {@code kaimingNormal(gain=1.4142135623730951)}. */
    @Override
    public String toString() {
        return description;
    }
}
