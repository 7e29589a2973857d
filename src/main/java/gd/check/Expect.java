package gd.check;

import gd.util.Format;

/**
 * The assertions at the end of a notebook: each states an outcome in words, prints a ✓ line when it
 * holds and throws {@link AssertionError} with the numbers when it does not, so that running the course
 * in CI checks that it teaches what it says (the loss fell, the accuracy was reached).
 * <pre>{@code
 * Expect.that(history.epochLoss()[4] < history.epochLoss()[0], "the loss falls");
 * Expect.near(w.get(0, 0), 2.0, 1e-3, "the learned weight matches the closed form");
 * Expect.atLeast(accuracy, 0.97, "test accuracy");
 * }</pre>
 * Unlike Java's {@code assert}, these run whether or not assertions are enabled (JShell disables them).
 */
public final class Expect {
    private Expect() {
    }

    /** Passes when {@code condition} holds. */
    public static void that(boolean condition, String outcome) {
        if (!condition) {
            throw new AssertionError("✗ expected: " + outcome);
        }
        pass(outcome);
    }

    /** Passes when |actual − expected| ≤ tolerance. */
    public static void near(double actual, double expected, double tolerance, String outcome) {
        double gap = Math.abs(actual - expected);
        String numbers = format(actual) + " vs " + format(expected) + " (difference " + format(gap)
                + ", tolerance " + format(tolerance) + ")";
        if (!(gap <= tolerance)) {
            throw new AssertionError("✗ expected: " + outcome + ": " + numbers);
        }
        pass(outcome + ": " + numbers);
    }

    /** Passes when actual ≥ minimum (and is a number). */
    public static void atLeast(double actual, double minimum, String outcome) {
        String numbers = format(actual) + " ≥ " + format(minimum);
        if (!(actual >= minimum)) {
            throw new AssertionError("✗ expected: " + outcome + ": " + format(actual) + " is below " + format(minimum));
        }
        pass(outcome + ": " + numbers);
    }

    /** Passes when actual ≤ maximum (and is a number). */
    public static void atMost(double actual, double maximum, String outcome) {
        String numbers = format(actual) + " ≤ " + format(maximum);
        if (!(actual <= maximum)) {
            throw new AssertionError("✗ expected: " + outcome + ": " + format(actual) + " is above " + format(maximum));
        }
        pass(outcome + ": " + numbers);
    }

    private static void pass(String what) {
        System.out.println("✓ " + what);
    }

    /** Six significant digits: enough to see how close an outcome came to its bound. */
    private static String format(double x) {
        return Format.number(x, 6);
    }
}
