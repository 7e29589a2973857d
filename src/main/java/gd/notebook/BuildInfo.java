package gd.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Which build of the library is loaded: version and build time (written into
 * {@code gd/build.properties} by Maven), the jar it came from and, when that jar sits in a
 * repository's {@code target/lib}, whether the repository's {@code src/main} changed since.
 *
 * @param version    the library version, e.g. {@code 1.0.0-SNAPSHOT}
 * @param built      when the library was built, e.g. {@code 2026-11-23 10:52:00 UTC}
 * @param jar        the jar the classes were loaded from, if they came from a jar
 * @param newestSource the most recently changed file under the repository's {@code src/main}
 *                   if it is newer than the jar
 */
record BuildInfo(String version, String built, Optional<Path> jar, Optional<Path> newestSource) {
    /** The build of the library that loaded this class. */
    static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/gd/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Notebook.init: cannot read gd/build.properties", e);
        }
        Optional<Path> jar = jarOf(BuildInfo.class);
        Optional<Path> stale = jar.flatMap(BuildInfo::newerSource);
        return new BuildInfo(value(p, "version"), value(p, "built"), jar, stale);
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "");
        return v.isBlank() || v.contains("${") ? "unknown" : v.strip();
    }

    /** The jar file that {@code type} was loaded from, if any. */
    static Optional<Path> jarOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path)
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The newest file under {@code src/main} of the repository that holds {@code jar}
     * (a folder at most three levels up with {@code pom.xml} and {@code src/main}), if it is newer
     * than the jar.
     */
    static Optional<Path> newerSource(Path jar) {
        try {
            FileTime jarTime = Files.getLastModifiedTime(jar);
            Path dir = jar.toAbsolutePath().normalize().getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                Path main = dir.resolve("src").resolve("main");
                if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(main)) {
                    return newestFile(main).filter(f -> modified(f).compareTo(jarTime) > 0);
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> newestFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            Path newest = null;
            FileTime newestTime = null;
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                FileTime t = modified(f);
                if (newestTime == null || t.compareTo(newestTime) > 0) {
                    newest = f;
                    newestTime = t;
                }
            }
            return Optional.ofNullable(newest);
        }
    }

    static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
