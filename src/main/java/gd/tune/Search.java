package gd.tune;

import gd.matrix.Rng;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Grid search and random search over named hyper-parameter ranges: each trial is a point of the ranges, trained
 * and scored by a function you write (on a validation set, never the test set), and the result lists every trial
 * with its score.
 * <pre>{@code
 * var lr = Search.logRange("lr", 1e-4, 1e-1);
 * var wd = Search.logRange("weightDecay", 1e-6, 1e-2);
 * Search.Result grid = Search.grid(4, lr, wd)                     // 4 × 4 = 16 trials
 *         .maximize(p -> validationAccuracy(p.get("lr"), p.get("weightDecay")));
 * Search.Result random = Search.random(rng.split(), 16, lr, wd)   // 16 trials drawn at random
 *         .maximize(p -> validationAccuracy(p.get("lr"), p.get("weightDecay")));
 * random.best();     random.table();
 * }</pre>
 * On a log range the points are spread evenly in log10 (a grid of 4 over [1e-4, 1e-1] is 1e-4, 1e-3, 1e-2, 1e-1;
 * a random draw is 10^u with u uniform over [−4, −1]). A grid tries {@code n} values of each range and every
 * combination of them, the first range varying slowest; random search draws each trial's values independently,
 * so n trials try n different values of every range (Bergstra and Bengio,
 * <a href="https://jmlr.org/papers/v13/bergstra12a.html">Random Search for Hyper-Parameter Optimization</a>,
 * 2012). The same {@link Rng} seed gives the same points; the trials run in order, one after the other.
 */
public final class Search {
    private final String description;
    private final List<Range> ranges;
    private final List<Point> points;

    private Search(String description, List<Range> ranges, List<Point> points) {
        this.description = description;
        this.ranges = ranges;
        this.points = points;
    }

    /**
     * A named range of one hyper-parameter, searched on a log scale or a linear one.
     *
     * @param name the name the objective reads the value by, e.g. {@code "lr"}
     * @param low the smallest value
     * @param high the largest value
     * @param log whether the values are spread evenly in log10 (true) or linearly
     */
    public record Range(String name, double low, double high, boolean log) {
        /** Checks the name and the bounds: low &lt; high, both finite, and both positive on a log scale. */
        public Range {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Search.Range: give the hyper-parameter a name, e.g. \"lr\"; got "
                        + Format.quoted(name));
            }
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high) || (log && !(low > 0))) {
                throw new IllegalArgumentException("Search.Range " + Format.quoted(name) + ": needs " + (log
                        ? "0 < low < high" : "low < high") + ", both finite, got low=" + Format.repr(low)
                        + ", high=" + Format.repr(high));
            }
        }

        /** The value at fraction {@code u} ∈ [0, 1] of the range: low at 0, high at 1, in log10 on a log range. */
        public double at(double u) {
            if (u == 0 || u == 1) {
                return u == 0 ? low : high;
            }
            return log ? Math.pow(10, Math.log10(low) + (Math.log10(high) - Math.log10(low)) * u)
                    : low + (high - low) * u;
        }

        /** The {@code i}-th of {@code n} values spread evenly over the range, both ends included (n ≥ 2). */
        double gridValue(int i, int n) {
            if (i == 0 || i == n - 1) {
                return i == 0 ? low : high;
            }
            return log ? Math.pow(10, Math.log10(low) + (Math.log10(high) - Math.log10(low)) * i / (n - 1))
                    : low + (high - low) * i / (n - 1);
        }

        /** For example {@code lr in [0.0001, 0.1], log scale}. */
        @Override
        public String toString() {
            return name + " in [" + Format.repr(low) + ", " + Format.repr(high) + "]" + (log ? ", log scale" : "");
        }
    }

    /** A range searched on a log scale: values spread evenly in log10 between {@code low} &gt; 0 and {@code high}. */
    public static Range logRange(String name, double low, double high) {
        return new Range(name, low, high, true);
    }

    /** A range searched on a linear scale, between {@code low} and {@code high}. */
    public static Range linearRange(String name, double low, double high) {
        return new Range(name, low, high, false);
    }

    /**
     * One point of the search: a value for each range, by name.
     *
     * @param values the values by name, in the order of the ranges
     */
    public record Point(Map<String, Double> values) {
        /** Keeps an unmodifiable copy, in the same order. */
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value of the hyper-parameter {@code name}; an unknown name is refused with the known ones. */
        public double get(String name) {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("Search.Point.get: no hyper-parameter named " + Format.quoted(name)
                        + "; this search has " + values.keySet());
            }
            return v;
        }

        /** For example {@code lr=0.001, weightDecay=1e-05}. */
        @Override
        public String toString() {
            List<String> s = new ArrayList<>();
            values.forEach((name, v) -> s.add(name + "=" + Format.number(v)));
            return String.join(", ", s);
        }
    }

    /** What trains a model at one point and scores it, e.g. its accuracy on the validation set. */
    @FunctionalInterface
    public interface Objective {
        /** The score of {@code point}; NaN for a trial that failed (it counts as the worst). */
        double score(Point point);
    }

    /**
     * One trial of a search: its point, its score and how long it took.
     *
     * @param index the trial's number, from 0, in the order the trials ran
     * @param point the hyper-parameters tried
     * @param score what the objective returned (NaN: the trial failed)
     * @param seconds the wall-clock time of the trial
     */
    public record Trial(int index, Point point, double score, double seconds) {
        /** The value of the hyper-parameter {@code name} in this trial. */
        public double get(String name) {
            return point.get(name);
        }

        /** For example {@code trial 7: lr=0.001, weightDecay=1e-05, score 0.9312 (0.8 s)}. */
        @Override
        public String toString() {
            return "trial " + index + ": " + point + ", score " + Format.number(score) + " (" + Format.seconds(seconds)
                    + ")";
        }
    }

    // ---------------------------------------------------------------- the two searches

    /**
     * Grid search: {@code perRange} values of each range, spread evenly (in log10 on a log range) with both ends
     * included, and every combination of them, the first range varying slowest: perRange^ranges trials.
     */
    public static Search grid(int perRange, Range... ranges) {
        List<Range> list = ranges("Search.grid", ranges);
        if (perRange < 2) {
            throw new IllegalArgumentException("Search.grid: perRange must be at least 2 (both ends of each range),"
                    + " got " + perRange);
        }
        List<Point> points = new ArrayList<>();
        int total = (int) Math.pow(perRange, list.size());
        for (int t = 0; t < total; t++) {
            Map<String, Double> values = new LinkedHashMap<>();
            int rest = t;
            int[] index = new int[list.size()];
            for (int r = list.size() - 1; r >= 0; r--) {
                index[r] = rest % perRange;
                rest /= perRange;
            }
            for (int r = 0; r < list.size(); r++) {
                values.put(list.get(r).name(), list.get(r).gridValue(index[r], perRange));
            }
            points.add(new Point(values));
        }
        String shape = String.join(" × ", Collections.nCopies(list.size(), String.valueOf(perRange)));
        return new Search("grid search (" + shape + " = " + Format.plural(total, "trial") + ")", list, points);
    }

    /**
     * Random search: {@code trials} points, each value drawn independently and uniformly over its range (in log10
     * on a log range) from {@code rng}, range by range and trial by trial.
     */
    public static Search random(Rng rng, int trials, Range... ranges) {
        List<Range> list = ranges("Search.random", ranges);
        if (rng == null) {
            throw new IllegalArgumentException("Search.random: rng is null; pass one, e.g. rng.split()");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("Search.random: trials must be at least 1, got " + trials);
        }
        List<Point> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Range r : list) {
                values.put(r.name(), r.at(rng.uniform()));
            }
            points.add(new Point(values));
        }
        return new Search("random search (" + Format.plural(trials, "trial") + ")", list, points);
    }

    private static List<Range> ranges(String operation, Range[] ranges) {
        if (ranges == null || ranges.length == 0) {
            throw new IllegalArgumentException(operation + ": give at least one range, e.g. Search.logRange(\"lr\","
                    + " 1e-4, 1e-1)");
        }
        List<String> names = new ArrayList<>();
        for (Range r : ranges) {
            if (r == null || names.contains(r.name())) {
                throw new IllegalArgumentException(operation + ": " + (r == null ? "a range is null"
                        : "two ranges are named " + Format.quoted(r.name())) + "; give each hyper-parameter one range");
            }
            names.add(r.name());
        }
        return List.of(ranges);
    }

    /** The ranges searched. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The points the search will try, in order. */
    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** Runs every trial, in order, and keeps the highest score as the best (for an accuracy). */
    public Result maximize(Objective objective) {
        return run(objective, true);
    }

    /** Runs every trial, in order, and keeps the lowest score as the best (for a loss). */
    public Result minimize(Objective objective) {
        return run(objective, false);
    }

    private Result run(Objective objective, boolean maximize) {
        if (objective == null) {
            throw new IllegalArgumentException("Search: the objective is null; pass a function of the point that"
                    + " trains and returns the validation score, e.g. p -> accuracy(p.get(\"lr\"))");
        }
        List<Trial> trials = new ArrayList<>();
        for (Point p : points) {
            long start = System.nanoTime();
            double score = objective.score(p);
            trials.add(new Trial(trials.size(), p, score, (System.nanoTime() - start) / 1e9));
        }
        return new Result(description, ranges, trials, maximize);
    }

    /** For example {@code grid search (4 × 4 = 16 trials) over lr in [0.0001, 0.1], log scale; ...}. */
    @Override
    public String toString() {
        List<String> r = new ArrayList<>();
        for (Range range : ranges) {
            r.add(range.toString());
        }
        return description + " over " + String.join("; ", r);
    }

    // ---------------------------------------------------------------- the result

    /** The trials of a search in the order they ran, and the best one. */
    public static final class Result {
        private final String description;
        private final List<Range> ranges;
        private final List<Trial> trials;
        private final boolean maximize;

        private Result(String description, List<Range> ranges, List<Trial> trials, boolean maximize) {
            this.description = description;
            this.ranges = ranges;
            this.trials = List.copyOf(trials);
            this.maximize = maximize;
        }

        /** Every trial, in the order they ran. */
        public List<Trial> trials() {
            return trials;
        }

        /** Whether a higher score is better. */
        public boolean maximizes() {
            return maximize;
        }

        /** The trial with the best score (the first of equal ones); failed trials (NaN) never are. */
        public Trial best() {
            Trial best = null;
            for (Trial t : trials) {
                if (!Double.isNaN(t.score()) && (best == null || better(t.score(), best.score()))) {
                    best = t;
                }
            }
            if (best == null) {
                throw new IllegalStateException("Search.Result.best: all " + Format.plural(trials.size(), "trial")
                        + " failed (their scores are NaN)");
            }
            return best;
        }

        /** The score of each trial, in order. */
        public double[] scores() {
            double[] s = new double[trials.size()];
            for (int t = 0; t < s.length; t++) {
                s[t] = trials.get(t).score();
            }
            return s;
        }

        /** The value of hyper-parameter {@code name} in each trial, in order. */
        public double[] values(String name) {
            double[] v = new double[trials.size()];
            for (int t = 0; t < v.length; t++) {
                v[t] = trials.get(t).get(name);
            }
            return v;
        }

        /** The best score among the first t + 1 trials, for each t (NaN until a trial succeeds). */
        public double[] bestSoFar() {
            double[] best = new double[trials.size()];
            double b = Double.NaN;
            for (int t = 0; t < best.length; t++) {
                double s = trials.get(t).score();
                if (!Double.isNaN(s) && (Double.isNaN(b) || better(s, b))) {
                    b = s;
                }
                best[t] = b;
            }
            return best;
        }

        /** How many different values of {@code name} the trials tried. */
        public int distinctValues(String name) {
            return (int) java.util.Arrays.stream(values(name)).distinct().count();
        }

        /**
         * The trials as a Tablesaw {@link Table}, one row per trial: {@code trial}, one column per hyper-parameter,
         * {@code score} and {@code seconds}; e.g. {@code result.table().sortDescendingOn("score")}.
         */
        public Table table() {
            int[] index = new int[trials.size()];
            double[] seconds = new double[trials.size()];
            for (int t = 0; t < index.length; t++) {
                index[t] = t;
                seconds[t] = trials.get(t).seconds();
            }
            Table table = Table.create(description).addColumns(IntColumn.create("trial", index));
            for (Range r : ranges) {
                table.addColumns(DoubleColumn.create(r.name(), values(r.name())));
            }
            return table.addColumns(DoubleColumn.create("score", scores()), DoubleColumn.create("seconds", seconds));
        }

        private boolean better(double a, double b) {
            return maximize ? a > b : a < b;
        }

        /** The search, its best trial, and every trial on a line of its own. */
        @Override
        public String toString() {
            double seconds = 0;
            for (Trial t : trials) {
                seconds += t.seconds();
            }
            boolean any = trials.stream().anyMatch(t -> !Double.isNaN(t.score()));
            StringBuilder s = new StringBuilder(description).append(", ").append(maximize ? "maximizing" : "minimizing")
                    .append(", ").append(Format.seconds(seconds)).append(": ")
                    .append(any ? "best " + best() : "every trial failed");
            for (Trial t : trials) {
                s.append("\n  ").append(t);
            }
            return s.toString();
        }
    }
}
