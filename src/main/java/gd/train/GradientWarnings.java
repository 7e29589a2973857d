package gd.train;

import gd.nn.Parameter;
import gd.util.Format;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the health check that reads the detailed statistics (see {@link HealthMonitor} for the rules and
 * their thresholds): vanishing gradients in the first layers, gradients that are exactly zero, and update ratios
 * far from the rule of thumb. A rule fires when its condition has held in {@link HealthMonitor#PERSISTENCE}
 * statistics records in a row, once per parameter and run; the warning goes into the History and is printed.
 *
 * <p>Everything is read from the History being recorded, so a resumed run (whose recorder continues the saved
 * History) warns exactly as the run that never stopped: the records restored from the checkpoint are read again,
 * silently, before the new ones.
 */
final class GradientWarnings {
    private static final int VANISHING = 0;
    private static final int ZERO = 1;
    private static final int LARGE = 2;
    private static final int SMALL = 3;

    private final List<String> names;
    private final boolean[] weightMatrix;
    private final int first;
    private final int last;
    private final PrintStream out;
    /** For each rule and parameter: how many records in a row met the condition, and whether it fired. */
    private final int[][] run;
    private final boolean[][] fired;
    private int examined;
    private int lrSeen;
    private double maxLr = Double.NEGATIVE_INFINITY;

    GradientWarnings(List<Parameter> params, PrintStream out) {
        int n = params.size();
        this.names = new ArrayList<>();
        this.weightMatrix = new boolean[n];
        int firstWeight = -1;
        int lastWeight = -1;
        for (int p = 0; p < n; p++) {
            weightMatrix[p] = params.get(p).value().rows() > 1 && params.get(p).value().cols() > 1;
            if (weightMatrix[p]) {
                firstWeight = firstWeight < 0 ? p : firstWeight;
                lastWeight = p;
            }
        }
        this.first = firstWeight;
        this.last = firstWeight == lastWeight ? -1 : lastWeight;
        this.out = out;
        this.run = new int[4][n];
        this.fired = new boolean[4][n];
    }

    /** After step {@code step}: reads the statistics records not read yet and warns about the one of this step. */
    void examine(HistoryRecorder recorder, int step) {
        if (names.isEmpty()) {
            names.addAll(recorder.parameterNames());
        }
        for (; examined < recorder.statsCount(); examined++) {
            int k = examined;
            int at = recorder.statsStepAt(k);
            boolean now = at == step;
            double lr = lrAt(recorder, at);
            List<Integer> zero = new ArrayList<>();
            List<Integer> large = new ArrayList<>();
            List<Integer> small = new ArrayList<>();
            boolean vanishing = last >= 0 && !recorder.gradZeroAt(first, k) && recorder.gradNormAt(first, k)
                    < HealthMonitor.VANISHING_RATIO * recorder.gradNormAt(last, k);
            if (persists(VANISHING, 0, vanishing) && now) {
                warn(recorder, at, vanishing(recorder, k));
            }
            boolean annealed = lr < HealthMonitor.ANNEALED * maxLr;
            for (int p = 0; p < weightMatrix.length; p++) {
                boolean isZero = recorder.gradZeroAt(p, k);
                double ratio = recorder.updateRatioAt(p, k);
                if (persists(ZERO, p, isZero)) {
                    zero.add(p);
                }
                if (persists(LARGE, p, weightMatrix[p] && ratio > HealthMonitor.LARGE_UPDATE_RATIO)) {
                    large.add(p);
                }
                boolean converged = recorder.gradNormAt(p, k) < HealthMonitor.CONVERGED * recorder.gradNormAt(p, 0);
                if (persists(SMALL, p, weightMatrix[p] && !isZero && !annealed && !converged && !vanishing && ratio > 0
                        && ratio < HealthMonitor.SMALL_UPDATE_RATIO)) {
                    small.add(p);
                }
            }
            if (now && !zero.isEmpty()) {
                warn(recorder, at, zero(zero));
            }
            if (now && !large.isEmpty()) {
                warn(recorder, at, ratio(recorder, k, large, "above", HealthMonitor.LARGE_UPDATE_RATIO, lr,
                        "each step rewrites a large part of the weights", "large"));
            }
            if (now && !small.isEmpty()) {
                warn(recorder, at, ratio(recorder, k, small, "below", HealthMonitor.SMALL_UPDATE_RATIO, lr,
                        "the weights hardly move", "small"));
            }
        }
    }

    /** Counts the records in a row that met {@code condition}; true the one time the count reaches the persistence. */
    private boolean persists(int rule, int p, boolean condition) {
        run[rule][p] = condition ? run[rule][p] + 1 : 0;
        if (run[rule][p] >= HealthMonitor.PERSISTENCE && !fired[rule][p]) {
            fired[rule][p] = true;
            return true;
        }
        return false;
    }

    /** The learning rate of step {@code step}, after taking the steps up to it into the largest so far. */
    private double lrAt(HistoryRecorder recorder, int step) {
        for (; lrSeen <= step; lrSeen++) {
            double lr = recorder.lrAt(lrSeen);
            if (lr > maxLr) {
                maxLr = lr;
            }
        }
        return recorder.lrAt(step);
    }

    private String vanishing(HistoryRecorder recorder, int k) {
        return "the gradients vanish on their way back: the gradient norm of " + names.get(first) + " has been below "
                + Format.repr(HealthMonitor.VANISHING_RATIO) + " × that of " + names.get(last) + " in "
                + HealthMonitor.PERSISTENCE + " statistics records in a row (now " + Format.number(
                recorder.gradNormAt(first, k)) + " against " + Format.number(recorder.gradNormAt(last, k)) + "),"
                + " so the first layers hardly learn; try ReLU instead of sigmoid or tanh, He or Xavier"
                + " initialisation, batch normalisation, or residual connections";
    }

    private String zero(List<Integer> params) {
        return "the gradient of " + list(params) + " has been exactly zero in " + HealthMonitor.PERSISTENCE
                + " statistics records in a row: no example sends any gradient there, so those weights do not learn"
                + " (ReLUs that output 0 for every example, a dead layer?); try a smaller learning rate, He"
                + " initialisation, or LeakyReLU";
    }

    private String ratio(HistoryRecorder recorder, int k, List<Integer> params, String side, double threshold,
            double lr, String meaning, String size) {
        return "the update-to-weight ratio of " + list(params) + " has been " + side + " " + Format.repr(threshold)
                + " in " + HealthMonitor.PERSISTENCE + " statistics records in a row (now " + ratios(recorder, params, k)
                + "; about 1e-3 is healthy): " + meaning + "; the learning rate" + learningRate(lr) + " is probably too "
                + size;
    }

    private void warn(HistoryRecorder recorder, int step, String what) {
        String warning = "Warning: at step " + step + " " + what + ".";
        recorder.warn(warning);
        out.println(warning);
    }

    private String list(List<Integer> params) {
        List<String> s = new ArrayList<>();
        for (int p : params) {
            s.add(names.get(p));
        }
        return String.join(", ", s);
    }

    private static String ratios(HistoryRecorder recorder, List<Integer> params, int k) {
        List<String> s = new ArrayList<>();
        for (int p : params) {
            s.add(Format.number(recorder.updateRatioAt(p, k)));
        }
        return String.join(", ", s);
    }

    private static String learningRate(double lr) {
        return Double.isNaN(lr) ? "" : " " + Format.repr(lr);
    }
}
