package gd.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress outside a kernel: a plain line at most every few seconds, and always a final line. */
class ProgressTest {
    /** A clock the test moves by hand, in nanoseconds. */
    private static final class FakeClock {
        long nanos;

        void advanceMillis(long millis) {
            nanos += millis * 1_000_000L;
        }
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsAtMostEveryIntervalAndAFinalLine() {
        var out = new ByteArrayOutputStream();
        var clock = new FakeClock();
        var progress = new Progress("epochs", 20, Progress.printing(new PrintStream(out, true, StandardCharsets.UTF_8)),
                () -> clock.nanos, 5000);
        for (int epoch = 1; epoch <= 20; epoch++) {
            clock.advanceMillis(1000);
            progress.update(epoch, "loss " + (1.0 / epoch));
        }
        progress.finish("final loss 0.05");
        assertEquals(List.of(
                "epochs 1/20 (5%) 1.0 s, about 19.0 s left · loss 1.0",
                "epochs 6/20 (30%) 6.0 s, about 14.0 s left · loss 0.16666666666666666",
                "epochs 11/20 (55%) 11.0 s, about 9.0 s left · loss 0.09090909090909091",
                "epochs 16/20 (80%) 16.0 s, about 4.0 s left · loss 0.0625",
                "epochs done 20/20 in 20.0 s · final loss 0.05"), lines(out));
        assertEquals("Progress(epochs, 20/20, finished)", progress.toString());
    }

    @Test
    void fastLoopPrintsFirstAndFinalLineOnly() {
        var out = new ByteArrayOutputStream();
        var clock = new FakeClock();
        try (var progress = new Progress("batches", 1000,
                Progress.printing(new PrintStream(out, true, StandardCharsets.UTF_8)), () -> clock.nanos, 5000)) {
            for (int i = 1; i <= 1000; i++) {
                clock.advanceMillis(1);
                progress.update(i, null);
            }
        }
        assertEquals(List.of("batches 1/1000 (0%) 0.0 s, about 1.0 s left", "batches done 1000/1000 in 1.0 s"),
                lines(out));
    }

    @Test
    void finishTwiceShowsOnce() {
        var out = new ByteArrayOutputStream();
        var progress = new Progress("x", 3, Progress.printing(new PrintStream(out, true, StandardCharsets.UTF_8)),
                () -> 0L, 5000);
        progress.finish("a");
        progress.finish("b");
        progress.close();
        assertEquals(List.of("x done 0/3 in 0.0 s · a"), lines(out));
    }

    @Test
    void badCallsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Progress.start("epochs", 0));
        assertEquals("Progress.start: total must be ≥ 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Progress.start(null, 3));
        assertEquals("Progress.start: label is null", e.getMessage());
        var progress = new Progress("epochs", 3, (t, h, f, l) -> { }, () -> 0L, 5000);
        e = assertThrows(IllegalArgumentException.class, () -> progress.update(4, null));
        assertEquals("Progress(epochs).update: done must be in [0, 3], got 4", e.getMessage());
        progress.finish(null);
        var state = assertThrows(IllegalStateException.class, () -> progress.update(3, null));
        assertEquals("Progress(epochs).update: already finished", state.getMessage());
    }

    @Test
    void kernelSinkGetsFirstUpdatesAndLastWithHtml() {
        var shown = new java.util.ArrayList<String>();
        var clock = new FakeClock();
        var progress = new Progress("epochs", 4, (text, html, first, last) -> shown.add(
                (first ? "first " : "") + (last ? "last " : "") + html), () -> clock.nanos, 250);
        for (int i = 1; i <= 4; i++) {
            clock.advanceMillis(300);
            progress.update(i, i == 2 ? "<b>" : null);
        }
        progress.finish(null);
        assertEquals(5, shown.size());
        assertTrue(shown.get(0).startsWith("first <div class=\"gd-progress\""), shown.get(0));
        assertTrue(shown.get(0).contains("<progress value=\"1\" max=\"4\""), shown.get(0));
        assertTrue(shown.get(1).contains("· &lt;b&gt;</div>"), "messages are escaped: " + shown.get(1));
        assertTrue(shown.get(4).startsWith("last ") && shown.get(4).contains("<progress value=\"4\" max=\"4\""));
    }

    @Test
    void publicStartOutsideAKernelPrintsToStandardOutput() {
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            var progress = Progress.start("steps", 3);
            progress.update(1, null);
            progress.update(2, null);
            progress.update(3, null);
            progress.finish("ok");
        } finally {
            System.setOut(original);
        }
        List<String> lines = lines(out);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("steps 1/3 (33%) "), lines.get(0));
        assertTrue(lines.get(1).startsWith("steps done 3/3 in ") && lines.get(1).endsWith(" · ok"), lines.get(1));
    }

    /** With no JJava classes at all (plain JShell), progress and init work and nothing fails to link. */
    @Test
    void worksWithoutJJavaOnTheClassPath() throws Exception {
        URL classes = Progress.class.getProtectionDomain().getCodeSource().getLocation();
        try (var loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.dflib.jjava.jupyter.kernel.BaseKernel"));
            Class<?> progressClass = loader.loadClass("gd.notebook.Progress");
            PrintStream original = System.out;
            var out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                Object progress = progressClass.getMethod("start", String.class, long.class).invoke(null, "isolated", 2L);
                Method update = progressClass.getMethod("update", long.class, String.class);
                update.invoke(progress, 1L, null);
                update.invoke(progress, 2L, null);
                progressClass.getMethod("finish", String.class).invoke(progress, "done");
            } finally {
                System.setOut(original);
            }
            List<String> lines = lines(out);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(1).startsWith("isolated done 2/2"), lines.get(1));

            Object banner = loader.loadClass("gd.notebook.Notebook").getMethod("init").invoke(null);
            assertTrue(banner.toString().contains("plots render offline"), banner.toString());
        }
    }
}
