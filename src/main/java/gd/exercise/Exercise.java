package gd.exercise;

import gd.check.CheckResult;
import gd.check.GradientCheck;
import gd.landscape.Function2D;
import gd.landscape.Trajectory;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.optim.Optimizer;
import gd.schedule.Schedule;
import gd.util.Format;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The checks of the course's exercises. An exercise is a cell the learner completes (its solution between
 * {@code // BEGIN SOLUTION} and {@code // END SOLUTION}, inside a lambda) and a cell that checks it with one of
 * these methods. Each check runs the learner's code and says one of three things, in one line or one error:
 * <ul>
 *   <li><b>solved</b>: {@code ✓ 1.2 the derivative of f: …} (printed);</li>
 *   <li><b>not solved yet</b>: the learner's code still throws {@link #notSolved()}, which is what the student
 *       version's solution cells hold: {@code not solved yet: 1.2 the derivative of f} (printed; the notebook goes
 *       on, and its later cells use the library's implementation, so the rest still teaches);</li>
 *   <li><b>wrong</b>: an {@link AssertionError} whose message is the feedback: where the answer differs, both
 *       values, and the likely cause (a sign, a missing factor, an off-by-one step, a missing bias
 *       correction), never a bare stack trace.</li>
 * </ul>
 * <pre>{@code
 * DoubleUnaryOperator myDerivative = x -> {
 *     // BEGIN SOLUTION
 *     return 2 * (x - 3);
 *     // END SOLUTION
 * };
 * Exercise.derivative("1.1 the derivative of f", f, myDerivative, -1, 0, 2.5, 4);
 * }</pre>
 * Grading (nbgrader's autograde, in the course's format): each check cell ends with a hidden test,
 * {@code Exercise.requireSolved("1.1 …")}, which fails an exercise that is not solved yet; the student version
 * does not contain it, so there an unsolved exercise only prints its line.
 */
public final class Exercise {
    /** The outcome of each check by exercise name, for {@link #requireSolved}. */
    private static final Map<String, Boolean> SOLVED = new LinkedHashMap<>();

    private Exercise() {
    }

    /**
     * What an unsolved exercise throws: the body of a solution the learner has not written yet (the student
     * version's {@code throw gd.exercise.Exercise.notSolved();}).
     */
    public static NotSolved notSolved() {
        return new NotSolved();
    }

    /** The signal of a solution that is not written yet; the checks catch it and say so in one line. */
    public static final class NotSolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private NotSolved() {
            super("not solved yet: replace `throw Exercise.notSolved();` with your solution", null, false, false);
        }
    }

    /**
     * Fails (AssertionError) unless the last check of exercise {@code name} found it solved: the hidden test of
     * every check cell, which makes an exercise that is not solved yet score no points when graded.
     */
    public static void requireSolved(String name) {
        Boolean solved = SOLVED.get(name);
        if (solved == null) {
            throw new AssertionError("✗ " + name + ": not checked: run the exercise's cells first");
        }
        if (!solved) {
            throw new AssertionError("✗ " + name + ": not solved yet");
        }
    }

    /**
     * The learner's result if the exercise is solved, else the reference: what a cell after an exercise uses
     * when it should go on with the learner's work where there is some (the capstone's model), and with the
     * library's where there is none yet (the student version). {@code mine} is called once.
     */
    public static <T> T solutionOr(Supplier<T> mine, Supplier<T> reference) {
        try {
            return mine.get();
        } catch (NotSolved e) {
            return reference.get();
        }
    }

    // ---------------------------------------------------------------- derivatives and gradients

    /**
     * Checks the learner's derivative {@code df} of {@code f} at each of {@code xs} against central differences
     * (h = 1e-5, relative error below 1e-6 where the derivative is not tiny).
     */
    public static void derivative(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double... xs) {
        check(name, () -> {
            String worst = null;
            double worstError = 0;
            for (double x : xs) {
                double numeric = (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
                double mine = df.applyAsDouble(x);
                double error = relativeError(mine, numeric);
                if (error > worstError) {
                    worstError = error;
                    worst = "at x = " + Format.number(x, 6) + " your derivative gives " + Format.number(mine, 6)
                            + ", central differences give " + Format.number(numeric, 6) + cause(mine, numeric);
                }
            }
            if (worstError > TOLERANCE) {
                return fail(worst);
            }
            return "matches central differences at " + Format.plural(xs.length, "point") + " (largest relative"
                    + " error " + Format.number(worstError, 2) + ")";
        });
    }

    /**
     * Checks the learner's gradient {@code grad} of {@code f} at each point against central differences, one
     * coordinate at a time; the feedback names the worst coordinate with both values.
     */
    public static void gradient(String name, ToDoubleFunction<double[]> f, Function<double[], double[]> grad,
            double[]... points) {
        check(name, () -> {
            String worst = null;
            double worstError = 0;
            int checked = 0;
            for (double[] point : points) {
                double[] mine = grad.apply(point.clone());
                if (mine == null || mine.length != point.length) {
                    return fail("your gradient has " + (mine == null ? "no" : String.valueOf(mine.length))
                            + " entries at a point with " + point.length + " coordinates; expected one per coordinate");
                }
                for (int i = 0; i < point.length; i++) {
                    double[] plus = point.clone();
                    double[] minus = point.clone();
                    plus[i] += H;
                    minus[i] -= H;
                    double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
                    double error = relativeError(mine[i], numeric);
                    checked++;
                    if (error > worstError) {
                        worstError = error;
                        worst = "the derivative with respect to coordinate " + i + " at " + vector(point) + " is "
                                + Format.number(mine[i], 6) + " in your gradient, " + Format.number(numeric, 6)
                                + " by central differences" + cause(mine[i], numeric);
                    }
                }
            }
            if (worstError > TOLERANCE) {
                return fail(worst);
            }
            return "matches central differences in " + Format.plural(checked, "coordinate") + " (largest relative"
                    + " error " + Format.number(worstError, 2) + ")";
        });
    }

    /**
     * Checks the backward pass of the learner's layer: every parameter gradient and the input gradient of
     * {@code loss(layer.forward(x), y)} against central differences ({@link GradientCheck}); the feedback names
     * the parameter whose gradient is off, the coordinate and both values.
     */
    public static void backward(String name, Layer layer, Loss loss, Matrix x, Matrix y) {
        check(name, () -> {
            CheckResult result = GradientCheck.of().model(layer, loss, x, y);
            if (!result.passes()) {
                CheckResult.Coordinate w = result.worst();
                return fail("the gradient of " + w.tensor() + " at [" + w.row() + "][" + w.column() + "] is "
                        + Format.number(w.analytic(), 6) + " from your backward pass, " + Format.number(w.numeric(), 6)
                        + " by central differences" + cause(w.analytic(), w.numeric()) + " (relative error "
                        + Format.number(w.relativeError(), 2) + ")");
            }
            return "every gradient matches central differences (" + Format.plural(result.checked(), "coordinate")
                    + ", largest relative error " + Format.number(result.maxRelativeError(), 2) + ")";
        });
    }

    // ---------------------------------------------------------------- rules that move along a path

    /**
     * Checks the learner's update rule against the library's on {@code f}: both optimizers, each built by its
     * factory on the parameter (x, y), take {@code steps} steps from (x0, y0), and the paths must agree to
     * 1e-10 relative. The feedback names the first step where they part, both points, and the likely cause
     * (the step goes the wrong way: a sign; its length is off by a constant factor: a missing factor such as η
     * or (1 − β); only the first steps differ: a missing bias correction).
     */
    public static void updateRule(String name, Function<List<Parameter>, ? extends Optimizer> mine,
            Function<List<Parameter>, ? extends Optimizer> reference, Function2D f, double x0, double y0, int steps) {
        check(name, () -> {
            Trajectory yours = Trajectory.run(f, x0, y0, mine, steps);
            Trajectory theirs = Trajectory.run(f, x0, y0, reference, steps);
            double[] ax = yours.x();
            double[] ay = yours.y();
            double[] bx = theirs.x();
            double[] by = theirs.y();
            for (int k = 1; k < Math.min(ax.length, bx.length); k++) {
                if (relativeError(ax[k], bx[k]) > PATH_TOLERANCE || relativeError(ay[k], by[k]) > PATH_TOLERANCE) {
                    double[] myStep = {ax[k] - ax[k - 1], ay[k] - ay[k - 1]};
                    double[] step = {bx[k] - bx[k - 1], by[k] - by[k - 1]};
                    return fail("the paths part at step " + k + ": yours goes to " + vector(new double[] {ax[k], ay[k]})
                            + ", the reference to " + vector(new double[] {bx[k], by[k]}) + ruleCause(k, myStep, step,
                            ax, ay, bx, by));
                }
            }
            if (ax.length != bx.length) {
                return fail("your path has " + ax.length + " points and the reference " + bx.length
                        + (yours.diverged() ? ": yours diverged at step " + yours.divergedAt() : ""));
            }
            return "the same path as the reference for " + Format.plural(steps, "step") + ", to "
                    + vector(new double[] {ax[ax.length - 1], ay[ay.length - 1]});
        });
    }

    /**
     * Checks the learner's schedule against a reference for steps 0 … steps − 1 (1e-12 relative); the
     * feedback names the first step that differs, both values, and an off-by-one step or a constant factor.
     */
    public static void schedule(String name, Schedule mine, Schedule reference, int steps) {
        check(name, () -> {
            for (int t = 0; t < steps; t++) {
                double a = mine.lr(t);
                double b = reference.lr(t);
                if (relativeError(a, b) > 1e-12) {
                    String why = "";
                    if (t + 1 < steps && relativeError(a, reference.lr(t + 1)) < 1e-12) {
                        why = ": yours is one step ahead (your step t is the reference's t + 1)";
                    } else if (t > 0 && relativeError(a, reference.lr(t - 1)) < 1e-12) {
                        why = ": yours is one step behind (your step t is the reference's t − 1)";
                    } else {
                        why = cause(a, b);
                    }
                    return fail("at step " + t + " your schedule gives " + Format.number(a, 6) + ", the reference "
                            + Format.number(b, 6) + why);
                }
            }
            return "the same learning rate as the reference at all " + Format.plural(steps, "step");
        });
    }

    // ---------------------------------------------------------------- numbers, targets and choices

    /** Checks a number the learner computes against the expected one, within {@code tolerance}. */
    public static void value(String name, DoubleSupplier mine, double expected, double tolerance) {
        check(name, () -> {
            double a = mine.getAsDouble();
            if (!(Math.abs(a - expected) <= tolerance)) {
                return fail("your value is " + Format.number(a, 6) + ", expected " + Format.number(expected, 6)
                        + " (within " + Format.number(tolerance, 2) + ")" + cause(a, expected));
            }
            return Format.number(a, 6) + " (expected " + Format.number(expected, 6) + ")";
        });
    }

    /**
     * Checks that what the learner's choice achieves reaches a goal: {@code measured} runs it (e.g. trains with the
     * learner's learning rate and returns the accuracy) and must be at least {@code goal}.
     */
    public static void atLeast(String name, DoubleSupplier measured, double goal, String what) {
        target(name, measured, goal, true, what);
    }

    /** As {@link #atLeast}, for a measure that must be at most {@code goal} (a loss, a number of steps). */
    public static void atMost(String name, DoubleSupplier measured, double goal, String what) {
        target(name, measured, goal, false, what);
    }

    private static void target(String name, DoubleSupplier measured, double goal, boolean atLeast, String what) {
        check(name, () -> {
            double m = measured.getAsDouble();
            boolean reached = atLeast ? m >= goal : m <= goal;
            String relation = (atLeast ? " ≥ " : " ≤ ");
            if (!reached) {
                return fail(what + " is " + Format.number(m, 6) + ", the goal is" + relation + Format.number(goal, 6));
            }
            return what + " " + Format.number(m, 6) + relation + Format.number(goal, 6);
        });
    }

    /**
     * Checks a multiple-choice answer: {@code answer} returns the letter chosen, {@code correct} is the right
     * one, and {@code whyNot} explains each wrong letter (the feedback a learner gets for it).
     */
    public static void choice(String name, Supplier<String> answer, String correct, Map<String, String> whyNot) {
        check(name, () -> {
            String a = answer.get();
            String letter = a == null ? "" : a.strip().toUpperCase(java.util.Locale.ROOT);
            if (letter.equals(correct)) {
                return "answer " + correct;
            }
            String reason = whyNot.get(letter);
            return fail(reason != null ? "not " + letter + ": " + reason
                    : "the answer is one of " + options(correct, whyNot) + ", got " + Format.quoted(a));
        });
    }

    // ---------------------------------------------------------------- the mechanism

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;
    private static final double PATH_TOLERANCE = 1e-10;

    /** A wrong answer's feedback, thrown as the failure of the check cell. */
    private static final class Wrong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Wrong(String feedback) {
            super(feedback, null, false, false);
        }
    }

    private static String fail(String feedback) {
        throw new Wrong(feedback);
    }

    /** Runs a check: prints ✓ or "not solved yet", throws the feedback as an AssertionError when wrong. */
    private static void check(String name, Supplier<String> body) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Exercise: give the exercise a name, e.g. \"1.1 the derivative of f\"");
        }
        String passed;
        try {
            passed = body.get();
        } catch (NotSolved e) {
            SOLVED.put(name, false);
            System.out.println("not solved yet: " + name);
            return;
        } catch (Wrong e) {
            SOLVED.put(name, false);
            throw new AssertionError("✗ " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            SOLVED.put(name, false);
            throw new AssertionError("✗ " + name + ": your code threw " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""), e);
        }
        SOLVED.put(name, true);
        System.out.println("✓ " + name + ": " + passed);
    }

    /** |a − b| / max(|a|, |b|, 1e-8): relative, but absolute near zero. */
    static double relativeError(double a, double b) {
        if (a == b) {
            return 0;
        }
        double error = Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-8);
        return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }

    /** The likely cause of {@code mine} where {@code expected} was due: a sign, a factor 2, another factor. */
    static String cause(double mine, double expected) {
        if (!Double.isFinite(mine)) {
            return ": yours is not a number; look for a division by zero or an overflow";
        }
        if (expected == 0 || mine == 0) {
            return mine == 0 ? ": yours is 0; is a term missing?" : "";
        }
        double ratio = mine / expected;
        if (Math.abs(ratio + 1) < 1e-6) {
            return ": the same size with the opposite sign; check the sign";
        }
        if (Math.abs(ratio - 2) < 1e-6 || Math.abs(ratio - 0.5) < 1e-6) {
            return ": off by a factor " + (ratio > 1 ? "2 (one too many)" : "2 (one missing)")
                    + "; check the constant factors";
        }
        if (Math.abs(ratio + 2) < 1e-6 || Math.abs(ratio + 0.5) < 1e-6) {
            return ": off by a factor 2 and the sign; check the constants and the sign";
        }
        return "";
    }

    private static String ruleCause(int k, double[] myStep, double[] step, double[] ax, double[] ay, double[] bx,
            double[] by) {
        double dot = myStep[0] * step[0] + myStep[1] * step[1];
        double mine = Math.hypot(myStep[0], myStep[1]);
        double theirs = Math.hypot(step[0], step[1]);
        if (dot < 0) {
            return ": your step goes the opposite way; check the sign of the update";
        }
        double cos = dot / (mine * theirs);
        if (cos > 1 - 1e-9 && theirs > 0) {
            String ratio = Format.number(mine / theirs, 4);
            if (k == 1 && Math.abs(ax[ax.length - 1] - bx[bx.length - 1]) < 1e-3 * (1 + Math.abs(bx[bx.length - 1]))
                    && Math.abs(ay[ay.length - 1] - by[by.length - 1]) < 1e-3 * (1 + Math.abs(by[by.length - 1]))) {
                return ": the first steps differ in length (yours × " + ratio + ") but the paths meet later: a"
                        + " missing bias correction?";
            }
            return ": the same direction, but your step is " + ratio + " times as long; a missing or extra factor"
                    + " (the learning rate, or a (1 − β)?)";
        }
        return ": your step points elsewhere (angle " + Format.number(Math.toDegrees(Math.acos(Math.min(1, cos))), 3)
                + "°); check which gradient or average the step uses";
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Format.number(v[i], 6));
        }
        return s.append(')').toString();
    }

    private static String options(String correct, Map<String, String> whyNot) {
        java.util.TreeSet<String> letters = new java.util.TreeSet<>(whyNot.keySet());
        letters.add(correct);
        return String.join(", ", letters);
    }
}
