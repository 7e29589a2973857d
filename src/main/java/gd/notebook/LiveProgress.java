package gd.notebook;

import gd.train.ProgressDisplay;

/**
 * A trainer's progress in a notebook: one output line replaced in place twice a second ({@link LiveOutput}),
 * ending with the run's summary. {@link #register()} makes it the display every {@code Trainer} picks by
 * default while a notebook cell is running.
 */
final class LiveProgress implements ProgressDisplay {
    private final LiveOutput live;

    private LiveProgress(LiveOutput live) {
        this.live = live;
    }

    /** Registers this display as the default of {@link ProgressDisplay#automatic()} (idempotent). */
    static void register() {
        ProgressDisplay.useByDefault(() -> {
            LiveOutput live = LiveOutput.create();
            return live == null ? null : new LiveProgress(live);
        });
    }

    @Override
    public void show(String line) {
        live.show(line);
    }

    @Override
    public void close(String summary) {
        live.show(summary);
    }

    @Override
    public long updateIntervalMillis() {
        return 500;
    }
}
