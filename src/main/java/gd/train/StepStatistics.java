package gd.train;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Format;
import java.util.Arrays;
import java.util.List;

/**
 * The detailed statistics of every n-th step, recorded into the History: each parameter's gradient norm
 * (before clipping), weight norm (after the update) and update ratio ‖θ_after − θ_before‖ / ‖θ_before‖, and the
 * global gradient norm. A global norm that is not finite ends the step as diverged. One buffer per parameter
 * holds the weights before the update; they are allocated once.
 */
final class StepStatistics implements Callback {
    private final List<Parameter> params;
    private final int every;
    private final Matrix[] before;
    private final double[] beforeNorm;
    private final double[] gradNorms;
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
        this.weightNorms = new double[n];
        this.ratios = new double[n];
    }

    /** On a statistics step: the gradient norms and a copy of the weights before the update. */
    @Override
    public void afterBackward(TrainingState state) {
        if (state.step() % every != 0) {
            return;
        }
        double sumOfSquares = 0;
        for (int p = 0; p < before.length; p++) {
            Parameter param = params.get(p);
            gradNorms[p] = param.grad().norm();
            sumOfSquares += gradNorms[p] * gradNorms[p];
            beforeNorm[p] = copyAndNorm(param.value(), before[p]);
        }
        globalGradNorm = Math.sqrt(sumOfSquares);
        if (!Double.isFinite(globalGradNorm)) {
            Arrays.fill(weightNorms, Double.NaN);
            Arrays.fill(ratios, Double.NaN);
            state.recorder().stats(state.step(), globalGradNorm, gradNorms, weightNorms, ratios);
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
        state.recorder().stats(state.step(), globalGradNorm, gradNorms, weightNorms, ratios);
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
