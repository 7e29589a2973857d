package gd.train;

import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What one {@link Trainer#fit} recorded: the loss and learning rate of every step, the means and metrics
 * of every epoch, validation results, detailed gradient and weight statistics every few steps, and why
 * training stopped. A plain data holder: every array returned is a copy.
 *
 * <p>Steps and epochs are counted from 0 and are the indices of the arrays: {@code loss()[t]} is the loss
 * of step t, {@code epochLoss()[e]} the mean training loss of epoch e. A run that stops in the middle of an
 * epoch (maximum of steps, a callback, divergence) records that epoch with the batches it saw.
 * <pre>{@code
 * var history = trainer.fit(train);
 * history.epochLoss();            // mean training loss per epoch
 * history.validationMetric("accuracy");
 * history.gradStats("0.weight");  // min, max, mean and std of a gradient, every statsEvery steps
 * history.table();                // the per-epoch numbers as a Tablesaw Table
 * System.out.println(history);    // summary and a per-epoch table
 * }</pre>
 * {@link #equals} compares everything except the wall-clock times, so two runs with the same seed are equal.
 */
public final class History {
    private final double[] loss;
    private final double[] lr;
    private final int[] epochOfStep;
    private final double[] epochLoss;
    private final double[] validationLoss;
    private final List<String> metricNames;
    private final double[][] metrics;
    private final double[][] validationMetrics;
    private final int[] statsSteps;
    private final double[] gradNorm;
    private final List<String> parameterNames;
    private final double[][] gradNorms;
    private final double[][] weightNorms;
    private final double[][] updateRatios;
    private final double[][] gradMins;
    private final double[][] gradMaxs;
    private final double[][] gradMeans;
    private final double[][] gradStds;
    private final double[] epochSeconds;
    private final boolean diverged;
    private final String stopReason;
    private final int bestEpoch;
    private final List<String> warnings;

    /** Takes the arrays as they are (the recorder hands over fresh copies). */
    History(double[] loss, double[] lr, int[] epochOfStep, double[] epochLoss, double[] validationLoss,
            List<String> metricNames, double[][] metrics, double[][] validationMetrics, int[] statsSteps,
            double[] gradNorm, List<String> parameterNames, double[][] gradNorms, double[][] weightNorms,
            double[][] updateRatios, GradStats[] gradStats, double[] epochSeconds, boolean diverged,
            String stopReason, int bestEpoch, List<String> warnings) {
        this.loss = loss;
        this.lr = lr;
        this.epochOfStep = epochOfStep;
        this.epochLoss = epochLoss;
        this.validationLoss = validationLoss;
        this.metricNames = List.copyOf(metricNames);
        this.metrics = metrics;
        this.validationMetrics = validationMetrics;
        this.statsSteps = statsSteps;
        this.gradNorm = gradNorm;
        this.parameterNames = List.copyOf(parameterNames);
        this.gradNorms = gradNorms;
        this.weightNorms = weightNorms;
        this.updateRatios = updateRatios;
        int n = gradStats.length;
        this.gradMins = new double[n][];
        this.gradMaxs = new double[n][];
        this.gradMeans = new double[n][];
        this.gradStds = new double[n][];
        for (int p = 0; p < n; p++) {
            gradMins[p] = gradStats[p].min();
            gradMaxs[p] = gradStats[p].max();
            gradMeans[p] = gradStats[p].mean();
            gradStds[p] = gradStats[p].std();
        }
        this.epochSeconds = epochSeconds;
        this.diverged = diverged;
        this.stopReason = stopReason;
        this.bestEpoch = bestEpoch;
        this.warnings = List.copyOf(warnings);
    }

    // ---------------------------------------------------------------- per step

    /** Number of steps recorded (a step that diverged counts: its loss is the last one). */
    public int steps() {
        return loss.length;
    }

    /** The training loss of each step, on that step's batch, before its update. */
    public double[] loss() {
        return loss.clone();
    }

    /** The learning rate each step used (of the first parameter group); NaN when the optimizer has no lr. */
    public double[] lr() {
        return lr.clone();
    }

    /** The epoch of each step. */
    public int[] epochOfStep() {
        return epochOfStep.clone();
    }

    // ---------------------------------------------------------------- per epoch

    /** Number of epochs recorded, including a last one that ended early. */
    public int epochs() {
        return epochLoss.length;
    }

    /**
     * The mean training loss of each epoch: the mean of its steps' losses, each weighted by its batch size
     * (with a mean-reduced loss, the mean loss per example as the model changed during the epoch).
     */
    public double[] epochLoss() {
        return epochLoss.clone();
    }

    /** The loss on the validation set after each epoch (in evaluation mode); empty without a validation set. */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /** The names of the metrics, in the order they were added to the trainer. */
    public List<String> metricNames() {
        return metricNames;
    }

    /**
     * A metric on the training data of each epoch, accumulated over the epoch's batches: the batch-size-weighted
     * mean of the metric on each batch's outputs, computed in training mode as the weights changed (for
     * accuracy: the fraction of the epoch's examples classified correctly when their batch was seen).
     */
    public double[] metric(String name) {
        return metrics[metricIndex("metric", name)].clone();
    }

    /** A metric on the whole validation set after each epoch (in evaluation mode); empty without a validation set. */
    public double[] validationMetric(String name) {
        return validationMetrics[metricIndex("validationMetric", name)].clone();
    }

    /** Wall-clock seconds of each epoch, validation included (not part of {@link #equals}). */
    public double[] epochSeconds() {
        return epochSeconds.clone();
    }

    // ---------------------------------------------------------------- detailed statistics

    /** The steps at which detailed statistics were recorded (every {@code statsEvery} steps, from step 0). */
    public int[] statsSteps() {
        return statsSteps.clone();
    }

    /** The global L2 norm of all gradients at each of {@link #statsSteps()}, before any clipping. */
    public double[] gradNorm() {
        return gradNorm.clone();
    }

    /** The names of the model's parameters, e.g. {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ... */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The L2 norm of one parameter's gradient at each of {@link #statsSteps()}, before any clipping. */
    public double[] gradNorm(String parameterName) {
        return gradNorms[parameterIndex("gradNorm", parameterName)].clone();
    }

    /** The L2 norm of one parameter's value after the update of each of {@link #statsSteps()}. */
    public double[] weightNorm(String parameterName) {
        return weightNorms[parameterIndex("weightNorm", parameterName)].clone();
    }

    /**
     * The relative size of one parameter's update at each of {@link #statsSteps()}:
     * <pre>
     * ‖θ_after − θ_before‖ / ‖θ_before‖        (NaN when ‖θ_before‖ = 0)
     * </pre>
     * A common rule of thumb: around 1e-3 is healthy, much larger means the learning rate is too high.
     */
    public double[] updateRatio(String parameterName) {
        return updateRatios[parameterIndex("updateRatio", parameterName)].clone();
    }

    /**
     * The elements of one parameter's gradient summarised at each of {@link #statsSteps()}, before any clipping:
     * their smallest and largest value, their mean and their standard deviation (over the elements, divided by
     * their count). A layer whose gradient has min = max = 0 received no gradient at all (dead ReLUs); a std
     * orders of magnitude below the last layer's says the gradient vanishes on its way back.
     * <pre>{@code
     * var g = history.gradStats("0.weight");
     * g.std()[k];          // at step history.statsSteps()[k]
     * }</pre>
     */
    public GradStats gradStats(String parameterName) {
        int p = parameterIndex("gradStats", parameterName);
        return new GradStats(gradMins[p].clone(), gradMaxs[p].clone(), gradMeans[p].clone(), gradStds[p].clone());
    }

    /**
     * A parameter's gradient statistics, one value per statistics step: see {@link History#gradStats(String)}.
     *
     * @param min the smallest element of the gradient
     * @param max the largest element
     * @param mean the mean of the elements
     * @param std the standard deviation of the elements (the square root of their mean squared deviation)
     */
    public record GradStats(double[] min, double[] max, double[] mean, double[] std) {
        /** For example {@code GradStats(3 steps, last: min -0.012, max 0.0093, mean 1.2e-05, std 0.0021)}. */
        @Override
        public String toString() {
            int last = min.length - 1;
            return "GradStats(" + Format.plural(min.length, "step") + (last < 0 ? ")" : ", last: min "
                    + Format.number(min[last]) + ", max " + Format.number(max[last]) + ", mean "
                    + Format.number(mean[last]) + ", std " + Format.number(std[last]) + ")");
        }
    }

    // ---------------------------------------------------------------- how it ended

    /**
     * Whether training stopped because it diverged: a loss or gradient became NaN or infinite, or the loss grew
     * far above its lowest value (see {@link HealthMonitor}).
     */
    public boolean diverged() {
        return diverged;
    }

    /** Why training stopped, e.g. "reached the maximum of 10 epochs", or the divergence message. */
    public String stopReason() {
        return stopReason;
    }

    /** The warnings of the health monitor, in order (empty when all went well). */
    public List<String> warnings() {
        return warnings;
    }

    /** With early stopping, the epoch of the lowest validation loss (whose weights were restored); else -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * One line: epochs, steps, time, the last epoch's losses and metrics, and why training stopped, e.g.
     * {@code 3 epochs, 2,814 steps, 12.3 s: loss 0.0512, accuracy 0.9842, val_loss 0.0801,
     * val_accuracy 0.9761; reached the maximum of 3 epochs}.
     */
    public String summary() {
        double seconds = 0;
        for (double s : epochSeconds) {
            seconds += s;
        }
        StringBuilder s = new StringBuilder(Format.plural(epochs(), "epoch")).append(", ")
                .append(Format.plural(steps(), "step")).append(", ").append(Format.seconds(seconds));
        int last = epochs() - 1;
        if (last >= 0) {
            s.append(": loss ").append(Format.number(epochLoss[last]));
            for (int m = 0; m < metricNames.size(); m++) {
                s.append(", ").append(metricNames.get(m)).append(' ').append(Format.number(metrics[m][last]));
            }
            if (validationLoss.length > 0) {
                s.append(", val_loss ").append(Format.number(validationLoss[last]));
                for (int m = 0; m < metricNames.size(); m++) {
                    s.append(", val_").append(metricNames.get(m)).append(' ')
                            .append(Format.number(validationMetrics[m][last]));
                }
            }
        }
        if (bestEpoch >= 0) {
            s.append("; best epoch ").append(bestEpoch);
        }
        s.append("; ").append(diverged ? "diverged at step " + (steps() - 1) : stopReason);
        return s.toString();
    }

    /** The {@link #summary()} and a per-epoch table (the first and last five epochs of a long run). */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>(List.of("epoch", "loss"));
        List<double[]> columns = new ArrayList<>(List.of(epochLoss));
        for (int m = 0; m < metricNames.size(); m++) {
            header.add(metricNames.get(m));
            columns.add(metrics[m]);
        }
        if (validationLoss.length > 0) {
            header.add("val_loss");
            columns.add(validationLoss);
            for (int m = 0; m < metricNames.size(); m++) {
                header.add("val_" + metricNames.get(m));
                columns.add(validationMetrics[m]);
            }
        }
        double[] lastLr = lastLrOfEachEpoch();
        if (lastLr != null) {
            header.add("lr");
            columns.add(lastLr);
        }
        header.add("seconds");
        columns.add(epochSeconds);

        StringBuilder s = new StringBuilder("History: ").append(summary());
        s.append('\n').append(String.format("%5s", header.get(0)));
        for (int c = 1; c < header.size(); c++) {
            s.append(String.format("  %12s", header.get(c)));
        }
        for (int e = 0; e < epochs(); e++) {
            if (epochs() > 12 && e == 5) {
                s.append("\n  …");
                e = epochs() - 6;
                continue;
            }
            s.append('\n').append(String.format("%5d", e));
            for (double[] column : columns) {
                s.append(String.format("  %12s", Format.number(column[e])));
            }
        }
        return s.toString();
    }

    /**
     * The per-epoch numbers as a Tablesaw {@link Table}, one row per epoch: {@code epoch}, {@code loss}, each
     * metric, {@code val_loss} and {@code val_}metric (with a validation set), {@code lr} (the learning rate of the
     * epoch's last step, when the optimizer has one) and {@code seconds}, to print, filter, sort or plot:
     * <pre>{@code
     * Table t = history.table();
     * t.where(t.doubleColumn("val_loss").isLessThan(0.1));
     * t.doubleColumn("val_accuracy").max();
     * }</pre>
     * The table is new at each call: changing it changes nothing here.
     */
    public Table table() {
        Table t = Table.create("History");
        int[] epoch = new int[epochs()];
        for (int e = 0; e < epoch.length; e++) {
            epoch[e] = e;
        }
        t.addColumns(IntColumn.create("epoch", epoch), DoubleColumn.create("loss", epochLoss));
        for (int m = 0; m < metricNames.size(); m++) {
            t.addColumns(DoubleColumn.create(metricNames.get(m), metrics[m]));
        }
        if (validationLoss.length > 0) {
            t.addColumns(DoubleColumn.create("val_loss", validationLoss));
            for (int m = 0; m < metricNames.size(); m++) {
                t.addColumns(DoubleColumn.create("val_" + metricNames.get(m), validationMetrics[m]));
            }
        }
        double[] lastLr = lastLrOfEachEpoch();
        if (lastLr != null) {
            t.addColumns(DoubleColumn.create("lr", lastLr));
        }
        return t.addColumns(DoubleColumn.create("seconds", epochSeconds));
    }

    /** The learning rate of each epoch's last step, or null when no step had a learning rate. */
    private double[] lastLrOfEachEpoch() {
        double[] last = new double[epochs()];
        Arrays.fill(last, Double.NaN);
        boolean any = false;
        for (int t = 0; t < lr.length; t++) {
            last[epochOfStep[t]] = lr[t];
            any |= !Double.isNaN(lr[t]);
        }
        return any ? last : null;
    }

    /** Equal when everything but the wall-clock times ({@link #epochSeconds()}) is equal, bit for bit. */
    @Override
    public boolean equals(Object o) {
        return o instanceof History h && Arrays.equals(loss, h.loss) && Arrays.equals(lr, h.lr) && Arrays.equals(epochOfStep, h.epochOfStep)
                && Arrays.equals(epochLoss, h.epochLoss) && Arrays.equals(validationLoss, h.validationLoss)
                && metricNames.equals(h.metricNames) && Arrays.deepEquals(metrics, h.metrics)
                && Arrays.deepEquals(validationMetrics, h.validationMetrics) && Arrays.equals(statsSteps, h.statsSteps)
                && Arrays.equals(gradNorm, h.gradNorm) && parameterNames.equals(h.parameterNames)
                && Arrays.deepEquals(gradNorms, h.gradNorms) && Arrays.deepEquals(weightNorms, h.weightNorms)
                && Arrays.deepEquals(updateRatios, h.updateRatios) && Arrays.deepEquals(gradMins, h.gradMins)
                && Arrays.deepEquals(gradMaxs, h.gradMaxs) && Arrays.deepEquals(gradMeans, h.gradMeans)
                && Arrays.deepEquals(gradStds, h.gradStds) && diverged == h.diverged
                && Objects.equals(stopReason, h.stopReason) && bestEpoch == h.bestEpoch && warnings.equals(h.warnings);
    }

    /** Consistent with {@link #equals}: ignores the wall-clock times. */
    @Override
    public int hashCode() {
        int h = Objects.hash(metricNames, parameterNames, diverged, stopReason, bestEpoch);
        h = 31 * h + Arrays.hashCode(loss);
        h = 31 * h + Arrays.hashCode(lr);
        h = 31 * h + Arrays.hashCode(epochLoss);
        h = 31 * h + Arrays.hashCode(validationLoss);
        h = 31 * h + Arrays.deepHashCode(metrics);
        h = 31 * h + Arrays.deepHashCode(validationMetrics);
        return 31 * h + Arrays.hashCode(gradNorm);
    }

    private int metricIndex(String operation, String name) {
        int i = name == null ? -1 : metricNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("History." + operation + ": no metric named " + Format.quoted(name)
                    + "; recorded metrics: " + metricNames);
        }
        return i;
    }

    private int parameterIndex(String operation, String name) {
        int i = name == null ? -1 : parameterNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("History." + operation + ": no parameter named " + Format.quoted(name)
                    + "; parameters: " + parameterNames);
        }
        return i;
    }

}
