package gd.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gd.matrix.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;

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

    /** A golden tensor as a matrix: a list of rows (a weight), or a flat list as one row (a bias, a point). */
    public static Matrix tensor(JsonNode node) {
        return node.size() > 0 && node.get(0).isArray() ? matrix(node) : Matrix.rowVector(vector(node));
    }

    /**
     * The entries of a golden file's array by name, in the file's order; two entries with the same name fail
     * (they would hide each other in the test report).
     */
    public static Map<String, JsonNode> named(JsonNode array, Function<JsonNode, String> name) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode entry : array) {
            if (entries.put(name.apply(entry), entry) != null) {
                fail("two golden entries are named " + name.apply(entry));
            }
        }
        return entries;
    }

    /**
     * A torch call as the golden files write it, e.g. {@code torch.optim.Adam([W1, b1], lr=0.01,
     * betas=(0.9, 0.999), amsgrad=False)} or {@code torch.nn.utils.clip_grad_value_([p], clip_value=0.5)}: the
     * function's name without its module, the names in the tensor list, and the keywords as JSON (a tuple
     * becomes an array, {@code True} true, {@code None} null), in the call's order.
     */
    public record Call(String function, List<String> tensors, JsonNode keywords) {
        private static final Pattern CALL = Pattern.compile("(?:[\\w.]+\\.)?(\\w+)\\(\\[([^\\]]*)\\](.*)\\)");
        private static final Pattern KEYWORD = Pattern.compile("\\G, (\\w+)=(\\([^)]*\\)|[^,()]+)");

        /** Parses the call; fails the test on anything it cannot read. */
        public static Call parse(String text) {
            Matcher call = CALL.matcher(text.strip());
            if (!call.matches()) {
                return fail("not a torch call with a tensor list: " + text);
            }
            List<String> tensors = Arrays.stream(call.group(2).split(",")).map(String::strip).toList();
            StringBuilder json = new StringBuilder("{");
            Matcher keyword = KEYWORD.matcher(call.group(3));
            int end = 0;
            while (keyword.find()) {
                String value = switch (keyword.group(2).strip()) {
                    case "True" -> "true";
                    case "False" -> "false";
                    case "None" -> "null";
                    default -> keyword.group(2).strip().replace('(', '[').replace(')', ']');
                };
                json.append(end == 0 ? "" : ", ").append('"').append(keyword.group(1)).append("\": ").append(value);
                end = keyword.end();
            }
            if (end != call.group(3).length()) {
                fail("cannot read the keywords of " + text + " from: " + call.group(3).substring(end));
            }
            try {
                return new Call(call.group(1), tensors, JSON.readTree(json.append('}').toString()));
            } catch (JsonProcessingException e) {
                return fail("cannot read the keyword values of " + text + ": " + e.getOriginalMessage());
            }
        }
    }

    /** What a golden test checks of one entry: its name (for messages) and its data. */
    @FunctionalInterface
    public interface Check {
        /** Fails unless the library agrees with the entry. */
        void check(String name, JsonNode entry) throws Throwable;
    }

    /**
     * One dynamic test per entry, named by its key, so that an entry added to a golden file is a test; fails
     * when there is none, so that an emptied or renamed section cannot pass unnoticed.
     */
    public static List<DynamicTest> tests(String what, Map<String, JsonNode> entries, Check check) {
        assertFalse(entries.isEmpty(), what + ": no entries in the golden file");
        return entries.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check.check(e.getKey(), e.getValue())))
                .toList();
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
