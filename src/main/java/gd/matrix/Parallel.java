package gd.matrix;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits the rows of an output matrix between threads. Each row is computed whole by one thread,
 * so results do not depend on how many threads there are.
 *
 * <p>A training step calls a few products of a millisecond or less, so handing work over must cost
 * microseconds, not the 10–100 µs of an executor's queue. The workers therefore wait for the next
 * piece of work by spinning for a short while before they park, and the caller does the first
 * piece itself. Only one product runs split at a time; a product started from another thread
 * meanwhile runs on its own thread, with the same result.
 */
final class Parallel {
    /** A piece of work over output rows from (inclusive) to to (exclusive). */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks: about 50 µs, longer than the gap between two products. */
    private static final int SPINS = 20_000;

    private static final ReentrantLock SPLITTING = new ReentrantLock();
    private static final Job IDLE = new Job(null, 0, 0);
    private static int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static Worker[] workers = new Worker[0];
    private static volatile Job current = IDLE;

    /** One split product: worker i runs chunk i (chunk 0 is the caller's), then counts itself off. */
    private static final class Job {
        final RowRange body;
        final int rows;
        final int chunks;
        final AtomicInteger pending;
        volatile Throwable failure;

        Job(RowRange body, int rows, int chunks) {
            this.body = body;
            this.rows = rows;
            this.chunks = chunks;
            this.pending = new AtomicInteger(Math.max(0, chunks - 1));
        }

        void runChunk(int chunk) {
            body.run(start(chunk, chunks, rows), start(chunk + 1, chunks, rows));
        }
    }

    private Parallel() {
    }

    static void threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Kernels.threads must be at least 1, got " + count);
        }
        SPLITTING.lock();
        try {
            threads = count;
        } finally {
            SPLITTING.unlock();
        }
    }

    static int threads() {
        SPLITTING.lock();
        try {
            return threads;
        } finally {
            SPLITTING.unlock();
        }
    }

    /** Runs {@code body} over rows 0 … rows−1, on several threads when the work is large enough. */
    static void forRows(int rows, long workPerRow, RowRange body) {
        if (rows * workPerRow < Kernels.PARALLEL_THRESHOLD || SPLITTING.isHeldByCurrentThread()
                || !SPLITTING.tryLock()) {
            body.run(0, rows);
            return;
        }
        try {
            int chunks = Math.min(threads, rows);
            if (chunks <= 1) {
                body.run(0, rows);
                return;
            }
            startWorkers(chunks - 1);
            Job j = new Job(body, rows, chunks);
            current = j;
            for (int w = 0; w < chunks - 1; w++) {
                workers[w].wake();
            }
            j.runChunk(0);
            while (j.pending.get() > 0) {
                Thread.onSpinWait();
            }
            current = IDLE;
            Throwable t = j.failure;
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
        } finally {
            SPLITTING.unlock();
        }
    }

    private static void startWorkers(int count) {
        if (workers.length >= count) {
            return;
        }
        Worker[] more = Arrays.copyOf(workers, count);
        for (int w = workers.length; w < count; w++) {
            more[w] = new Worker(w + 1);
            more[w].start();
        }
        workers = more;
    }

    private static int start(int chunk, int chunks, int rows) {
        return (int) ((long) rows * chunk / chunks);
    }

    /** Runs chunk {@code index} of every job whose chunk count includes it; waits in between. */
    private static final class Worker extends Thread {
        private final int index;
        private volatile boolean parked;

        Worker(int index) {
            super("gd-kernel-" + index);
            this.index = index;
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            Job last = IDLE;
            while (true) {
                Job j;
                int spins = 0;
                while ((j = current) == last) {
                    if (spins++ < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (current == last) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                last = j;
                if (index < j.chunks) {
                    try {
                        j.runChunk(index);
                    } catch (Throwable t) {
                        j.failure = t;
                    }
                    j.pending.decrementAndGet();
                }
            }
        }
    }
}
