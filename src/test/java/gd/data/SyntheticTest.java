package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    /** Least squares [w; b] for y ≈ x·w + b, through the normal equations (AᵀA) β = Aᵀy with A = [x, 1]. */
    private static Matrix leastSquares(Dataset data) {
        Matrix a = Matrix.fromFunction(data.size(), data.featureCount() + 1,
                (i, j) -> j < data.featureCount() ? data.x().get(i, j) : 1.0);
        return a.transposeTimes(a).solve(a.transposeTimes(data.y()));
    }

    @Test
    void linearDataRecoversItsWeightsByLeastSquares() {
        double[] w = {2, -3.4, 0.5};
        var truth = Synthetic.linear(2000, w, 4.2, 0.1, Rng.seed(11));
        assertEquals("2000×3", truth.data().x().shape());
        assertEquals("2000×1", truth.data().y().shape());
        assertEquals(Matrix.columnVector(w), truth.weights());
        assertEquals(4.2, truth.bias());
        Matrix beta = leastSquares(truth.data());
        // standard error of each coefficient ≈ σ/√n ≈ 0.0022; allow about seven of them
        for (int j = 0; j < 3; j++) {
            assertEquals(w[j], beta.get(j, 0), 0.015, "weight " + j);
        }
        assertEquals(4.2, beta.get(3, 0), 0.015, "bias");
        assertEquals("LinearData(2000 examples, weights=[2.0, -3.4, 0.5], bias=4.2, noise=0.1)", truth.toString());
    }

    @Test
    void noiselessLinearDataIsExact() {
        var truth = Synthetic.linear(50, new double[] {1.5, -2}, 0.25, 0, Rng.seed(2));
        Matrix beta = leastSquares(truth.data());
        assertTrue(beta.approxEquals(Matrix.columnVector(1.5, -2, 0.25), 1e-10), beta.toString());
        var noisy = Synthetic.linear(50, new double[] {1.5, -2}, 0.25, 0.3, Rng.seed(2));
        assertEquals(truth.data().x(), noisy.data().x(), "same seed, same features whatever the noise");
    }

    @Test
    void badlyScaledFeaturesHaveTheirRangesAndTruth() {
        var truth = Synthetic.badlyScaled(1000, 0.05, Rng.seed(5));
        Matrix x1 = Matrix.columnVector(truth.data().x().column(0));
        Matrix x2 = Matrix.columnVector(truth.data().x().column(1));
        assertTrue(x1.min() >= 0 && x1.max() < 1 && x1.max() > 0.9);
        assertTrue(x2.min() >= 0 && x2.max() < 1000 && x2.max() > 900);
        assertEquals(Matrix.columnVector(3, 0.002), truth.weights());
        Matrix beta = leastSquares(truth.data());
        assertEquals(3, beta.get(0, 0), 0.02);
        assertEquals(0.002, beta.get(1, 0), 2e-5);
        assertEquals(1, beta.get(2, 0), 0.02);
    }

    @Test
    void generatorsAreDeterministicForASeed() {
        assertEquals(Synthetic.twoMoons(100, 0.1, Rng.seed(1)), Synthetic.twoMoons(100, 0.1, Rng.seed(1)));
        assertNotEquals(Synthetic.twoMoons(100, 0.1, Rng.seed(1)), Synthetic.twoMoons(100, 0.1, Rng.seed(2)));
        assertEquals(Synthetic.spirals(90, 3, 0.05, Rng.seed(1)), Synthetic.spirals(90, 3, 0.05, Rng.seed(1)));
        assertNotEquals(Synthetic.spirals(90, 3, 0.05, Rng.seed(1)), Synthetic.spirals(90, 3, 0.05, Rng.seed(2)));
        assertEquals(Synthetic.blobs(60, 4, 1, Rng.seed(1)), Synthetic.blobs(60, 4, 1, Rng.seed(1)));
        assertEquals(Synthetic.linear(10, new double[] {1}, 0, 1, Rng.seed(3)),
                Synthetic.linear(10, new double[] {1}, 0, 1, Rng.seed(3)));
        assertEquals(Synthetic.badlyScaled(10, 1, Rng.seed(3)), Synthetic.badlyScaled(10, 1, Rng.seed(3)));
    }

    @Test
    void classificationShapesAndBalancedClasses() {
        var moons = Synthetic.twoMoons(200, 0.1, Rng.seed(1));
        assertEquals("Dataset(200 examples, 2 features, 2 classes)", moons.toString());
        assertArrayEquals(new int[] {100, 100}, moons.classCounts());
        var spirals = Synthetic.spirals(300, 3, 0.1, Rng.seed(1));
        assertEquals("Dataset(300 examples, 2 features, 3 classes)", spirals.toString());
        assertArrayEquals(new int[] {100, 100, 100}, spirals.classCounts());
        assertArrayEquals(new int[] {26, 25, 25, 25}, Synthetic.spirals(101, 4, 0.1, Rng.seed(1)).classCounts());
        var blobs = Synthetic.blobs(500, 5, 0.5, Rng.seed(1));
        assertArrayEquals(new int[] {100, 100, 100, 100, 100}, blobs.classCounts());
        assertArrayEquals(new int[] {1, 1}, Synthetic.twoMoons(20, 0, Rng.seed(1)).head(2).classCounts(),
                "classes interleave, so a head holds both");
    }

    @Test
    void noiselessMoonsLieOnTheirArcs() {
        var moons = Synthetic.twoMoons(100, 0, Rng.seed(4));
        for (int i = 0; i < moons.size(); i++) {
            double px = moons.x().get(i, 0);
            double py = moons.x().get(i, 1);
            if (moons.y().get(i, 0) == 0) {
                assertEquals(1, px * px + py * py, 1e-12);
                assertTrue(py >= 0);
            } else {
                assertEquals(1, (px - 1) * (px - 1) + (py - 0.5) * (py - 0.5), 1e-12);
                assertTrue(py <= 0.5);
            }
        }
    }

    @Test
    void noiselessSpiralsFollowTheirArms() {
        int arms = 3;
        var spirals = Synthetic.spirals(90, arms, 0, Rng.seed(6));
        for (int i = 0; i < spirals.size(); i++) {
            double px = spirals.x().get(i, 0);
            double py = spirals.x().get(i, 1);
            double r = Math.hypot(px, py);
            assertTrue(r < 1);
            double theta = 2 * Math.PI * spirals.y().get(i, 0) / arms + 4 * r;
            assertEquals(r * Math.cos(theta), px, 1e-12);
            assertEquals(r * Math.sin(theta), py, 1e-12);
        }
    }

    @Test
    void blobsAreCentredOnTheCircle() {
        var blobs = Synthetic.blobs(4000, 4, 0.5, Rng.seed(9));
        double[][] sums = new double[4][2];
        for (int i = 0; i < blobs.size(); i++) {
            int c = (int) blobs.y().get(i, 0);
            sums[c][0] += blobs.x().get(i, 0);
            sums[c][1] += blobs.x().get(i, 1);
        }
        double[][] centres = {{3, 0}, {0, 3}, {-3, 0}, {0, -3}};
        for (int c = 0; c < 4; c++) {
            // standard error of a mean of 1000 draws with std 0.5 ≈ 0.016
            assertEquals(centres[c][0], sums[c][0] / 1000, 0.08, "blob " + c + " x");
            assertEquals(centres[c][1], sums[c][1] / 1000, 0.08, "blob " + c + " y");
        }
    }

    @Test
    void errors() {
        assertEquals("Synthetic.spirals: arms must be ≥ 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> Synthetic.spirals(10, 1, 0, Rng.seed(1))).getMessage());
        assertEquals("Synthetic.blobs: n must be ≥ 5, got 3",
                assertThrows(IllegalArgumentException.class, () -> Synthetic.blobs(3, 5, 1, Rng.seed(1))).getMessage());
        assertEquals("Synthetic.twoMoons: noise must be finite and ≥ 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> Synthetic.twoMoons(10, -0.1, Rng.seed(1))).getMessage());
        assertEquals("Synthetic.linear: weights must have at least one element",
                assertThrows(IllegalArgumentException.class,
                        () -> Synthetic.linear(10, new double[0], 0, 0, Rng.seed(1))).getMessage());
        assertEquals("Synthetic.linear: rng must not be null; pass one, e.g. Rng.seed(42)",
                assertThrows(IllegalArgumentException.class,
                        () -> Synthetic.linear(10, new double[] {1}, 0, 0, null)).getMessage());
    }
}
