package gd.matrix;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the rows of an output matrix between threads. Each row is computed whole by one thread,
 * so results do not depend on how many threads there are.
 */
final class Parallel {
    /** A piece of work over output rows from (inclusive) to to (exclusive). */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    private static int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static ExecutorService workers;

    private Parallel() {
    }

    static synchronized void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Kernels.threads must be at least 1, got " + count);
        }
        if (count != threads && workers != null) {
            workers.shutdown();
            workers = null;
        }
        threads = count;
    }

    static synchronized int threads() {
        return threads;
    }

    private static synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads - 1, task -> {
                Thread t = new Thread(task, "gd-kernel");
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /** Runs {@code body} over rows 0 … rows−1, on several threads when the work is large enough. */
    static void forRows(int rows, long workPerRow, RowRange body) {
        int t = Math.min(threads(), rows);
        if (t <= 1 || rows * workPerRow < Kernels.PARALLEL_THRESHOLD) {
            body.run(0, rows);
            return;
        }
        ExecutorService pool = workers();
        Future<?>[] pending = new Future<?>[t - 1];
        for (int c = 1; c < t; c++) {
            int from = start(c, t, rows);
            int to = start(c + 1, t, rows);
            pending[c - 1] = pool.submit(() -> body.run(from, to));
        }
        body.run(0, start(1, t, rows));
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel thread", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static int start(int chunk, int chunks, int rows) {
        return (int) ((long) rows * chunk / chunks);
    }
}
