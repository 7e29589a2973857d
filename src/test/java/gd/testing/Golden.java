package gd.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gd.matrix.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the PyTorch reference values in {@code src/test/resources/golden/} (see PROVENANCE.md there)
 * and compares numbers with the tolerances its README states.
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Optimizers and clipping: |a − b| ≤ 1e-9 · max(|a|, |b|) + 1e-12. */
    public static final Tolerance OPTIMIZER = new Tolerance(1e-9, 1e-12);
    /** Schedules: 1e-15 absolute. */
    public static final Tolerance SCHEDULE = new Tolerance(0, 1e-15);
    /** MLP values and gradients: relative 1e-12 plus absolute 1e-14. */
    public static final Tolerance MLP = new Tolerance(1e-12, 1e-14);

    private Golden() {
    }

    /** The parsed file, e.g. {@code Golden.load("optim_adam.json")}. */
    public static JsonNode load(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + file + " in src/test/resources/golden");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers as a double[] (Double.parseDouble of repr(float) gives the exact bits). */
    public static double[] vector(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    /** A JSON array of arrays of numbers as a Matrix. */
    public static Matrix matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i));
        }
        return Matrix.of(m);
    }

    /** |a − b| ≤ relative · max(|a|, |b|) + absolute. */
    public record Tolerance(double relative, double absolute) {
        /** Whether {@code actual} is within tolerance of {@code expected}. */
        public boolean accepts(double expected, double actual) {
            double bound = relative * Math.max(Math.abs(expected), Math.abs(actual)) + absolute;
            return Math.abs(expected - actual) <= bound;
        }

        /** Fails with {@code what}, both values and the difference, unless they agree. */
        public void assertClose(double expected, double actual, String what) {
            if (!accepts(expected, actual)) {
                fail(what + ": expected " + expected + ", got " + actual + " (difference "
                        + Math.abs(expected - actual) + ")");
            }
        }

        /** Element by element; {@code what} names the quantity in the failure message. */
        public void assertClose(double[] expected, double[] actual, String what) {
            if (expected.length != actual.length) {
                fail(what + ": expected " + expected.length + " values, got " + actual.length);
            }
            for (int i = 0; i < expected.length; i++) {
                assertClose(expected[i], actual[i], what + "[" + i + "]");
            }
        }

        /** Element by element, shapes first. */
        public void assertClose(Matrix expected, Matrix actual, String what) {
            if (!expected.sameShape(actual)) {
                fail(what + ": expected shape " + expected.shape() + ", got " + actual.shape());
            }
            for (int i = 0; i < expected.rows(); i++) {
                for (int j = 0; j < expected.cols(); j++) {
                    assertClose(expected.get(i, j), actual.get(i, j), what + "[" + i + "][" + j + "]");
                }
            }
        }
    }
}
