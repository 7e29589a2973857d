package gd.tune;

import gd.data.Batches;
import gd.data.Dataset;
import gd.loss.Loss;
import gd.matrix.Rng;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import gd.nn.ModelState;
import gd.nn.Parameter;
import gd.optim.BaseOptimizer;
import gd.schedule.LRScheduler;
import gd.schedule.Schedule;
import gd.train.TrainingStep;
import gd.util.Format;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The learning-rate range test: train for a short while with a learning rate that grows exponentially from
 * tiny to huge, watch the loss, and read a good learning rate off the curve (Leslie Smith,
 * <a href="https://arxiv.org/abs/1506.01186">Cyclical Learning Rates for Training Neural Networks (2017)</a>,
 * section 3.3; fast.ai's {@code lr_find}).
 * <pre>
 * ηᵢ = η_start · (η_end / η_start)^(i / (N − 1))          i = 0 … N−1, one mini-batch step each
 * aᵢ = β·aᵢ₋₁ + (1 − β)·Lᵢ,   a₋₁ = 0                     exponential moving average of the loss
 * sᵢ = aᵢ / (1 − β^(i+1))                                  bias-corrected: the smoothed loss
 * stop after step i if sᵢ &gt; 4 · minⱼ&lt;ᵢ sⱼ, or if Lᵢ is NaN or infinite
 * </pre>
 * Defaults as fast.ai: η from 1e-7 to 10 over N = 100 steps, β = 0.98, mini-batches of 64.
 *
 * <p>Each step is a {@link TrainingStep} whose schedule is the exponential ramp above. The test uses a
 * throwaway optimizer built by the given factory on the model's parameters, so the
 * optimizer you train with afterwards starts fresh and is never touched. The model's weights and buffers
 * (BatchNorm's running statistics) are copied before the test and put back afterwards, exactly; the
 * gradients are zeroed and the layers' modes restored. (A Dropout layer's generator has advanced.)
 * <pre>{@code
 * var result = LrFinder.of(model, SoftmaxCrossEntropy.of(), params -> Adam.of(params))
 *         .batchSize(64).shuffle(rng.split()).run(mnist.train());
 * result.steepest();          // the learning rate where the smoothed loss falls fastest
 * result.minimumOverTen();    // a tenth of the learning rate with the lowest smoothed loss
 * }</pre>
 * Two suggestions, both from the smoothed loss: the <em>steepest descent</em> (ηᵢ at the most negative slope
 * (sᵢ₊₁ − sᵢ) / (ln ηᵢ₊₁ − ln ηᵢ)) and <em>the minimum over ten</em> (η at the lowest sᵢ, divided by 10: the
 * minimum itself is already on the edge of instability). As fast.ai does, both leave out the first tenth of the
 * N planned steps (where the smoothed loss is still mostly batch-to-batch noise) and the last five recorded
 * steps (the blow-up), unless that leaves fewer than two points.
 */
public final class LrFinder {
    private final Layer model;
    private final Loss loss;
    private final Function<List<Parameter>, ? extends BaseOptimizer<?>> optimizerFactory;
    private double startLr = 1e-7;
    private double endLr = 10;
    private int steps = 100;
    private double beta = 0.98;
    private double divergenceFactor = 4;
    private int batchSize = 64;
    private Rng rng;

    private LrFinder(Layer model, Loss loss, Function<List<Parameter>, ? extends BaseOptimizer<?>> factory) {
        this.model = model;
        this.loss = loss;
        this.optimizerFactory = factory;
    }

    /**
     * A range test of {@code model} with {@code loss}, stepping an optimizer that {@code optimizerFactory}
     * builds on the model's parameters, e.g. {@code params -> Adam.of(params)} or
     * {@code params -> Sgd.of(params).momentum(0.9)}.
     */
    public static LrFinder of(Layer model, Loss loss,
            Function<List<Parameter>, ? extends BaseOptimizer<?>> optimizerFactory) {
        if (model == null || loss == null || optimizerFactory == null) {
            throw new IllegalArgumentException("LrFinder.of: model, loss and optimizerFactory must not be null, got model="
                    + model + ", loss=" + loss + ", optimizerFactory=" + optimizerFactory);
        }
        if (model.parameters().isEmpty()) {
            throw new IllegalArgumentException("LrFinder.of: the model " + model + " has no parameters to train");
        }
        return new LrFinder(model, loss, optimizerFactory);
    }

    /** Sets the first learning rate (default 1e-7). */
    public LrFinder startLr(double lr) {
        this.startLr = positive("startLr", lr);
        return this;
    }

    /** Sets the last learning rate (default 10); it must be larger than the first. */
    public LrFinder endLr(double lr) {
        this.endLr = positive("endLr", lr);
        return this;
    }

    /** Sets the number of steps N ≥ 2 (default 100). */
    public LrFinder steps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("LrFinder.steps must be at least 2, got " + steps);
        }
        this.steps = steps;
        return this;
    }

    /** Sets the smoothing β ∈ [0, 1) of the moving average (default 0.98; 0 = no smoothing). */
    public LrFinder beta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("LrFinder.beta must be in [0, 1), got " + Format.repr(beta));
        }
        this.beta = beta;
        return this;
    }

    /** Sets the factor (&gt; 1, default 4) by which the smoothed loss may exceed its minimum before the test stops. */
    public LrFinder divergenceFactor(double factor) {
        if (!(factor > 1 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("LrFinder.divergenceFactor must be greater than 1 and finite, got "
                    + Format.repr(factor));
        }
        this.divergenceFactor = factor;
        return this;
    }

    /** Sets the mini-batch size (default 64); a size of at least the dataset's gives full-batch steps. */
    public LrFinder batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("LrFinder.batchSize must be at least 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** The generator that draws the order of the mini-batches (required). */
    public LrFinder shuffle(Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("LrFinder.shuffle: rng is null; pass one, e.g. .shuffle(rng.split())");
        }
        this.rng = rng;
        return this;
    }

    /** Runs the test on {@code data}, then restores the model (see {@link LrFinder}). */
    public Result run(Dataset data) {
        Dataset.requireExamples("LrFinder.run: the dataset", data);
        if (rng == null) {
            throw new IllegalArgumentException("LrFinder.run: the mini-batches are drawn in a random order, which needs"
                    + " an Rng; add .shuffle(rng.split())");
        }
        if (!(endLr > startLr)) {
            throw new IllegalArgumentException("LrFinder.run: endLr " + Format.repr(endLr) + " must be larger than startLr "
                    + Format.repr(startLr));
        }
        BaseOptimizer<?> optimizer = optimizerFactory.apply(model.parameters());
        if (optimizer == null) {
            throw new IllegalArgumentException("LrFinder.run: the optimizer factory returned null");
        }
        Schedule ramp = i -> startLr * Math.pow(endLr / startLr, (double) i / (steps - 1));
        TrainingStep step = TrainingStep.of(model, loss, optimizer)
                .schedule(LRScheduler.of(optimizer, ramp));
        Batches batches = Batches.miniBatch(data, Math.min(batchSize, data.size()), rng);
        ModelState saved = ModelState.capture(model);
        TrainingModes modes = TrainingModes.capture(model);
        double[] lrs = new double[steps];
        double[] losses = new double[steps];
        double[] smoothed = new double[steps];
        int n = 0;
        String reason = "completed " + steps + " steps";
        model.train();
        try {
            double average = 0;
            double best = Double.POSITIVE_INFINITY;
            sweep:
            while (true) {
                for (Dataset batch : batches.epoch()) {
                    TrainingStep.Result result = step.run(batch.x(), batch.y());
                    double lr = result.lr();
                    if (result.diverged()) {
                        reason = "the loss became " + result.loss() + " at lr " + Format.number(lr);
                        break sweep;
                    }
                    average = beta * average + (1 - beta) * result.loss();
                    lrs[n] = lr;
                    losses[n] = result.loss();
                    smoothed[n] = average / (1 - Math.pow(beta, n + 1));
                    n++;
                    if (smoothed[n - 1] > divergenceFactor * best) {
                        reason = "the smoothed loss " + Format.number(smoothed[n - 1]) + " exceeded "
                                + Format.repr(divergenceFactor) + " × the lowest, " + Format.number(best) + ", at lr "
                                + Format.number(lr);
                        break sweep;
                    }
                    best = Math.min(best, smoothed[n - 1]);
                    if (n == steps) {
                        break sweep;
                    }
                }
            }
        } finally {
            saved.restore();
            modes.restore();
            model.zeroGrad();
        }
        return new Result(Arrays.copyOf(lrs, n), Arrays.copyOf(losses, n), Arrays.copyOf(smoothed, n), reason, steps);
    }

    private static double positive(String name, double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("LrFinder." + name + " must be positive and finite, got " + Format.repr(x));
        }
        return x;
    }

    /** The settings, e.g. {@code LrFinder(lr 1e-07 → 10.0 over 100 steps, beta=0.98, divergenceFactor=4.0, batchSize=64)}. */
    @Override
    public String toString() {
        return "LrFinder(lr " + Format.repr(startLr) + " → " + Format.repr(endLr) + " over " + steps + " steps, beta="
                + Format.repr(beta) + ", divergenceFactor=" + Format.repr(divergenceFactor) + ", batchSize=" + batchSize + ")";
    }

    /**
     * What a range test recorded, one entry per step that produced a finite loss, and the two suggested
     * learning rates. Arrays returned are copies.
     */
    public static final class Result {
        private final double[] lrs;
        private final double[] losses;
        private final double[] smoothedLosses;
        private final String stopReason;
        private final double steepest;
        private final double minimumOverTen;

        Result(double[] lrs, double[] losses, double[] smoothedLosses, String stopReason, int plannedSteps) {
            this.lrs = lrs;
            this.losses = losses;
            this.smoothedLosses = smoothedLosses;
            this.stopReason = stopReason;
            int from = plannedSteps / 10;
            int to = lrs.length - 5;
            if (to - from < 2) {
                from = 0;
                to = lrs.length;
            }
            int min = -1;
            int steepestAt = -1;
            double steepestSlope = Double.POSITIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (min < 0 || smoothedLosses[i] < smoothedLosses[min]) {
                    min = i;
                }
                if (i + 1 < to) {
                    double slope = (smoothedLosses[i + 1] - smoothedLosses[i]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i]));
                    if (slope < steepestSlope) {
                        steepestSlope = slope;
                        steepestAt = i;
                    }
                }
            }
            this.minimumOverTen = min < 0 ? Double.NaN : lrs[min] / 10;
            this.steepest = steepestAt < 0 ? Double.NaN : lrs[steepestAt];
        }

        /** The learning rate of each step. */
        public double[] lrs() {
            return lrs.clone();
        }

        /** The loss of each step's batch, before its update. */
        public double[] losses() {
            return losses.clone();
        }

        /** The bias-corrected exponential moving average of the losses. */
        public double[] smoothedLosses() {
            return smoothedLosses.clone();
        }

        /**
         * The learning rate where the smoothed loss falls fastest per unit of ln η (see {@link LrFinder} for the
         * points considered); NaN with fewer than two points.
         */
        public double steepest() {
            return steepest;
        }

        /** The learning rate of the lowest smoothed loss, divided by 10; NaN when no step had a finite loss. */
        public double minimumOverTen() {
            return minimumOverTen;
        }

        /** Why the test ended: "completed 100 steps", or the divergence it saw. */
        public String stopReason() {
            return stopReason;
        }

        /**
         * For example {@code LrFinder.Result(63 steps, lr 1e-07 … 0.1629; the smoothed loss 9.31 exceeded 4.0 × the
         * lowest, 2.29, at lr 0.1629; steepest 0.003162, minimum/10 0.004125)}.
         */
        @Override
        public String toString() {
            return "LrFinder.Result(" + Format.plural(lrs.length, "step")
                    + (lrs.length > 0 ? ", lr " + Format.number(lrs[0]) + " … " + Format.number(lrs[lrs.length - 1]) : "")
                    + "; " + stopReason + "; steepest " + Format.number(steepest) + ", minimum/10 "
                    + Format.number(minimumOverTen) + ")";
        }
    }
}
