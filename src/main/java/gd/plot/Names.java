package gd.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short legend names for optimizers and schedules, made from their {@code toString()}. */
final class Names {
    /** Settings that change which algorithm runs, shown whenever they are on. */
    private static final Set<String> VARIANTS = Set.of("momentum", "nesterov", "weightDecay", "amsgrad", "centered");

    private Names() {
    }

    /**
     * Legend names for optimizers given by their {@code toString()}, e.g. {@code Sgd(lr=0.1, momentum=0.9, …)}:
     * the class with its learning rate, the variant settings that are on (momentum, Nesterov, weight decay,
     * AMSGrad) and any setting in which two optimizers of the same class differ. Names that are still equal get
     * " #2", " #3", ….
     */
    static List<String> optimizers(List<String> reprs) {
        List<String> classes = new ArrayList<>();
        List<Map<String, String>> settings = new ArrayList<>();
        for (String r : reprs) {
            int open = r.indexOf('(');
            classes.add(open > 0 && r.endsWith(")") ? r.substring(0, open) : null);
            settings.add(open > 0 && r.endsWith(")") ? settings(r.substring(open + 1, r.length() - 1)) : Map.of());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reprs.size(); i++) {
            if (classes.get(i) == null) {
                names.add(reprs.get(i));
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, String> e : settings.get(i).entrySet()) {
                String key = e.getKey();
                String value = e.getValue();
                boolean keep = key.equals("lr") || VARIANTS.contains(key) && !value.equals("0.0")
                        && !value.equals("false");
                for (int j = 0; j < reprs.size() && !keep; j++) {
                    keep = j != i && classes.get(i).equals(classes.get(j))
                            && !value.equals(settings.get(j).get(key));
                }
                if (keep) {
                    parts.add(key + "=" + value);
                }
            }
            names.add(classes.get(i) + "(" + String.join(", ", parts) + ")");
        }
        return unique(names);
    }

    /** The top-level {@code key=value} pairs of {@code a=1, b=(2, 3), c=x}, in order. */
    static Map<String, String> settings(String inside) {
        Map<String, String> result = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inside.length(); i++) {
            char c = i < inside.length() ? inside.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String part = inside.substring(start, i).strip();
                int eq = part.indexOf('=');
                if (eq > 0) {
                    result.put(part.substring(0, eq), part.substring(eq + 1));
                }
                start = i + 1;
            }
        }
        return result;
    }

    /** The names with " #1", " #2", … added to those that occur more than once. */
    static List<String> unique(List<String> names) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int seen = 0;
            int total = 0;
            for (int j = 0; j < names.size(); j++) {
                if (names.get(j).equals(name)) {
                    total++;
                    seen += j <= i ? 1 : 0;
                }
            }
            result.add(total > 1 ? name + " #" + seen : name);
        }
        return result;
    }
}
