package gd.check;


import gd.util.Format;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link GradientCheck}: for every tensor checked (each parameter, the input, or the point
 * of a function), its worst coordinate, where the analytic and the numeric derivative disagree most.
 *
 * <p>The relative error of one coordinate, with analytic derivative a and numeric derivative n, is
 * <pre>
 * |a − n| / max(|a| + |n|, 1e-8)
 * </pre>
 * (the floor 1e-8, as in Stanford's CS231n notes, keeps two derivatives that are both essentially zero
 * from counting as a 100 % error; a coordinate whose derivative is not finite counts as an infinite
 * error). The {@link #verdict()} reads the largest one with the usual bands:
 * <pre>
 * &gt; 1e-2          WRONG        the gradient is almost certainly wrong
 * 1e-4 … 1e-2     SUSPICIOUS   wrong, unless the function has kinks (ReLU) near the point
 * 1e-7 … 1e-4     OK           fine for most networks
 * &lt; 1e-7          EXCELLENT    what a correct gradient of a smooth function gives
 * </pre>
 * In a notebook, {@code GradientCheck.of().model(model, loss, x, y)} prints the report and
 * {@code .assertPasses()} stops the cell with it when the verdict is worse than OK.
 *
 * @param h        the step of the central differences
 * @param tensors  one entry per tensor checked, in the order checked
 * @param warnings what may make numeric derivatives meaningless (inputs near a ReLU kink) and what the check
 *                 did to the model (Dropout masks held fixed); empty if nothing
 */
public record CheckResult(double h, List<TensorResult> tensors, List<String> warnings) {
    /** The floor of the denominator of the relative error. */
    public static final double TINY = 1e-8;

    /** Copies the lists; there must be at least one tensor. */
    public CheckResult {
        tensors = List.copyOf(tensors);
        warnings = List.copyOf(warnings);
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("CheckResult: no tensor was checked");
        }
    }

    /** |a − n| / max(|a| + |n|, 1e-8), or +∞ if either derivative is NaN or infinite. */
    public static double relativeError(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), TINY);
    }

    /** The largest relative error over every coordinate checked. */
    public double maxRelativeError() {
        return worst().relativeError();
    }

    /** The coordinate with the largest relative error (the first one, on a tie). */
    public Coordinate worst() {
        Coordinate worst = tensors.get(0).worst();
        for (TensorResult t : tensors) {
            if (t.worst().relativeError() > worst.relativeError()) {
                worst = t.worst();
            }
        }
        return worst;
    }

    /** How many coordinates were checked in all. */
    public int checked() {
        int n = 0;
        for (TensorResult t : tensors) {
            n += t.checked();
        }
        return n;
    }

    /** The band of {@link #maxRelativeError()}. */
    public Verdict verdict() {
        return Verdict.of(maxRelativeError());
    }

    /** Whether the verdict is {@link Verdict#OK} or {@link Verdict#EXCELLENT} (max relative error ≤ 1e-4). */
    public boolean passes() {
        return verdict().compareTo(Verdict.OK) <= 0;
    }

    /** Returns this result if it {@link #passes()}; otherwise throws an AssertionError holding the report. */
    public CheckResult assertPasses() {
        if (!passes()) {
            throw new AssertionError("gradient check failed: " + verdict() + "\n" + this);
        }
        return this;
    }

    /** Returns this result if the max relative error is below {@code bound}; otherwise throws an AssertionError. */
    public CheckResult assertBelow(double bound) {
        double max = maxRelativeError();
        if (!(max < bound)) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "gradient check failed: max relative error %.3e is not below %.3e%n", max, bound) + this);
        }
        return this;
    }

    /** The report: the verdict, the worst coordinate, one line per tensor, the warnings. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Gradient check (central differences, h=%s): %d coordinates%n",
                Format.repr(h), checked()));
        s.append(String.format(Locale.ROOT, "max relative error %.3e: %s (%s)%n", maxRelativeError(), verdict(),
                verdict().meaning()));
        s.append("worst: ").append(worst()).append('\n');
        int width = 0;
        for (TensorResult t : tensors) {
            width = Math.max(width, t.name().length());
        }
        for (TensorResult t : tensors) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s  %d of %d checked, max relative error %.3e%n",
                    t.name(), t.checked(), t.size(), t.worst().relativeError()));
        }
        for (String w : warnings) {
            s.append(w).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** The bands of the max relative error, best first. */
    public enum Verdict {
        /** Below 1e-7. */
        EXCELLENT("what a correct gradient of a smooth function gives"),
        /** 1e-7 to 1e-4. */
        OK("fine for most networks"),
        /** 1e-4 to 1e-2. */
        SUSPICIOUS("wrong, unless the function has kinks such as ReLU near the point"),
        /** Above 1e-2, or not finite. */
        WRONG("the gradient is almost certainly wrong");

        private final String meaning;

        Verdict(String meaning) {
            this.meaning = meaning;
        }

        /** What the band means, in words. */
        public String meaning() {
            return meaning;
        }

        /** The band of a relative error; NaN counts as WRONG. */
        public static Verdict of(double relativeError) {
            if (relativeError < 1e-7) {
                return EXCELLENT;
            }
            if (relativeError <= 1e-4) {
                return OK;
            }
            if (relativeError <= 1e-2) {
                return SUSPICIOUS;
            }
            return WRONG;
        }
    }

    /**
     * One coordinate checked.
     *
     * @param tensor   the parameter's name ({@code "0.weight"}), {@code "input"}, {@code "prediction"} or
     *                 {@code "x"} for the point of a function
     * @param row      the row, or −1 for the point of a function (a vector)
     * @param column   the column (the index, for a vector)
     * @param analytic the derivative the code computed
     * @param numeric  the central-difference estimate (f(θ + h) − f(θ − h)) / 2h
     */
    public record Coordinate(String tensor, int row, int column, double analytic, double numeric) {
        /** The relative error of this coordinate, see {@link CheckResult#relativeError}. */
        public double relativeError() {
            return CheckResult.relativeError(analytic, numeric);
        }

        /** For example {@code 0.weight[2][1]: analytic 0.1234, numeric 0.1234, relative error 1.2e-10}. */
        @Override
        public String toString() {
            String where = row < 0 ? tensor + "[" + column + "]" : tensor + "[" + row + "][" + column + "]";
            return String.format(Locale.ROOT, "%s: analytic %.12g, numeric %.12g, relative error %.3e", where,
                    analytic, numeric, relativeError());
        }
    }

    /**
     * The check of one tensor.
     *
     * @param name    the tensor's name
     * @param checked how many of its coordinates were checked
     * @param size    how many coordinates it has
     * @param worst   its coordinate with the largest relative error
     */
    public record TensorResult(String name, int checked, int size, Coordinate worst) {
        /** The largest relative error in this tensor. */
        public double maxRelativeError() {
            return worst.relativeError();
        }
    }
}
