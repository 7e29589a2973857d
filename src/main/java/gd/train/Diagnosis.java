package gd.train;

import gd.data.Dataset;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.util.Format;
import java.util.List;

/**
 * The message of a run that went wrong: where (step, epoch, batch), what showed it, the most likely cause read
 * from the evidence, and what to try. The causes, in the order they are looked for:
 * <ol>
 *   <li>values of the training data that are not finite (which example, which column);</li>
 *   <li>at the first step, before any update: the initial weights, or targets that do not suit the loss;</li>
 *   <li>weights that an update made non-finite (which parameter): the update divided by zero or overflowed;</li>
 *   <li>exploding gradients: a backward pass that overflowed, or a gradient norm that grew 100-fold while the
 *       loss did not grow 10-fold;</li>
 *   <li>a learning rate too large: the loss grew or overflowed with finite data, weights and gradients.</li>
 * </ol>
 */
final class Diagnosis {
    /** How much the recorded gradient norm must grow to count as exploding. */
    static final double EXPLODING = 100;

    private final Dataset train;
    private final List<Parameter> params;
    private final Loss loss;
    private final boolean clipsNorm;

    Diagnosis(Dataset train, List<Parameter> params, Loss loss, boolean clipsNorm) {
        this.train = train;
        this.params = params;
        this.loss = loss;
        this.clipsNorm = clipsNorm;
    }

    /** The parameters of the model being trained. */
    List<Parameter> params() {
        return params;
    }

    /**
     * The message for the current step of {@code state}, whose {@code evidence} showed the problem (e.g. "the loss
     * is NaN"); {@code gradientsNotFinite} when the evidence is a gradient norm that is not finite.
     */
    String explain(TrainingState state, String evidence, boolean gradientsNotFinite) {
        HistoryRecorder recorder = state.recorder();
        int step = state.step();
        StringBuilder s = new StringBuilder("Training diverged at step ").append(step).append(" (epoch ")
                .append(state.epoch()).append(", batch ").append(state.batch()).append("): ").append(evidence);
        String data = notFinite(train, "the training data");
        if (data != null) {
            return s.append(". ").append(data).append(" Remove or repair those examples before training (keep the"
                    + " rows whose values are all finite), or find where the data was loaded or scaled.").toString();
        }
        if (step == 0) {
            return s.append(", at the first step, before any update: check the data and the initial weights for NaN"
                    + " or infinite values, and that the targets suit the loss ").append(loss).append('.').toString();
        }
        String weights = notFiniteWeights();
        double lastLr = recorder.lrAt(step - 1);
        String lr = Double.isNaN(lastLr) ? "" : " (now " + Format.repr(lastLr) + ")";
        if (weights != null) {
            return s.append(". ").append(weights).append(": an optimizer update made them so (the last finite loss"
                    + " was ").append(Format.number(recorder.lossAt(step - 1))).append(" at step ").append(step - 1)
                    .append("), dividing by zero or overflowing; check the optimizer's eps (it must be > 0) and its"
                            + " learning rate").append(lr).append('.').toString();
        }
        String exploding = gradientsNotFinite ? "the backward pass of this step overflowed" : gradientGrowth(recorder);
        if (exploding != null) {
            return s.append(". The gradients exploded: ").append(exploding).append(". Clip them with"
                    + " .clipGradNorm(1.0), lower the learning rate").append(lr).append(", or check the"
                    + " initialisation.").toString();
        }
        if (!Double.isFinite(recorder.lossAt(step))) {
            s.append(" (the step before: ").append(Format.number(recorder.lossAt(step - 1))).append(')');
        }
        String clip = clipsNorm ? "." : ", or clip gradients with .clipGradNorm(1.0).";
        if (Double.isNaN(lastLr)) {
            return s.append(". The optimizer's steps are probably too large (it has no learning rate to read): make"
                    + " them smaller").append(clip).toString();
        }
        return s.append(". The learning rate ").append(Format.repr(lastLr)).append(" is probably too large: try ")
                .append(Format.number(lastLr / 10)).append(clip).toString();
    }

    /**
     * Where {@code data} holds values that are not finite, e.g. {@code The training data is not finite: x[12][3]
     * is NaN (example 12, column 3); 1 value of x and 0 of y are not finite.}, or null if it holds none.
     */
    static String notFinite(Dataset data, String what) {
        int[] x = firstNotFinite(data.x());
        int[] y = firstNotFinite(data.y());
        if (x[2] == 0 && y[2] == 0) {
            return null;
        }
        String where = x[2] > 0 ? at("x", data.x(), x) : at("y", data.y(), y);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " is not finite: " + where + "; "
                + Format.plural(x[2], "value") + " of x and " + Format.count(y[2]) + " of y are not finite.";
    }

    private static String at(String name, Matrix m, int[] first) {
        return name + "[" + first[0] + "][" + first[1] + "] is " + m.get(first[0], first[1]) + " (example " + first[0]
                + ", column " + first[1] + ")";
    }

    /** The row and column of the first value that is not finite, and how many there are. */
    private static int[] firstNotFinite(Matrix m) {
        int[] found = {-1, -1, 0};
        for (int i = 0; i < m.rows(); i++) {
            double[] row = m.row(i);
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    if (found[2]++ == 0) {
                        found[0] = i;
                        found[1] = j;
                    }
                }
            }
        }
        return found;
    }

    /** The first parameter with values that are not finite, e.g. {@code The weights 0.weight hold 12 NaN …}. */
    private String notFiniteWeights() {
        for (Parameter p : params) {
            int[] first = firstNotFinite(p.value());
            if (first[2] > 0) {
                return "The weights " + p.name() + " are not finite: " + Format.plural(first[2], "value") + ", the first "
                        + p.value().get(first[0], first[1]) + " at [" + first[0] + "][" + first[1] + "]";
            }
        }
        return null;
    }

    /**
     * How the recorded global gradient norm grew, if it grew 100-fold from its lowest value while the loss grew
     * less than 10-fold over the same steps (the gradients, not the loss, ran away); else null.
     */
    private static String gradientGrowth(HistoryRecorder recorder) {
        int n = recorder.statsCount();
        int lowest = -1;
        for (int k = 0; k < n; k++) {
            double norm = recorder.gradNormAt(k);
            if (lowest < 0 || norm < recorder.gradNormAt(lowest)) {
                lowest = k;
            }
            double lossGrowth = recorder.lossAt(recorder.statsStepAt(k)) / recorder.lossAt(recorder.statsStepAt(lowest));
            if (norm > EXPLODING * recorder.gradNormAt(lowest) && !(lossGrowth >= 10)) {
                return "the gradient norm grew from " + Format.number(recorder.gradNormAt(lowest)) + " at step "
                        + recorder.statsStepAt(lowest) + " to " + Format.number(norm) + " at step "
                        + recorder.statsStepAt(k);
            }
        }
        return null;
    }
}
