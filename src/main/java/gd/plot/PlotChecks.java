package gd.plot;

import gd.data.Dataset;
import gd.data.Labels;
import gd.matrix.Matrix;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The input checks of the plot helpers: each names the helper, what it received and what it expected. */
final class PlotChecks {
    private PlotChecks() {
    }

    /** A map of one named value, which {@link #entries} then checks as any other (a null value included). */
    static <V> Map<String, V> one(String name, V value) {
        Map<String, V> one = new LinkedHashMap<>();
        one.put(name, value);
        return one;
    }

    /** The entries of a named map in its own order if it keeps one, otherwise sorted by name. */
    static <V> List<Map.Entry<String, V>> entries(String op, String what, Map<String, V> map) {
        if (map == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + what + " is empty; pass at least one");
        }
        List<Map.Entry<String, V>> entries = new ArrayList<>();
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(op + ": " + what + " has a null " + (e.getKey() == null
                        ? "name" : "value for \"" + e.getKey() + "\""));
            }
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        if (!(map instanceof LinkedHashMap || map instanceof SortedMap)) {
            entries.sort(Map.Entry.comparingByKey());
        }
        return entries;
    }

    /** The elements of an array that is there, none of them null, e.g. ("paths", "path") for "path 2 is null". */
    static <T> List<T> requireElements(String op, String what, String each, T[] elements) {
        if (elements == null) {
            throw new IllegalArgumentException(op + ": " + what + " is null");
        }
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                throw new IllegalArgumentException(op + ": " + each + " " + i + " is null");
            }
        }
        return Arrays.asList(elements);
    }

    /** At least one series, none null, each with a finite point that the (log) axes can show. */
    static void requireSeries(String op, LogScale log, Series... series) {
        if (series == null || series.length == 0) {
            throw new IllegalArgumentException(op + ": no series; pass at least one");
        }
        for (int i = 0; i < series.length; i++) {
            Series s = series[i];
            if (s == null) {
                throw new IllegalArgumentException(op + ": series " + i + " is null");
            }
            boolean finite = false;
            boolean showable = false;
            double[] x = s.x();
            double[] y = s.y();
            for (int j = 0; j < y.length; j++) {
                if (Double.isFinite(x[j]) && Double.isFinite(y[j])) {
                    finite = true;
                    showable |= (!log.logX() || x[j] > 0) && (!log.logY() || y[j] > 0);
                }
            }
            if (!finite) {
                throw new IllegalArgumentException(op + ": series \"" + s.name() + "\" has no finite point ("
                        + s.size() + " points)");
            }
            if (!showable) {
                String which = log == LogScale.XY ? "x and y" : log.logX() ? "x" : "y";
                throw new IllegalArgumentException(op + ": series \"" + s.name() + "\" has no point with positive "
                        + which + " to show on a log scale");
            }
        }
    }

    /** Titles that are not null. */
    static void requireText(String op, String... texts) {
        for (String t : texts) {
            if (t == null) {
                throw new IllegalArgumentException(op + ": titles must not be null (use \"\" for none)");
            }
        }
    }

    /** A finite range with from &lt; to. */
    static void requireWindow(String op, String axis, double from, double to) {
        if (!(from < to) || !Double.isFinite(to - from)) {
            throw new IllegalArgumentException(op + ": the " + axis + "-range must be finite with from < to, got "
                    + Format.repr(from) + " … " + Format.repr(to));
        }
    }

    /** At least one step. */
    static void requireSteps(String op, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(op + ": steps must be at least 1, got " + steps);
        }
    }

    /** A non-empty dataset of points in the plane with class targets; returns the classes. */
    static int[] requirePlane(String op, Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException(op + ": data is null");
        }
        if (data.featureCount() != 2) {
            throw new IllegalArgumentException(op + ": expected a dataset with 2 features (points in the plane), got "
                    + data);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(op + ": the dataset is empty");
        }
        if (!data.x().isFinite()) {
            throw new IllegalArgumentException(op + ": the features of " + data + " are not all finite");
        }
        return labels(op, data.y());
    }

    /** The class of each target row, with the library's message under this helper's name. */
    static int[] labels(String op, Matrix y) {
        try {
            return Labels.indices(y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage().replaceFirst("^Labels.indices: ", ""), e);
        }
    }
}
