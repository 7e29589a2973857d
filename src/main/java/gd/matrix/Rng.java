package gd.matrix;

import gd.util.Args;
import gd.util.Format;
import java.util.random.RandomGenerator;

/**
 * The one source of randomness in the library: a seeded generator that every random choice
 * (initial weights, shuffling, dropout masks, synthetic data) takes explicitly.
 *
 * <p>The same seed gives the same sequence on every machine and every run. Independent streams for
 * independent uses come from {@link #split()}, so that adding a dropout layer does not change the
 * initial weights of the layers before it:
 * <pre>{@code
 * var rng = Rng.seed(42);
 * var model = Sequential.of(Dense.of(784, 256, rng.split()), ...);
 * var trainer = Trainer.of(...).shuffle(rng.split());
 * }</pre>
 * Not thread-safe: give each thread its own {@code split()}.
 *
 * <p>The algorithm is SplitMix64 (Steele, Lea &amp; Flood, <a href="https://doi.org/10.1145/2714064.2660195">Fast
 * splittable pseudorandom number generators, 2014</a>), written out here exactly as
 * {@link java.util.SplittableRandom} runs it on JDK 17, so that every seed gives the numbers it always gave. Its
 * whole state is two numbers, the seed s and the odd gamma γ of the stream, which {@link #state()} reads and
 * {@link #restore(State)} puts back: a resumed run draws the numbers the uninterrupted run would have drawn.
 * <pre>
 * next 64 bits:  s ← s + γ;  mix64(s)                          (a bijective scrambling of s)
 * next 32 bits:  s ← s + γ;  mix32(s)
 * split:         a generator with seed = next 64 bits, γ = mixGamma(s ← s + γ)
 * uniform:       the top 53 of 64 bits · 2⁻⁵³                   in [0, 1)
 * nextInt(n):    32 bits reduced mod n, redrawing the few values that would favour small results
 * normal:        the JDK's ziggurat (RandomGenerator.nextGaussian), run on these 64-bit draws
 * </pre>
 */
public final class Rng {
    /** The gamma of a generator made from a seed: the odd integer nearest 2⁶⁴/φ (φ the golden ratio). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** The seed the first generator of this family was made from (shown by {@link #toString()}). */
    private final long origin;
    private long seed;
    private long gamma;
    /** The JDK's Gaussian algorithm, which draws from this generator's {@link #nextLong()}. */
    private final RandomGenerator bits = this::nextLong;

    /**
     * The complete state of a generator, as plain data: SplittableRandom's two fields.
     *
     * @param seed the seed s, advanced by γ before every draw
     * @param gamma the odd increment γ of this stream
     */
    public record State(long seed, long gamma) {
    }

    private Rng(long origin, long seed, long gamma) {
        this.origin = origin;
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public static Rng seed(long seed) {
        return new Rng(seed, seed, GOLDEN_GAMMA);
    }

    /** A new, statistically independent generator; this one advances by two steps. */
    public Rng split() {
        long childSeed = nextLong();
        return new Rng(origin, childSeed, mixGamma(nextSeed()));
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return nextDouble();
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        if (!(low < high && high - low < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Rng.uniform: needs low < high with a finite difference, got low="
                    + Format.repr(low) + ", high=" + Format.repr(high));
        }
        double r = nextDouble() * (high - low) + low;
        return r < high ? r : Math.nextAfter(high, low);   // rounding can reach high
    }

    /** Standard normal N(0, 1). */
    public double normal() {
        return bits.nextGaussian();
    }

    /** Normal with the given mean and standard deviation. */
    public double normal(double mean, double std) {
        return mean + std * bits.nextGaussian();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        Args.positive("Rng.nextInt: bound", bound);
        int m = bound - 1;
        int r = nextInt();
        if ((bound & m) == 0) {
            return r & m;   // a power of two: the low bits are uniform
        }
        // u ∈ [0, 2³¹); reject the last, incomplete run of bound values, detected by int overflow
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // draw again
        }
        return r;
    }

    /** {@code true} with probability {@code p}. */
    public boolean bernoulli(double p) {
        return nextDouble() < p;
    }

    /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order);
        return order;
    }

    /** Shuffles {@code values} in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The current state, to {@link #restore(State) restore} later (in this or another generator). */
    public State state() {
        return new State(seed, gamma);
    }

    /** Puts back a state from {@link #state()}: the next draws are the ones that followed it. */
    public void restore(State state) {
        if (state == null || (state.gamma() & 1) == 0) {
            throw new IllegalArgumentException("Rng.restore: expected a state from Rng.state(), whose gamma is odd,"
                    + " got " + state);
        }
        this.seed = state.seed();
        this.gamma = state.gamma();
    }

    /** For example {@code Rng(seed=42)}: the seed its family of generators started from. */
    @Override
    public String toString() {
        return "Rng(seed=" + origin + ")";
    }

    // ---------------------------------------------------------------- SplitMix64, as java.util.SplittableRandom

    private long nextSeed() {
        return seed += gamma;
    }

    private long nextLong() {
        return mix64(nextSeed());
    }

    private int nextInt() {
        return mix32(nextSeed());
    }

    private double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Stafford's "variant 13" of the MurmurHash3 finalizer: every bit of z affects every bit of the result. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The upper 32 bits of Stafford's "variant 4". */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma from z (MurmurHash3's finalizer), with enough bit transitions to scramble well. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
