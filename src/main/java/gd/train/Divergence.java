package gd.train;

import gd.loss.Loss;
import gd.util.Format;
import java.io.PrintStream;

/**
 * What a trainer says when a run diverged: the message (where: step, epoch, batch; what showed it; the likely
 * cause and what to try), printed to standard error at the end of training or, with
 * {@link Trainer#failOnDivergence()}, thrown as a {@link TrainingDivergedException} that carries the History.
 */
final class Divergence implements Callback {
    private final boolean fail;
    private final PrintStream warnings;

    /** Throws at the end if {@code fail}, else prints the message to {@code warnings}. */
    Divergence(boolean fail, PrintStream warnings) {
        this.fail = fail;
        this.warnings = warnings;
    }

    @Override
    public void call(TrainingState state) {
    }

    /** After every other part has ended (the weights restored, the display closed): report a divergence. */
    @Override
    public void end(TrainingState state) {
        HistoryRecorder recorder = state.recorder();
        if (!recorder.diverged()) {
            return;
        }
        if (fail) {
            throw new TrainingDivergedException(recorder.stopReason(), recorder.snapshot());
        }
        warnings.println(recorder.stopReason());
    }

    /**
     * For example {@code Training diverged at step 41 (epoch 0, batch 41): the loss is Infinity (the step
     * before: 3.2e+152). The learning rate 0.3 is probably too large: try 0.03, or clip gradients with
     * .clipGradNorm(1.0).}
     */
    static String message(TrainingState state, TrainingStep.Result step, Loss loss, boolean clipsNorm) {
        HistoryRecorder recorder = state.recorder();
        int index = state.step();
        boolean lossSeen = !Double.isFinite(step.loss());
        StringBuilder s = new StringBuilder("Training diverged at step ").append(index).append(" (epoch ")
                .append(state.epoch()).append(", batch ").append(state.batch()).append("): ").append(step.divergence());
        if (index == 0) {
            return s.append(", at the first step, before any update: check the data and the initial weights for NaN"
                    + " or infinite values, and that the targets suit the loss ").append(loss).append('.').toString();
        }
        if (lossSeen) {
            s.append(" (the step before: ").append(Format.number(recorder.lossAt(index - 1))).append(')');
        }
        double lastLr = recorder.lrAt(index - 1);
        String clip = clipsNorm ? "." : ", or clip gradients with .clipGradNorm(1.0).";
        if (Double.isNaN(lastLr)) {
            s.append(". The optimizer's steps are probably too large (it has no learning rate to read): make them"
                    + " smaller").append(clip);
        } else {
            s.append(". The learning rate ").append(Format.repr(lastLr)).append(" is probably too large: try ")
                    .append(Format.number(lastLr / 10)).append(clip);
        }
        return s.toString();
    }
}
