package gd.train;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Format;
import java.util.Arrays;
import java.util.List;

/**
 * The detailed statistics of every n-th step, recorded into the History: each parameter's gradient norm and the
 * min, max, mean and standard deviation of its gradient's elements (before clipping, all from one pass over the
 * gradient), its weight norm (after the update) and update ratio ‖θ_after − θ_before‖ / ‖θ_before‖, and the
 * global gradient norm. A global norm that is not finite ends the step as diverged. One buffer per parameter
 * holds the weights before the update; they are allocated once.
 */
final class StepStatistics implements Callback {
    private final List<Parameter> params;
    private final int every;
    private final Matrix[] before;
    private final double[] beforeNorm;
    private final double[] gradNorms;
    /** The gradients' min, max, mean and std, one row each, one value per parameter. */
    private final double[][] gradStats;
    private final double[] weightNorms;
    private final double[] ratios;
    private double globalGradNorm;
    private boolean pending;

    StepStatistics(List<Parameter> params, int every) {
        this.params = params;
        this.every = every;
        int n = params.size();
        this.before = new Matrix[n];
        for (int p = 0; p < n; p++) {
            before[p] = params.get(p).value().copy();
        }
        this.beforeNorm = new double[n];
        this.gradNorms = new double[n];
        this.gradStats = new double[4][n];
        this.weightNorms = new double[n];
        this.ratios = new double[n];
    }

    /** On a statistics step: the gradient norms and statistics, and a copy of the weights before the update. */
    @Override
    public void afterBackward(TrainingState state) {
        if (state.step() % every != 0) {
            return;
        }
        double sumOfSquares = 0;
        for (int p = 0; p < before.length; p++) {
            Parameter param = params.get(p);
            gradNorms[p] = summarise(param.grad(), p);
            sumOfSquares += gradNorms[p] * gradNorms[p];
            beforeNorm[p] = copyAndNorm(param.value(), before[p]);
        }
        globalGradNorm = Math.sqrt(sumOfSquares);
        if (!Double.isFinite(globalGradNorm)) {
            Arrays.fill(weightNorms, Double.NaN);
            Arrays.fill(ratios, Double.NaN);
            state.recorder().stats(state.step(), globalGradNorm, gradNorms, weightNorms, ratios, gradStats);
            state.diverge("the gradient norm is " + globalGradNorm + " (the loss of this step: "
                    + Format.number(state.loss()) + ")");
            return;
        }
        pending = true;
    }

    /** After a statistics step: the weight norms and update ratios, then the record. */
    @Override
    public void call(TrainingState state) {
        if (!pending || state.endOfEpoch()) {
            return;
        }
        pending = false;
        for (int p = 0; p < before.length; p++) {
            Matrix value = params.get(p).value();
            double weightSquares = 0;
            double changeSquares = 0;
            for (int i = 0; i < value.rows(); i++) {
                double[] w = value.row(i);
                double[] old = before[p].row(i);
                for (int j = 0; j < w.length; j++) {
                    double change = w[j] - old[j];
                    weightSquares += w[j] * w[j];
                    changeSquares += change * change;
                }
            }
            weightNorms[p] = Math.sqrt(weightSquares);
            ratios[p] = beforeNorm[p] == 0 ? Double.NaN : Math.sqrt(changeSquares) / beforeNorm[p];
        }
        state.recorder().stats(state.step(), globalGradNorm, gradNorms, weightNorms, ratios, gradStats);
    }

    /**
     * One pass over a gradient: stores the min, max, mean and standard deviation of its elements as parameter
     * {@code p}'s, and returns its L2 norm (the same sum, in the same order, as {@link Matrix#norm()}).
     * <pre>
     * mean = Σg / n,   std = √(max(0, Σg² / n − mean²))
     * </pre>
     */
    private double summarise(Matrix grad, int p) {
        double sum = 0;
        double squares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grad.rows(); i++) {
            double[] g = grad.row(i);
            for (int j = 0; j < g.length; j++) {
                double x = g[j];
                sum += x;
                squares += x * x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double n = grad.size();
        double mean = sum / n;
        gradStats[0][p] = min;
        gradStats[1][p] = max;
        gradStats[2][p] = mean;
        gradStats[3][p] = Math.sqrt(Math.max(0, squares / n - mean * mean));
        return Math.sqrt(squares);
    }

    /** Copies {@code from} into {@code to} and returns the L2 norm of {@code from}, in one pass. */
    private static double copyAndNorm(Matrix from, Matrix to) {
        double squares = 0;
        for (int i = 0; i < from.rows(); i++) {
            double[] a = from.row(i);
            double[] b = to.row(i);
            for (int j = 0; j < a.length; j++) {
                b[j] = a[j];
                squares += a[j] * a[j];
            }
        }
        return Math.sqrt(squares);
    }
}
