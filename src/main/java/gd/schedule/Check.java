package gd.schedule;

import gd.matrix.Repr;

/** Argument checks shared by the schedules; each returns the value it accepted. */
final class Check {
    private Check() {
    }

    /** n &gt; 0. */
    static int positive(String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + n);
        }
        return n;
    }

    /** n ≥ 0. */
    static int nonNegative(String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + n);
        }
        return n;
    }

    /** x &gt; 0 and finite. */
    static double positive(String name, double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + Repr.of(x));
        }
        return x;
    }

    /** x ≥ 0 and finite. */
    static double nonNegative(String name, double x) {
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + Repr.of(x));
        }
        return x;
    }

    /** lo ≤ x ≤ hi. */
    static double inRange(String name, double x, double lo, double hi) {
        if (!(x >= lo && x <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + Repr.of(lo) + ", " + Repr.of(hi) + "], got "
                    + Repr.of(x));
        }
        return x;
    }

    /** Positive and strictly increasing, e.g. milestones; returns a copy. */
    static int[] increasing(String name, int[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0 || (i > 0 && values[i] <= values[i - 1])) {
                throw new IllegalArgumentException(name + " must be positive and increasing, got "
                        + java.util.Arrays.toString(values));
            }
        }
        return values.clone();
    }
}
