package gd.train;

import gd.util.Format;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The progress of a run on a {@link ProgressDisplay}: a line at most once per the display's interval, e.g.
 * {@code epoch 0 of 3  batch 512 of 938  step 512  loss 0.3016  lr 0.000678  val_loss 0.0812  5.0 s}, and the
 * History's summary at the end.
 */
final class ProgressReporter implements Callback {
    private final ProgressDisplay display;
    private final Throttle throttle;
    private final LongSupplier clock;
    private final long start;
    private final int maxEpochs;
    private final int batchesPerEpoch;
    private Evaluation lastValidation;

    ProgressReporter(ProgressDisplay display, LongSupplier clock, int maxEpochs, int batchesPerEpoch) {
        this.display = display;
        this.throttle = new Throttle(display.updateIntervalMillis(), clock);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.maxEpochs = maxEpochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public void call(TrainingState state) {
        if (state.endOfEpoch()) {
            lastValidation = state.validation();
        } else if (throttle.due()) {
            display.show(line(state));
        }
    }

    @Override
    public void end(TrainingState state) {
        display.close(state.history().summary());
    }

    private String line(TrainingState state) {
        StringBuilder s = new StringBuilder("epoch ").append(state.epoch());
        if (maxEpochs > 0) {
            s.append(" of ").append(maxEpochs);
        }
        s.append("  batch ").append(state.batch()).append(" of ").append(batchesPerEpoch)
                .append("  step ").append(Format.count(state.step()))
                .append("  loss ").append(Format.number(state.epochLossSoFar()));
        if (!Double.isNaN(state.lr())) {
            s.append("  lr ").append(Format.number(state.lr()));
        }
        if (lastValidation != null) {
            s.append("  val_loss ").append(Format.number(lastValidation.loss()));
            for (Map.Entry<String, Double> m : lastValidation.metrics().entrySet()) {
                s.append("  val_").append(m.getKey()).append(' ').append(Format.number(m.getValue()));
            }
        }
        return s.append("  ").append(Format.seconds((clock.getAsLong() - start) / 1e9)).toString();
    }
}
