package gd.train;

import gd.util.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * A trainer's limits: a maximum of steps (checked after every step), and after every epoch a loss threshold, a
 * tolerance on the change of the epoch loss and a maximum of epochs. The first rule that fires gives the stop
 * reason. A rule with 0 (or NaN) is off.
 *
 * @param maxEpochs the maximum of epochs
 * @param maxSteps the maximum of steps
 * @param lossThreshold the epoch loss at which to stop
 * @param tolerance the change of the epoch loss below which to stop
 */
record StoppingRules(int maxEpochs, int maxSteps, double lossThreshold, double tolerance) implements Callback {
    /** No rule: {@link #requireLimit} refuses it. */
    static final StoppingRules NONE = new StoppingRules(0, 0, Double.NaN, Double.NaN);

    StoppingRules maxEpochs(int maxEpochs) {
        return new StoppingRules(maxEpochs, maxSteps, lossThreshold, tolerance);
    }

    StoppingRules maxSteps(int maxSteps) {
        return new StoppingRules(maxEpochs, maxSteps, lossThreshold, tolerance);
    }

    StoppingRules lossThreshold(double lossThreshold) {
        return new StoppingRules(maxEpochs, maxSteps, lossThreshold, tolerance);
    }

    StoppingRules tolerance(double tolerance) {
        return new StoppingRules(maxEpochs, maxSteps, lossThreshold, tolerance);
    }

    /** Refuses to train without a maximum of epochs or steps. */
    void requireLimit() {
        if (maxEpochs == 0 && maxSteps == 0) {
            throw new IllegalArgumentException("Trainer.fit: nothing limits the training; set .epochs(n) or"
                    + " .maxSteps(n)");
        }
    }

    @Override
    public void call(TrainingState state) {
        HistoryRecorder recorder = state.recorder();
        if (!state.endOfEpoch()) {
            if (maxSteps > 0 && recorder.steps() >= maxSteps) {
                recorder.stopIfRunning("reached the maximum of " + Format.plural(maxSteps, "step"));
            }
            return;
        }
        int epoch = state.epoch();
        double epochLoss = state.loss();
        double change = epoch > 0 ? Math.abs(epochLoss - recorder.epochLoss(epoch - 1)) : Double.NaN;
        if (epochLoss <= lossThreshold) {
            recorder.stopIfRunning("the epoch loss " + Format.number(epochLoss) + " reached the threshold "
                    + Format.repr(lossThreshold));
        } else if (change < tolerance) {
            recorder.stopIfRunning("the epoch loss changed by " + Format.number(change) + ", less than the tolerance "
                    + Format.repr(tolerance));
        } else if (maxEpochs > 0 && epoch + 1 >= maxEpochs) {
            recorder.stopIfRunning("reached the maximum of " + Format.plural(maxEpochs, "epoch"));
        }
    }

    /** The rules that are on, e.g. {@code epochs=3, maxSteps=100}. */
    @Override
    public String toString() {
        List<String> s = new ArrayList<>();
        if (maxEpochs > 0) {
            s.add("epochs=" + maxEpochs);
        }
        if (maxSteps > 0) {
            s.add("maxSteps=" + maxSteps);
        }
        if (!Double.isNaN(lossThreshold)) {
            s.add("lossThreshold=" + Format.repr(lossThreshold));
        }
        if (!Double.isNaN(tolerance)) {
            s.add("tolerance=" + Format.repr(tolerance));
        }
        return String.join(", ", s);
    }
}
