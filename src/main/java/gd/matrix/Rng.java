package gd.matrix;

import java.util.SplittableRandom;

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
 */
public final class Rng {
    private final long seed;
    private final SplittableRandom random;

    private Rng(long seed, SplittableRandom random) {
        this.seed = seed;
        this.random = random;
    }

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public static Rng seed(long seed) {
        return new Rng(seed, new SplittableRandom(seed));
    }

    /** A new, statistically independent generator; this one advances by one step. */
    public Rng split() {
        SplittableRandom child = random.split();
        return new Rng(seed, child);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return random.nextDouble(low, high);
    }

    /** Standard normal N(0, 1). */
    public double normal() {
        return random.nextGaussian();
    }

    /** Normal with the given mean and standard deviation. */
    public double normal(double mean, double std) {
        return mean + std * random.nextGaussian();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** {@code true} with probability {@code p}. */
    public boolean bernoulli(double p) {
        return random.nextDouble() < p;
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
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    @Override
    public String toString() {
        return "Rng(seed=" + seed + ")";
    }
}
