package gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of {@code src/main/java/gd} as a test: which package may use which (the same table as the
 * README's architecture section), no cycles, and nothing in the core of the library reaching the presentation
 * packages. Dependencies are read from the sources: imports, and fully qualified names in code (comments and
 * javadoc do not count).
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "gd");

    /** What each package may use, besides itself: imports point only downwards in this list. */
    static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("util", Set.of()),
            Map.entry("matrix", Set.of("util")),
            Map.entry("loss", Set.of("matrix", "util")),
            Map.entry("nn", Set.of("matrix", "util")),
            Map.entry("data", Set.of("matrix", "util")),
            Map.entry("check", Set.of("loss", "nn", "matrix", "util")),
            Map.entry("optim", Set.of("nn", "matrix", "util")),
            Map.entry("schedule", Set.of("optim", "nn", "matrix", "util")),
            Map.entry("train", Set.of("schedule", "optim", "data", "loss", "nn", "matrix", "util")),
            Map.entry("tune", Set.of("train", "schedule", "optim", "data", "loss", "nn", "matrix", "util")),
            Map.entry("landscape", Set.of("train", "optim", "loss", "nn", "matrix", "util")),
            Map.entry("exercise", Set.of("check", "tune", "train", "landscape", "schedule", "optim", "data", "loss",
                    "nn", "matrix", "util")),
            Map.entry("render", Set.of("util")),
            Map.entry("plot", Set.of("tune", "train", "landscape", "schedule", "optim", "data", "loss", "nn", "matrix",
                    "util")),
            Map.entry("notebook", Set.of("render", "train", "util"))));

    /** The presentation: figures, their rendering and the Jupyter bridge. */
    static final Set<String> PRESENTATION = Set.of("plot", "render", "notebook");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?gd\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bgd\\.(\\w+)\\.[A-Za-z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void everyPackageUsesOnlyWhatTheMapAllows() throws IOException {
        Map<String, Set<String>> uses = dependencies(SOURCES);
        assertEquals(ALLOWED.keySet(), uses.keySet(), "the packages under src/main/java/gd; a new one needs a row in"
                + " ALLOWED and in the README's architecture section");
        List<String> violations = violations(uses, ALLOWED);
        assertTrue(violations.isEmpty(), "imports the package map does not allow:\n" + String.join("\n", violations));
    }

    @Test
    void theCoreNeverUsesThePresentation() throws IOException {
        List<String> offenders = new ArrayList<>();
        dependencies(SOURCES).forEach((pkg, used) -> {
            if (!PRESENTATION.contains(pkg)) {
                used.stream().filter(PRESENTATION::contains).forEach(p -> offenders.add("gd." + pkg + " uses gd." + p));
            }
        });
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void thePackagesFormNoCycle() throws IOException {
        List<String> cycle = cycle(dependencies(SOURCES));
        assertTrue(cycle.isEmpty(), "a package cycle: " + String.join(" → ", cycle));
    }

    /** The checks themselves find what they are for: a planted import and a cycle. */
    @Test
    void theChecksCatchAPlantedImportAndACycle(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("train"));
        Files.createDirectories(dir.resolve("notebook"));
        Files.writeString(dir.resolve("train/Trainer.java"), "package gd.train;\n\nimport gd.notebook.LiveOutput;\n"
                + "/** uses gd.plot.Plots in a comment only */\nclass Trainer { String s = \"gd.render.Html.x\"; }\n");
        Files.writeString(dir.resolve("notebook/LiveOutput.java"), "package gd.notebook;\n\nclass LiveOutput {\n"
                + "    Object t = new gd.train.Trainer();\n}\n");
        Map<String, Set<String>> uses = dependencies(dir);
        assertEquals(Map.of("train", Set.of("notebook"), "notebook", Set.of("train")), uses);
        assertEquals(List.of("gd.train uses gd.notebook, which the package map does not allow"),
                violations(Map.of("train", uses.get("train")), ALLOWED));
        assertEquals(List.of("notebook", "train", "notebook"), cycle(uses));
    }

    /** For each package under {@code root}, the other packages of the library its sources use. */
    static Map<String, Set<String>> dependencies(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(file.getParent()).toString();
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    used.add(imports.group(1));
                }
                String code = STRING.matcher(COMMENT.matcher(source).replaceAll(" ")).replaceAll("\"\"");
                Matcher names = QUALIFIED.matcher(code.replaceAll("(?m)^(package|import) .*$", ""));
                while (names.find()) {
                    used.add(names.group(1));
                }
                used.remove(pkg);
            }
        }
        return uses;
    }

    private static List<String> violations(Map<String, Set<String>> uses, Map<String, Set<String>> allowed) {
        List<String> violations = new ArrayList<>();
        uses.forEach((pkg, used) -> used.stream().filter(p -> !allowed.getOrDefault(pkg, Set.of()).contains(p))
                .forEach(p -> violations.add("gd." + pkg + " uses gd." + p + ", which the package map does not allow")));
        return violations;
    }

    /** A cycle of the graph as the packages along it (first = last), or empty; depth-first, in name order. */
    static List<String> cycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : new TreeSet<>(uses.keySet())) {
            List<String> path = new ArrayList<>();
            if (visit(start, uses, state, path)) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean visit(String pkg, Map<String, Set<String>> uses, Map<String, Integer> state,
            List<String> path) {
        int s = state.getOrDefault(pkg, 0);
        if (s == 2) {
            return false;
        }
        if (s == 1) {
            path.subList(0, path.indexOf(pkg)).clear();
            path.add(pkg);
            return true;
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : new TreeSet<>(uses.getOrDefault(pkg, Set.of()))) {
            if (visit(next, uses, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return false;
    }
}
