package gd.train;

import java.util.function.LongSupplier;

/** Lets something happen at most once per interval: the trainer asks it before formatting a progress line. */
final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long last;

    /** An interval of {@code intervalMillis}, measured by {@code clock} (nanoseconds); the first one starts now. */
    Throttle(long intervalMillis, LongSupplier clock) {
        this.intervalNanos = intervalMillis * 1_000_000;
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    /** Whether an interval has passed since the start or the last {@code true}; if so a new one starts now. */
    boolean due() {
        long now = clock.getAsLong();
        if (now - last < intervalNanos) {
            return false;
        }
        last = now;
        return true;
    }
}
