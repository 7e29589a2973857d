package gd.data;

import gd.matrix.Matrix;

/**
 * Classification accuracy: the fraction of examples whose predicted class equals the true class.
 * <pre>
 *   predictedᵢ = argmaxⱼ scoresᵢⱼ
 *   accuracy   = (1/n) · #{ i : predictedᵢ = yᵢ }
 * </pre>
 * Targets are an n × 1 column of class indices or n × k one-hot rows (see {@link Labels}). For the
 * per-class picture use {@link ConfusionMatrix}.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The accuracy of the n × k score matrix {@code scores} (logits or probabilities, k ≥ 2; the
     * predicted class of a row is the column of its largest score) against the targets {@code y}.
     * A single score column is refused: threshold it yourself and call {@link #accuracy(int[], Matrix)}.
     */
    public static double accuracy(Matrix scores, Matrix y) {
        if (scores.cols() < 2) {
            throw new IllegalArgumentException("Metrics.accuracy: scores are " + scores.shape()
                    + ", expected one column per class (at least 2); for a single score per example,"
                    + " threshold it and pass the predicted classes as int[]");
        }
        if (scores.rows() != y.rows()) {
            throw new IllegalArgumentException("Metrics.accuracy: scores have " + scores.rows()
                    + " rows but targets have " + y.rows());
        }
        return accuracy("Metrics.accuracy", predictions("Metrics.accuracy", scores), y);
    }

    /**
     * The predicted class of each row (the column of its largest score), refusing a row with a NaN score: it
     * has no largest score, and counting it as class 0 would report an accuracy for a model that has diverged.
     */
    static int[] predictions(String operation, Matrix scores) {
        for (int i = 0; i < scores.rows(); i++) {
            for (double v : scores.row(i)) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException(operation + ": scores row " + i + " holds NaN, so it has no"
                            + " largest score: the model's outputs are not numbers (look at its weights and inputs;"
                            + " a Trainer's History says whether training diverged)");
                }
            }
        }
        return scores.argmaxRows();
    }

    /** The accuracy of the predicted class indices {@code predicted} against the targets {@code y}. */
    public static double accuracy(int[] predicted, Matrix y) {
        if (predicted.length != y.rows()) {
            throw new IllegalArgumentException("Metrics.accuracy: " + predicted.length
                    + " predictions but targets have " + y.rows() + " rows");
        }
        return accuracy("Metrics.accuracy", predicted, y);
    }

    private static double accuracy(String operation, int[] predicted, Matrix y) {
        if (predicted.length == 0) {
            throw new IllegalArgumentException(operation + ": no examples (accuracy of nothing is undefined)");
        }
        int[] actual = Labels.indices(operation, y);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / actual.length;
    }
}
