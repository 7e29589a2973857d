package gd.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.render.PlotlyJs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-cell banner: versions, offline plotly.js, and the rebuild warning. */
class NotebookTest {
    @Test
    void bannerNamesVersionsAndInlinesPlotly() {
        Banner banner = Notebook.init();
        String line = banner.text();
        assertTrue(line.matches("gd \\S+ \\(built [^)]+\\) · Java \\S+ · plotly\\.js 2\\.35\\.3 · plots render offline"),
                line);
        assertTrue(line.contains("Java " + System.getProperty("java.version")), line);
        assertFalse(banner.stale(), "tests run from target/classes, not from a jar");
        assertEquals(line, banner.toString());
        String html = banner.html();
        assertTrue(html.startsWith("<div class=\"gd-banner\""), html.substring(0, 60));
        assertTrue(html.contains(PlotlyJs.scriptTag()), "the html form carries plotly.js");
        assertFalse(html.contains("gd-banner-warning"));
    }

    @Test
    void buildPropertiesAreFilledByMaven() {
        BuildInfo build = BuildInfo.current();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), build.version());
        assertTrue(build.built().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"), build.built());
    }

    @Test
    void staleJarIsDetected(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path source = repo.resolve("src/main/java/gd/X.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class X {}");
        Path jar = repo.resolve("target/lib/gd.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        Files.setLastModifiedTime(jar, FileTime.from(now));
        Files.setLastModifiedTime(source, FileTime.from(now.minusSeconds(60)));
        assertEquals(Optional.empty(), BuildInfo.newerSource(jar), "sources older than the jar");

        Files.setLastModifiedTime(source, FileTime.from(now.plusSeconds(60)));
        assertEquals(Optional.of(source), BuildInfo.newerSource(jar));

        Banner banner = Notebook.banner(new BuildInfo("1.2.3", "2026-01-01 12:00:00 UTC", Optional.of(jar),
                BuildInfo.newerSource(jar)));
        assertTrue(banner.stale());
        String warning = banner.text().lines().toList().get(1);
        assertEquals("WARNING: the library jar " + jar + " is older than " + source
                + " (changed 2026-01-01 12:01:00 UTC). Rebuild with ./gd build, then restart the kernel.", warning);
        assertTrue(banner.html().contains("<div class=\"gd-banner-warning\""), banner.html().substring(0, 400));
    }

    @Test
    void jarOutsideARepositoryIsNeverStale(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("gd.jar");
        Files.writeString(jar, "jar");
        assertEquals(Optional.empty(), BuildInfo.newerSource(jar));
    }
}
