package gd.train;

import gd.matrix.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * The running sums of one epoch: the loss and every metric, each weighted by its batch's size, so that their
 * means are per example.
 */
final class EpochTotals {
    private final List<Metric> metrics;
    private final double[] metricSums;
    private double lossSum;
    private long lossExamples;
    private long metricExamples;

    EpochTotals(List<Metric> metrics) {
        this.metrics = metrics;
        this.metricSums = new double[metrics.size()];
    }

    /** Starts a new epoch. */
    void reset() {
        lossSum = 0;
        lossExamples = 0;
        Arrays.fill(metricSums, 0);
        metricExamples = 0;
    }

    /** Adds one batch's loss. */
    void addLoss(double loss, int examples) {
        lossSum += loss * examples;
        lossExamples += examples;
    }

    /** Adds every metric of one batch's outputs. */
    void addMetrics(Matrix output, Matrix targets) {
        for (int m = 0; m < metricSums.length; m++) {
            metricSums[m] += metrics.get(m).compute(output, targets) * output.rows();
        }
        metricExamples += output.rows();
    }

    /** The mean loss per example so far (NaN before the first batch). */
    double meanLoss() {
        return lossSum / lossExamples;
    }

    /** The mean of each metric per example so far. */
    double[] meanMetrics() {
        double[] means = new double[metricSums.length];
        for (int m = 0; m < means.length; m++) {
            means[m] = metricSums[m] / metricExamples;
        }
        return means;
    }
}
