package gd.matrix;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits independent rows of work between threads: the matrix kernels and the optimizers' update loops
 * use it. Each row is computed whole by one thread, so results do not depend on how many threads there
 * are, nor on which thread computed which row.
 *
 * <p>A training step calls a few products of a millisecond or less, so handing work over must cost
 * microseconds, not the 10–100 µs of an executor's queue. The workers therefore wait for the next piece
 * of work by spinning for a short while before they park. The rows are cut into a few chunks per thread
 * which the caller and the workers claim one at a time, so a thread that got the cheap rows (zero
 * skipping makes some rows much cheaper than others) takes more of them. Only one job runs split at a
 * time; a job started from another thread meanwhile runs on its own thread, with the same result.
 */
public final class Parallel {
    /** A piece of work over rows from (inclusive) to to (exclusive). */
    @FunctionalInterface
    public interface RowRange {
        /** Does the work for rows from (inclusive) to to (exclusive). */
        void run(int from, int to);
    }

    /** Below this many multiply-adds a job runs on the calling thread: handing work over costs more. */
    static final long THRESHOLD = 1 << 17;
    /** Chunks per thread: enough to even out uneven rows, few enough to keep each chunk worth claiming. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** How long an idle worker spins before it parks (a few hundred µs: longer than the gap between two jobs). */
    private static final int SPINS = 20_000;

    private static final ReentrantLock SPLITTING = new ReentrantLock();
    private static final Job IDLE = new Job(null, 0, 0);
    private static int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static Worker[] workers = new Worker[0];
    private static volatile Job current = IDLE;

    /** One split job: its chunks, the next one to claim, and how many are finished. */
    private static final class Job {
        final RowRange body;
        final int rows;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Job(RowRange body, int rows, int chunks) {
            this.body = body;
            this.rows = rows;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            if (chunks == 0) {
                return;
            }
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run(start(c), start(c + 1));
                } catch (Throwable t) {
                    failure = t;
                }
                finished.incrementAndGet();
            }
        }

        private int start(int chunk) {
            return (int) ((long) rows * chunk / chunks);
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

    /**
     * Runs {@code body} over rows 0 … rows−1, on several threads when rows × workPerRow (in multiply-adds)
     * is large enough to repay the hand-over. Rows must be independent of each other.
     */
    public static void forRows(int rows, long workPerRow, RowRange body) {
        if (rows * workPerRow < THRESHOLD || SPLITTING.isHeldByCurrentThread() || !SPLITTING.tryLock()) {
            body.run(0, rows);
            return;
        }
        try {
            int helpers = Math.min(threads, rows) - 1;
            if (helpers == 0) {
                body.run(0, rows);
                return;
            }
            startWorkers(helpers);
            Job job = new Job(body, rows, Math.min(rows, (helpers + 1) * CHUNKS_PER_THREAD));
            current = job;
            for (int w = 0; w < helpers; w++) {
                workers[w].wake();
            }
            job.work();
            while (job.finished.get() < job.chunks) {
                Thread.onSpinWait();
            }
            current = IDLE;
            Throwable t = job.failure;
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

    /** A helper thread: joins every new job until its chunks are claimed, and waits in between. */
    private static final class Worker extends Thread {
        private volatile boolean parked;

        Worker(int index) {
            super("gd-kernel-" + index);
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
                Job job;
                int spins = 0;
                while ((job = current) == last) {
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
                last = job;
                job.work();
            }
        }
    }
}
