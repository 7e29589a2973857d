package gd.loss;

import gd.matrix.Matrix;

/** The argument checks the losses share, so that their messages read alike. */
final class LossChecks {
    private LossChecks() {
    }

    /** Prediction and target must be non-null, non-empty and of the same shape. */
    static void requireSameShape(Loss loss, String operation, Matrix prediction, Matrix target) {
        requireNonEmpty(loss, operation, prediction, target);
        if (!prediction.sameShape(target)) {
            throw new IllegalArgumentException(loss + "." + operation + ": prediction is " + prediction.shape()
                    + " but target is " + target.shape() + ", expected the same shape");
        }
    }

    /** Both present, and the prediction has at least one element. */
    static void requireNonEmpty(Loss loss, String operation, Matrix prediction, Matrix target) {
        if (prediction == null || target == null) {
            throw new IllegalArgumentException(loss + "." + operation + ": " + (prediction == null ? "prediction"
                    : "target") + " is null");
        }
        if (prediction.size() == 0) {
            throw new IllegalArgumentException(loss + "." + operation + ": prediction is " + prediction.shape()
                    + ", expected at least one element");
        }
    }

    /** The reduction itself, refusing null. */
    static Reduction requireReduction(String owner, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(owner + ".reduction must be MEAN or SUM, got null");
        }
        return reduction;
    }
}
