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
