package gd.util;

import java.util.Arrays;

/**
 * The argument checks of the public entry points, each with one meaning everywhere in the library, in the
 * words of its message: {@code name} is what the caller wrote ({@code "Adam.beta1"}), and the message says
 * what was expected and what came, e.g. {@code Adam.beta1 must be in [0, 1), got 1.2}. Every check returns
 * the value it accepted, so a setter reads {@code this.eps = Args.positive("Adam.eps", eps);}.
 *
 * <p>NaN passes none of the numeric checks; no check accepts ±∞ except where its name says "or infinite".
 */
public final class Args {
    private Args() {
    }

    /** {@code value} if it is not null, e.g. {@code notNull("Trainer.callback: the callback", c)} ("... is null"). */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return value;
    }

    /** n ≥ min, e.g. {@code atLeast("Trainer.epochs", epochs, 1)}. */
    public static int atLeast(String name, int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + n);
        }
        return n;
    }

    /** n &gt; 0. */
    public static int positive(String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + n);
        }
        return n;
    }

    /** n ≥ 0. */
    public static int nonNegative(String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + n);
        }
        return n;
    }

    /** x &gt; 0 and finite. */
    public static double positive(String name, double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + Format.repr(x));
        }
        return x;
    }

    /** x ≥ 0 and finite. */
    public static double nonNegative(String name, double x) {
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + Format.repr(x));
        }
        return x;
    }

    /** x finite (not NaN, not ±∞). */
    public static double finite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, got " + Format.repr(x));
        }
        return x;
    }

    /** 0 ≤ x &lt; 1, as torch requires of β₁ and β₂. */
    public static double inUnitInterval(String name, double x) {
        if (!(x >= 0 && x < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + Format.repr(x));
        }
        return x;
    }

    /** 0 &lt; x &lt; 1, e.g. a fraction of a cycle that must leave something on both sides. */
    public static double inOpenUnitInterval(String name, double x) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + Format.repr(x));
        }
        return x;
    }

    /** lo ≤ x ≤ hi. */
    public static double inRange(String name, double x, double lo, double hi) {
        if (!(x >= lo && x <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + Format.number(lo) + ", " + Format.number(hi)
                    + "], got " + Format.repr(x));
        }
        return x;
    }

    /** Positive and strictly increasing, e.g. milestones; returns a copy. */
    public static int[] increasing(String name, int[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0 || (i > 0 && values[i] <= values[i - 1])) {
                throw new IllegalArgumentException(name + " must be positive and increasing, got "
                        + Arrays.toString(values));
            }
        }
        return values.clone();
    }
}
