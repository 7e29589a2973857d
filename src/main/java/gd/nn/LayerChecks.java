package gd.nn;

import gd.matrix.Matrix;

/** The state and shape checks the layers share, so that their messages read alike. */
final class LayerChecks {
    private LayerChecks() {
    }

    /** backward needs a forward pass first: IllegalStateException otherwise. */
    static void requireForward(Layer layer, String operation, Object remembered) {
        if (remembered == null) {
            throw new IllegalStateException(layer + "." + operation + ": no forward pass to differentiate, "
                    + "call forward first");
        }
    }

    /**
     * backward refuses a matrix the layer remembered from its forward pass ({@code what}: "input" or "output")
     * that was changed in place since, as PyTorch does: the gradient would be of values forward never saw.
     */
    static void requireUnchanged(Layer layer, String operation, String what, Matrix remembered, int version) {
        if (remembered.version() != version) {
            throw new IllegalStateException(layer + "." + operation + ": the " + what + " of the last forward pass"
                    + " was changed in place since (Matrix.set, copyFrom or an ...InPlace method), so its gradient"
                    + " would be of values the forward pass never saw: call forward again after changing it, or"
                    + " change a copy (x.copy())");
        }
    }

    /**
     * A layer with parameters refuses a second backward for one forward pass while its gradients have not been
     * zeroed since the first ({@code zeroings} then still equals {@code zeroingsAtLastBackward}): gradients
     * accumulate, so the second call would add them twice.
     */
    static void requireNewBackward(Layer layer, String operation, boolean spent, long zeroings,
            long zeroingsAtLastBackward) {
        if (spent && zeroings == zeroingsAtLastBackward) {
            throw new IllegalStateException(layer + "." + operation + ": backward was already called for the last"
                    + " forward pass and the gradients were not zeroed since; a second call would add them twice:"
                    + " call forward again first (or zeroGrad, to compute the same gradients again)");
        }
    }

    /** The gradient of the output must have the shape of the last output. */
    static void requireGradShape(Layer layer, String operation, Matrix gradOutput, int rows, int cols) {
        if (gradOutput == null) {
            throw new IllegalArgumentException(layer + "." + operation + ": gradOutput is null");
        }
        if (gradOutput.rows() != rows || gradOutput.cols() != cols) {
            throw new IllegalArgumentException(layer + "." + operation + ": gradOutput is " + gradOutput.shape()
                    + ", expected " + rows + "×" + cols + " like the output of the last forward pass");
        }
    }

    /** A non-null input. */
    static void requireInput(Layer layer, Matrix input) {
        if (input == null) {
            throw new IllegalArgumentException(layer + ".forward: input is null");
        }
    }

    /** Counts the elements within {@code distance} of 0. */
    static int countNear(Matrix m, double distance) {
        if (m == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (double x : m.row(i)) {
                if (Math.abs(x) <= distance) {
                    count++;
                }
            }
        }
        return count;
    }

}
