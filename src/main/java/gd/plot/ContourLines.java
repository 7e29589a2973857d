package gd.plot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contour lines by marching squares: where a function sampled on a grid crosses a level, as polylines.
 *
 * <p>Each grid cell whose corners lie on both sides of the level holds one segment (two in the saddle
 * cases, decided by the cell's mean) between points interpolated linearly on its edges. Segments that share
 * an edge point are joined into polylines; {@link #trace} returns them all as one x/y array pair with NaN
 * between polylines, which a line chart draws as gaps.
 */
final class ContourLines {
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;

    /** z[i][j] is the value at (xs[j], ys[i]). */
    ContourLines(double[] xs, double[] ys, double[][] z) {
        this.xs = xs;
        this.ys = ys;
        this.z = z;
    }

    /** The polylines of {@code level} as {x[], y[]} with NaN separating them; empty arrays if there are none. */
    double[][] trace(double level) {
        int nx = xs.length;
        List<int[]> segments = new ArrayList<>();
        Map<Integer, double[]> points = new HashMap<>();
        for (int i = 0; i + 1 < ys.length; i++) {
            for (int j = 0; j + 1 < nx; j++) {
                cell(i, j, level, segments, points);
            }
        }
        return join(segments, points);
    }

    private void cell(int i, int j, double level, List<int[]> segments, Map<Integer, double[]> points) {
        double z00 = z[i][j];
        double z01 = z[i][j + 1];
        double z10 = z[i + 1][j];
        double z11 = z[i + 1][j + 1];
        if (Double.isNaN(z00 + z01 + z10 + z11)) {
            return;
        }
        int c = (z00 > level ? 1 : 0) | (z01 > level ? 2 : 0) | (z11 > level ? 4 : 0) | (z10 > level ? 8 : 0);
        if (c == 0 || c == 15) {
            return;
        }
        int nx = xs.length;
        int bottom = i * (nx - 1) + j;                   // horizontal edge from (i, j) to (i, j+1)
        int top = (i + 1) * (nx - 1) + j;
        int offset = ys.length * (nx - 1);
        int left = offset + i * nx + j;                  // vertical edge from (i, j) to (i+1, j)
        int right = offset + i * nx + j + 1;
        points.computeIfAbsent(bottom, k -> point(xs[j], ys[i], z00, xs[j + 1], ys[i], z01, level));
        points.computeIfAbsent(top, k -> point(xs[j], ys[i + 1], z10, xs[j + 1], ys[i + 1], z11, level));
        points.computeIfAbsent(left, k -> point(xs[j], ys[i], z00, xs[j], ys[i + 1], z10, level));
        points.computeIfAbsent(right, k -> point(xs[j + 1], ys[i], z01, xs[j + 1], ys[i + 1], z11, level));
        boolean centreAbove = (z00 + z01 + z10 + z11) / 4 > level;
        switch (c) {
            case 1, 14 -> segments.add(new int[] {left, bottom});
            case 2, 13 -> segments.add(new int[] {bottom, right});
            case 3, 12 -> segments.add(new int[] {left, right});
            case 4, 11 -> segments.add(new int[] {right, top});
            case 6, 9 -> segments.add(new int[] {bottom, top});
            case 7, 8 -> segments.add(new int[] {left, top});
            default -> {
                // Saddles: corners 00 and 11 above (5) or 01 and 10 (10). The centre decides which corners
                // the two segments cut off: those below it when it is above, those above it otherwise.
                if (centreAbove == (c == 5)) {
                    segments.add(new int[] {left, top});
                    segments.add(new int[] {bottom, right});
                } else {
                    segments.add(new int[] {left, bottom});
                    segments.add(new int[] {right, top});
                }
            }
        }
    }

    private static double[] point(double xa, double ya, double za, double xb, double yb, double zb, double level) {
        if (za > level == zb > level) {
            return null;
        }
        double t = (level - za) / (zb - za);
        return new double[] {xa + t * (xb - xa), ya + t * (yb - ya)};
    }

    /** Chains segments that share an edge point into polylines, written one after another with NaN between. */
    private static double[][] join(List<int[]> segments, Map<Integer, double[]> points) {
        Map<Integer, int[]> touching = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            for (int end : segments.get(s)) {
                int[] two = touching.computeIfAbsent(end, k -> new int[] {-1, -1});
                two[two[0] < 0 ? 0 : 1] = s;
            }
        }
        boolean[] used = new boolean[segments.size()];
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            if (used[s]) {
                continue;
            }
            used[s] = true;
            Deque<Integer> chain = new ArrayDeque<>();
            chain.add(segments.get(s)[0]);
            chain.add(segments.get(s)[1]);
            extend(chain, false, segments, touching, used);
            extend(chain, true, segments, touching, used);
            if (!x.isEmpty()) {
                x.add(Double.NaN);
                y.add(Double.NaN);
            }
            for (int p : chain) {
                double[] xy = points.get(p);
                x.add(xy[0]);
                y.add(xy[1]);
            }
        }
        double[][] result = new double[2][x.size()];
        for (int k = 0; k < x.size(); k++) {
            result[0][k] = x.get(k);
            result[1][k] = y.get(k);
        }
        return result;
    }

    private static void extend(Deque<Integer> chain, boolean atFront, List<int[]> segments,
                               Map<Integer, int[]> touching, boolean[] used) {
        while (true) {
            int end = atFront ? chain.peekFirst() : chain.peekLast();
            int next = -1;
            for (int s : touching.get(end)) {
                if (s >= 0 && !used[s]) {
                    next = s;
                    break;
                }
            }
            if (next < 0) {
                return;
            }
            used[next] = true;
            int[] seg = segments.get(next);
            int other = seg[0] == end ? seg[1] : seg[0];
            if (atFront) {
                chain.addFirst(other);
            } else {
                chain.addLast(other);
            }
        }
    }
}
