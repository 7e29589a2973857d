package gd.train;

import gd.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a run's numbers as they come, in growable arrays of primitives (no boxing per step), and copies
 * them into a {@link History} on demand.
 */
final class HistoryRecorder {
    private final List<String> metricNames;
    private final List<String> parameterNames;
    private final boolean validation;

    private final DoubleList loss = new DoubleList();
    private final DoubleList lr = new DoubleList();
    private final IntList epochOfStep = new IntList();
    private final DoubleList epochLoss = new DoubleList();
    private final DoubleList validationLoss = new DoubleList();
    private final DoubleList[] metrics;
    private final DoubleList[] validationMetrics;
    private final IntList statsSteps = new IntList();
    private final DoubleList gradNorm = new DoubleList();
    private final DoubleList[] gradNorms;
    private final DoubleList[] weightNorms;
    private final DoubleList[] updateRatios;
    private final DoubleList[] gradMins;
    private final DoubleList[] gradMaxs;
    private final DoubleList[] gradMeans;
    private final DoubleList[] gradStds;
    private final DoubleList epochSeconds = new DoubleList();
    private boolean diverged;
    private String stopReason;
    private int bestEpoch = -1;
    private final List<String> warnings = new ArrayList<>();

    /** A recorder for a run of {@code params}, named as the model names them, made unique with "#index". */
    static HistoryRecorder of(List<String> metricNames, boolean validation, List<Parameter> params) {
        List<String> names = new ArrayList<>();
        for (Parameter p : params) {
            names.add(names.contains(p.name()) ? p.name() + "#" + names.size() : p.name());
        }
        return new HistoryRecorder(metricNames, validation, names);
    }

    HistoryRecorder(List<String> metricNames, boolean validation, List<String> parameterNames) {
        this.metricNames = metricNames;
        this.parameterNames = parameterNames;
        this.validation = validation;
        this.metrics = lists(metricNames.size());
        this.validationMetrics = lists(metricNames.size());
        this.gradNorms = lists(parameterNames.size());
        this.weightNorms = lists(parameterNames.size());
        this.updateRatios = lists(parameterNames.size());
        this.gradMins = lists(parameterNames.size());
        this.gradMaxs = lists(parameterNames.size());
        this.gradMeans = lists(parameterNames.size());
        this.gradStds = lists(parameterNames.size());
    }

    /**
     * Continues what an earlier run recorded, with the same metrics and parameters (a checkpoint's History): its
     * numbers, best epoch and warnings, not its stop reason, since the resumed run decides when it stops.
     */
    void continueFrom(History h) {
        addAll(loss, h.loss());
        addAll(lr, h.lr());
        addAll(epochOfStep, h.epochOfStep());
        addAll(epochLoss, h.epochLoss());
        addAll(validationLoss, h.validationLoss());
        for (int m = 0; m < metrics.length; m++) {
            addAll(metrics[m], h.metric(metricNames.get(m)));
            addAll(validationMetrics[m], h.validationMetric(metricNames.get(m)));
        }
        addAll(statsSteps, h.statsSteps());
        addAll(gradNorm, h.gradNorm());
        for (int p = 0; p < gradNorms.length; p++) {
            addAll(gradNorms[p], h.gradNorm(parameterNames.get(p)));
            addAll(weightNorms[p], h.weightNorm(parameterNames.get(p)));
            addAll(updateRatios[p], h.updateRatio(parameterNames.get(p)));
            History.GradStats g = h.gradStats(parameterNames.get(p));
            addAll(gradMins[p], g.min());
            addAll(gradMaxs[p], g.max());
            addAll(gradMeans[p], g.mean());
            addAll(gradStds[p], g.std());
        }
        addAll(epochSeconds, h.epochSeconds());
        bestEpoch = h.bestEpoch();
        warnings.addAll(h.warnings());
    }

    /** Whether {@code h} recorded the same metrics, with or without a validation set, and the same parameters. */
    boolean fits(History h) {
        return h.metricNames().equals(metricNames) && h.parameterNames().equals(parameterNames)
                && (h.epochs() == 0 || (h.validationLoss().length > 0) == validation);
    }

    /** What {@code h} (or this recorder, for null) records, e.g. {@code the metrics [accuracy] with a validation set}. */
    String describe(History h) {
        boolean withValidation = h == null ? validation : h.validationLoss().length > 0;
        return "the metrics " + (h == null ? metricNames : h.metricNames()) + (withValidation ? " with" : " without")
                + " a validation set";
    }

    void step(double stepLoss, double stepLr, int epoch) {
        loss.add(stepLoss);
        lr.add(stepLr);
        epochOfStep.add(epoch);
    }

    int steps() {
        return loss.size();
    }

    double lossAt(int step) {
        return loss.get(step);
    }

    double lrAt(int step) {
        return lr.get(step);
    }

    /**
     * Statistics of one step; the arrays hold one value per parameter: the gradient's norm, the weights' norm
     * and the update ratio, and {@code gradStats} the gradient's min, max, mean and std (in that order).
     */
    void stats(int step, double globalGradNorm, double[] grad, double[] weight, double[] ratio, double[][] gradStats) {
        statsSteps.add(step);
        gradNorm.add(globalGradNorm);
        for (int p = 0; p < gradNorms.length; p++) {
            gradNorms[p].add(grad[p]);
            weightNorms[p].add(weight[p]);
            updateRatios[p].add(ratio[p]);
            gradMins[p].add(gradStats[0][p]);
            gradMaxs[p].add(gradStats[1][p]);
            gradMeans[p].add(gradStats[2][p]);
            gradStds[p].add(gradStats[3][p]);
        }
    }

    /** One epoch: its mean loss and metrics, and its validation (null without a validation set, or when skipped). */
    void epoch(double meanLoss, double[] metricValues, Evaluation val, double seconds) {
        epochLoss.add(meanLoss);
        for (int m = 0; m < metrics.length; m++) {
            metrics[m].add(metricValues[m]);
        }
        if (validation) {
            validationLoss.add(val != null ? val.loss() : Double.NaN);
            for (int m = 0; m < metrics.length; m++) {
                validationMetrics[m].add(val != null ? val.metric(metricNames.get(m)) : Double.NaN);
            }
        }
        epochSeconds.add(seconds);
    }

    int epochs() {
        return epochLoss.size();
    }

    double epochLoss(int epoch) {
        return epochLoss.get(epoch);
    }

    void stop(String reason, boolean divergence) {
        this.stopReason = reason;
        this.diverged = divergence;
    }

    /** Stops with {@code reason} unless a stop reason is set already (the first one stands). */
    void stopIfRunning(String reason) {
        if (stopReason == null) {
            stop(reason, false);
        }
    }

    String stopReason() {
        return stopReason;
    }

    boolean diverged() {
        return diverged;
    }

    /** A warning of the health monitor; training goes on. */
    void warn(String warning) {
        warnings.add(warning);
    }

    /** How many steps have detailed statistics. */
    int statsCount() {
        return statsSteps.size();
    }

    /** The step of the k-th statistics record. */
    int statsStepAt(int k) {
        return statsSteps.get(k);
    }

    /** The global gradient norm of the k-th statistics record. */
    double gradNormAt(int k) {
        return gradNorm.get(k);
    }

    /** The names of the parameters, in the model's order. */
    List<String> parameterNames() {
        return parameterNames;
    }

    /** The gradient norm of parameter {@code p} in the k-th statistics record. */
    double gradNormAt(int p, int k) {
        return gradNorms[p].get(k);
    }

    /** Whether parameter {@code p}'s gradient was exactly zero in the k-th statistics record (min = max = 0). */
    boolean gradZeroAt(int p, int k) {
        return gradMins[p].get(k) == 0 && gradMaxs[p].get(k) == 0;
    }

    /** The update ratio of parameter {@code p} in the k-th statistics record. */
    double updateRatioAt(int p, int k) {
        return updateRatios[p].get(k);
    }

    void bestEpoch(int epoch) {
        this.bestEpoch = epoch;
    }

    History snapshot() {
        return new History(loss.toArray(), lr.toArray(), epochOfStep.toArray(), epochLoss.toArray(),
                validationLoss.toArray(), metricNames, arrays(metrics), arrays(validationMetrics), statsSteps.toArray(),
                gradNorm.toArray(), parameterNames, arrays(gradNorms), arrays(weightNorms), arrays(updateRatios),
                gradStats(), epochSeconds.toArray(), diverged, stopReason, bestEpoch, warnings);
    }

    private History.GradStats[] gradStats() {
        History.GradStats[] stats = new History.GradStats[gradMins.length];
        for (int p = 0; p < stats.length; p++) {
            stats[p] = new History.GradStats(gradMins[p].toArray(), gradMaxs[p].toArray(), gradMeans[p].toArray(),
                    gradStds[p].toArray());
        }
        return stats;
    }

    private static void addAll(DoubleList list, double[] values) {
        for (double x : values) {
            list.add(x);
        }
    }

    private static void addAll(IntList list, int[] values) {
        for (int x : values) {
            list.add(x);
        }
    }

    private static DoubleList[] lists(int n) {
        DoubleList[] lists = new DoubleList[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new DoubleList();
        }
        return lists;
    }

    private static double[][] arrays(DoubleList[] lists) {
        double[][] arrays = new double[lists.length][];
        for (int i = 0; i < lists.length; i++) {
            arrays[i] = lists[i].toArray();
        }
        return arrays;
    }

    /** A growable double[]. */
    static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double x) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = x;
        }

        double get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable int[]. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int x) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = x;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
