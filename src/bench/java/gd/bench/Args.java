package gd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line flags and process facts shared by the benchmark programs. */
final class Args {
    private Args() {
    }

    /** The integer after {@code name} in {@code args}, or {@code fallback}. */
    static int integer(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The process's peak resident set size (VmHWM) in MB, or NaN where /proc is not available. */
    static double peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
