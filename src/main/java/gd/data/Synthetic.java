package gd.data;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.Arrays;
import java.util.Locale;

/**
 * Small synthetic datasets whose answer is known: regression data drawn from a known linear model,
 * and 2-D classification problems (two moons, spirals, blobs) to see decision boundaries. Every
 * generator draws from the {@link Rng} it is given, so the same seed gives the same data.
 *
 * <p>Classification generators give example i the class i mod k, so the classes are balanced (their
 * sizes differ by at most one) and any {@link Dataset#head head} of the data holds every class.
 */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * Data from a known linear model, returned together with the model so that a fit can be compared
     * with the truth.
     *
     * @param data the examples: features x (n × d) and targets y (n × 1)
     * @param weights the true weights w (d × 1)
     * @param bias the true bias b
     * @param noise the standard deviation σ of the noise added to each target
     */
    public record LinearData(Dataset data, Matrix weights, double bias, double noise) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "LinearData(%d examples, weights=%s, bias=%s, noise=%s)", data.size(),
                    Arrays.toString(weights.column(0)), bias, noise);
        }
    }

    /**
     * Regression data from a linear model with Gaussian noise:
     * <pre>
     *   xᵢ ~ N(0, I)  (d = weights.length features),   yᵢ = xᵢ · w + b + εᵢ,   εᵢ ~ N(0, σ²)
     * </pre>
     * The features are drawn before the noise, so the same seed with another {@code noise} gives the
     * same features.
     *
     * @param n number of examples
     * @param weights the true weights w
     * @param bias the true bias b
     * @param noise the noise standard deviation σ (0 for exact data)
     * @param rng the source of randomness
     * @return the data and the true model
     */
    public static LinearData linear(int n, double[] weights, double bias, double noise, Rng rng) {
        requireCount("linear", n, 1);
        if (weights.length == 0) {
            throw new IllegalArgumentException("Synthetic.linear: weights must have at least one element");
        }
        requireNoise("linear", "noise", noise);
        requireRng("linear", rng);
        Matrix x = Matrix.random(n, weights.length, rng, r -> r.normal());
        return linearTargets(x, weights, bias, noise, rng);
    }

    /**
     * Regression data whose two features live on very different scales, for the feature-scaling
     * lesson: gradient descent on the raw features needs a tiny step for the large feature and then
     * crawls along the small one.
     * <pre>
     *   x₁ ~ U[0, 1),   x₂ ~ U[0, 1000),   y = 3·x₁ + 0.002·x₂ + 1 + ε,   ε ~ N(0, σ²)
     * </pre>
     * Both features contribute a comparable amount to y (up to 3 and up to 2).
     *
     * @param n number of examples
     * @param noise the noise standard deviation σ
     * @param rng the source of randomness
     * @return the data and the true model (w = (3, 0.002), b = 1)
     */
    public static LinearData badlyScaled(int n, double noise, Rng rng) {
        requireCount("badlyScaled", n, 1);
        requireNoise("badlyScaled", "noise", noise);
        requireRng("badlyScaled", rng);
        Matrix x = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, rng.uniform());
            x.set(i, 1, 1000 * rng.uniform());
        }
        return linearTargets(x, new double[] {3, 0.002}, 1, noise, rng);
    }

    private static LinearData linearTargets(Matrix x, double[] weights, double bias, double noise, Rng rng) {
        Matrix y = Matrix.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            double[] row = x.row(i);
            double s = bias;
            for (int j = 0; j < weights.length; j++) {
                s += row[j] * weights[j];
            }
            y.set(i, 0, s);
        }
        if (noise > 0) {
            for (int i = 0; i < x.rows(); i++) {
                y.set(i, 0, y.get(i, 0) + noise * rng.normal());
            }
        }
        return new LinearData(new Dataset(x, y), Matrix.columnVector(weights), bias, noise);
    }

    /**
     * Two interleaving half circles, as scikit-learn's {@code make_moons}: class 0 on the upper arc,
     * class 1 on the lower one, plus Gaussian noise on both coordinates. Not linearly separable.
     * <pre>
     *   t ~ U[0, π)
     *   class 0:  (cos t, sin t)           class 1:  (1 − cos t, 1/2 − sin t)
     * </pre>
     *
     * @param n number of examples (at least 2)
     * @param noise standard deviation of the noise added to each coordinate
     * @param rng the source of randomness
     * @return n × 2 features, n × 1 class indices in {0, 1}
     */
    public static Dataset twoMoons(int n, double noise, Rng rng) {
        requireCount("twoMoons", n, 2);
        requireNoise("twoMoons", "noise", noise);
        requireRng("twoMoons", rng);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double t = Math.PI * rng.uniform();
            double px = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double py = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x.set(i, 0, px + noise * rng.normal());
            x.set(i, 1, py + noise * rng.normal());
            y.set(i, 0, c);
        }
        return new Dataset(x, y);
    }

    /**
     * {@code arms} spiral arms around the origin, one class per arm (as in CS231n's spiral example):
     * a point a fraction u along arm c has
     * <pre>
     *   u ~ U[0, 1),   r = u,   θ = 2π·c/arms + 4u,   (r cos θ, r sin θ) + Gaussian noise
     * </pre>
     * so every arm turns through 4 radians while moving out from the centre to radius 1.
     *
     * @param n number of examples (at least {@code arms})
     * @param arms number of arms = number of classes (at least 2)
     * @param noise standard deviation of the noise added to each coordinate
     * @param rng the source of randomness
     * @return n × 2 features, n × 1 class indices in 0 … arms−1
     */
    public static Dataset spirals(int n, int arms, double noise, Rng rng) {
        requireClasses("spirals", "arms", arms);
        requireCount("spirals", n, arms);
        requireNoise("spirals", "noise", noise);
        requireRng("spirals", rng);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int c = i % arms;
            double u = rng.uniform();
            double theta = 2 * Math.PI * c / arms + 4 * u;
            x.set(i, 0, u * Math.cos(theta) + noise * rng.normal());
            x.set(i, 1, u * Math.sin(theta) + noise * rng.normal());
            y.set(i, 0, c);
        }
        return new Dataset(x, y);
    }

    /**
     * Gaussian blobs: class c is a round cloud of standard deviation {@code std} around a centre on
     * the circle of radius 3,
     * <pre>
     *   centre c = 3 · (cos(2π·c/k), sin(2π·c/k)),   x ~ N(centre c, std² I)
     * </pre>
     * With std = 1 neighbouring blobs overlap a little when k is large.
     *
     * @param n number of examples (at least {@code classes})
     * @param classes number of blobs k (at least 2)
     * @param std standard deviation of each blob
     * @param rng the source of randomness
     * @return n × 2 features, n × 1 class indices in 0 … k−1
     */
    public static Dataset blobs(int n, int classes, double std, Rng rng) {
        requireClasses("blobs", "classes", classes);
        requireCount("blobs", n, classes);
        requireNoise("blobs", "std", std);
        requireRng("blobs", rng);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            double angle = 2 * Math.PI * c / classes;
            x.set(i, 0, 3 * Math.cos(angle) + std * rng.normal());
            x.set(i, 1, 3 * Math.sin(angle) + std * rng.normal());
            y.set(i, 0, c);
        }
        return new Dataset(x, y);
    }

    private static void requireCount(String operation, int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException("Synthetic." + operation + ": n must be ≥ " + min + ", got " + n);
        }
    }

    private static void requireClasses(String operation, String name, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("Synthetic." + operation + ": " + name + " must be ≥ 2, got " + k);
        }
    }

    private static void requireNoise(String operation, String name, double noise) {
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("Synthetic." + operation + ": " + name
                    + " must be finite and ≥ 0, got " + noise);
        }
    }

    private static void requireRng(String operation, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Synthetic." + operation
                    + ": rng must not be null; pass one, e.g. Rng.seed(42)");
        }
    }
}
