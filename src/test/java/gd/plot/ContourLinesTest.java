package gd.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContourLinesTest {

    static double[][] grid(double[] xs, double[] ys, java.util.function.DoubleBinaryOperator f) {
        double[][] z = new double[ys.length][xs.length];
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                z[i][j] = f.applyAsDouble(xs[j], ys[i]);
            }
        }
        return z;
    }

    static int polylines(double[] x) {
        int n = x.length == 0 ? 0 : 1;
        for (double v : x) {
            n += Double.isNaN(v) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aCircleIsOneClosedPolylineOnTheLevel() {
        double[] xs = Numbers.linspace(-2, 2, 81);
        double[][] xy = new ContourLines(xs, xs, grid(xs, xs, (x, y) -> x * x + y * y)).trace(1.0);
        assertEquals(1, polylines(xy[0]));
        int n = xy[0].length;
        assertTrue(n > 50);
        assertEquals(xy[0][0], xy[0][n - 1], 1e-12, "closed");
        assertEquals(xy[1][0], xy[1][n - 1], 1e-12, "closed");
        for (int k = 0; k < n; k++) {
            assertEquals(1.0, Math.hypot(xy[0][k], xy[1][k]), 2e-3);
        }
    }

    @Test
    void twoBumpsGiveTwoPolylinesAndALevelOutsideGivesNone() {
        double[] xs = Numbers.linspace(-3, 3, 61);
        double[][] z = grid(xs, xs, (x, y) -> Math.min((x - 1.5) * (x - 1.5) + y * y, (x + 1.5) * (x + 1.5) + y * y));
        var lines = new ContourLines(xs, xs, z);
        assertEquals(2, polylines(lines.trace(0.5)[0]));
        assertEquals(0, lines.trace(-1)[0].length);
        assertEquals(0, lines.trace(100)[0].length);
    }

    @Test
    void anOpenLineCrossesTheGrid() {
        double[] xs = {0, 1, 2};
        double[][] xy = new ContourLines(xs, xs, grid(xs, xs, (x, y) -> x)).trace(0.5);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, xy[0]);
        assertEquals(3, xy[1].length);
    }

    @Test
    void saddleCellsAreSplitByTheirMean() {
        double[] xs = {0, 1};
        // corners (0,0) and (1,1) above the level, the mean 0.5 is not above: the two high corners are cut off
        double[][] z = {{1, 0}, {0, 1}};
        double[][] xy = new ContourLines(xs, xs, z).trace(0.5);
        assertEquals(2, polylines(xy[0]));
        assertArrayEquals(new double[] {0, 0.5, Double.NaN, 1, 0.5}, xy[0]);
        assertArrayEquals(new double[] {0.5, 0, Double.NaN, 0.5, 1}, xy[1]);
        double[][] high = new ContourLines(xs, xs, z).trace(0.4);   // now the mean is above: the low corners are cut off
        assertArrayEquals(new double[] {0, 0.4, Double.NaN, 0.6, 1}, high[0], 1e-12);
        assertArrayEquals(new double[] {0.6, 1, Double.NaN, 0, 0.4}, high[1], 1e-12);
    }

    @Test
    void nanCellsAreSkipped() {
        double[] xs = {0, 1, 2};
        double[][] z = grid(xs, xs, (x, y) -> x);
        z[0][0] = Double.NaN;
        double[][] xy = new ContourLines(xs, xs, z).trace(0.5);
        assertArrayEquals(new double[] {0.5, 0.5}, xy[0]);
        assertArrayEquals(new double[] {1, 2}, xy[1]);
    }
}
