package gd.schedule;

import gd.util.Args;
import gd.util.Format;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A learning-rate schedule as what it is: a function of the step, η = lr(t), with nothing bound to it. A
 * schedule can be evaluated, plotted and compared without an optimizer; a lambda is one:
 * <pre>{@code
 * Schedule mine = t -> 0.1 * Math.pow(0.97, t);                   // yours, written as the formula
 * Schedule cosine = Schedule.cosine(0.1, 100).etaMin(0.001);      // the library's
 * cosine.lr(50);                                                  // 0.0505
 * Plots.schedule(100, mine, cosine);
 * }</pre>
 * To train with one, give it to the trainer ({@code trainer.schedule(cosine)}), which sets the optimizer's
 * learning rate to lr(t) before step t. The torch-style classes ({@link CosineAnnealingLR}, {@link StepLR}, ...)
 * are thin adapters that bind one of these formulas to an optimizer with {@code torch.optim.lr_scheduler}'s
 * exact semantics (each parameter group from its own initial learning rate).
 *
 * <p>The formulas below are torch's, in closed form; each value is immutable and its settings are changed by
 * methods that return a new value ({@code cosine.etaMin(0.001)}).
 */
@FunctionalInterface
public interface Schedule {
    /** The learning rate after {@code step} steps (step 0 is the first). */
    double lr(int step);

    /**
     * The momentum (or Adam's β₁) after {@code step} steps, for the schedules that move it too (one-cycle);
     * NaN, the default, leaves the optimizer's momentum alone.
     */
    default double momentum(int step) {
        return Double.NaN;
    }

    /** η for every step. */
    static Constant constant(double lr) {
        return new Constant(lr);
    }

    /** η₀·γ^⌊t / stepSize⌋, γ = 0.1 unless set ({@link StepLR}). */
    static StepDecay step(double lr0, int stepSize) {
        return new StepDecay(lr0, stepSize, 0.1);
    }

    /** η₀·γ^(number of milestones ≤ t), γ = 0.1 unless set ({@link MultiStepLR}). */
    static MultiStep multiStep(double lr0, int... milestones) {
        return new MultiStep(lr0, list("Schedule.multiStep: milestones", milestones), 0.1);
    }

    /** η₀·γᵗ ({@link ExponentialLR}). */
    static Exponential exponential(double lr0, double gamma) {
        return new Exponential(lr0, gamma);
    }

    /** Half a cosine from η₀ down to ηmin = 0 (unless set) over {@code tMax} steps ({@link CosineAnnealingLR}). */
    static Cosine cosine(double lr0, int tMax) {
        return new Cosine(lr0, tMax, 0);
    }

    /** Cosine annealing restarted every T₀, T₀·m, T₀·m², ... steps ({@link CosineAnnealingWarmRestarts}). */
    static WarmRestarts warmRestarts(double lr0, int t0) {
        return new WarmRestarts(lr0, t0, 1, 0);
    }

    /**
     * η₀ times a factor moving linearly from 1/3 to 1 over 5 steps unless set: the usual warm-up
     * ({@link LinearLR}).
     */
    static Linear linear(double lr0) {
        return new Linear(lr0, 1.0 / 3, 1.0, 5);
    }

    /** η₀·(1 − min(t, totalIters)/totalIters)^p, 5 steps and p = 1 unless set ({@link PolynomialLR}). */
    static Polynomial polynomial(double lr0) {
        return new Polynomial(lr0, 5, 1.0);
    }

    /** Up from maxLr/25 to maxLr over 30 % of {@code totalSteps}, then down to maxLr/25/10⁴ ({@link OneCycleLR}). */
    static OneCycle oneCycle(double maxLr, int totalSteps) {
        return new OneCycle(maxLr, totalSteps, 0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false);
    }

    /**
     * {@code schedules[0]} until {@code milestones[0]}, then {@code schedules[1]} from its own step 0, and so on
     * ({@link SequentialLR}): a warm-up then a decay is {@code sequential(List.of(warmup, cosine), 10)}.
     */
    static Sequence sequential(List<Schedule> schedules, int... milestones) {
        return new Sequence(schedules, list("Schedule.sequential: milestones", milestones));
    }

    /** Steps that must be positive and increasing, as a list. */
    private static List<Integer> list(String name, int[] steps) {
        return Arrays.stream(Args.increasing(name, steps)).boxed().toList();
    }

    /**
     * η for every step.
     *
     * @param lr the learning rate
     */
    record Constant(double lr) implements Schedule {
        /** Checks the setting. */
        public Constant {
            Args.nonNegative("Schedule.constant: lr", lr);
        }

        @Override
        public double lr(int step) {
            return lr;
        }


        @Override
        public String toString() {
            return "constant(" + Format.repr(lr) + ")";
        }
    }

    /**
     * ηₜ = η₀ · γ^⌊t / stepSize⌋.
     *
     * @param lr0 the learning rate of step 0
     * @param stepSize the period of the decay, in steps
     * @param gamma the factor applied every {@code stepSize} steps
     */
    record StepDecay(double lr0, int stepSize, double gamma) implements Schedule {
        /** Checks the settings. */
        public StepDecay {
            Args.nonNegative("Schedule.step: lr0", lr0);
            Args.positive("Schedule.step: stepSize", stepSize);
            Args.positive("Schedule.step: gamma", gamma);
        }

        /** The same with factor γ. */
        public StepDecay gamma(double gamma) {
            return new StepDecay(lr0, stepSize, gamma);
        }

        @Override
        public double lr(int step) {
            return lr0 * Math.pow(gamma, step / stepSize);
        }


        @Override
        public String toString() {
            return "step(" + Format.repr(lr0) + ", stepSize=" + stepSize + ", gamma=" + Format.repr(gamma) + ")";
        }
    }

    /**
     * ηₜ = η₀ · γ^(number of milestones ≤ t).
     *
     * @param lr0 the learning rate of step 0
     * @param milestones the steps (positive, increasing) at which the rate is multiplied by γ
     * @param gamma the factor applied at each milestone
     */
    record MultiStep(double lr0, List<Integer> milestones, double gamma) implements Schedule {
        /** Checks the settings and keeps a copy of the milestones. */
        public MultiStep {
            Args.nonNegative("Schedule.multiStep: lr0", lr0);
            milestones = List.copyOf(milestones);
            Args.positive("Schedule.multiStep: gamma", gamma);
        }

        /** The same with factor γ. */
        public MultiStep gamma(double gamma) {
            return new MultiStep(lr0, milestones, gamma);
        }

        @Override
        public double lr(int step) {
            int passed = 0;
            while (passed < milestones.size() && milestones.get(passed) <= step) {
                passed++;
            }
            return lr0 * Math.pow(gamma, passed);
        }


        @Override
        public String toString() {
            return "multiStep(" + Format.repr(lr0) + ", milestones=" + milestones + ", gamma="
                    + Format.repr(gamma) + ")";
        }
    }

    /**
     * ηₜ = η₀ · γᵗ.
     *
     * @param lr0 the learning rate of step 0
     * @param gamma the factor applied every step
     */
    record Exponential(double lr0, double gamma) implements Schedule {
        /** Checks the settings. */
        public Exponential {
            Args.nonNegative("Schedule.exponential: lr0", lr0);
            Args.positive("Schedule.exponential: gamma", gamma);
        }

        @Override
        public double lr(int step) {
            return lr0 * Math.pow(gamma, step);
        }


        @Override
        public String toString() {
            return "exponential(" + Format.repr(lr0) + ", gamma=" + Format.repr(gamma) + ")";
        }
    }

    /**
     * ηₜ = ηmin + (η₀ − ηmin) · (1 + cos(π·t / tMax)) / 2; past tMax the cosine goes on (the rate rises again).
     *
     * @param lr0 the learning rate of step 0
     * @param tMax the steps of the half cosine
     * @param etaMin the rate reached at step tMax
     */
    record Cosine(double lr0, int tMax, double etaMin) implements Schedule {
        /** Checks the settings. */
        public Cosine {
            Args.nonNegative("Schedule.cosine: lr0", lr0);
            Args.positive("Schedule.cosine: tMax", tMax);
            Args.nonNegative("Schedule.cosine: etaMin", etaMin);
        }

        /** The same ending at ηmin. */
        public Cosine etaMin(double etaMin) {
            return new Cosine(lr0, tMax, etaMin);
        }

        @Override
        public double lr(int step) {
            return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
        }


        @Override
        public String toString() {
            return "cosine(" + Format.repr(lr0) + ", tMax=" + tMax + ", etaMin=" + Format.repr(etaMin) + ")";
        }
    }

    /**
     * Cosine annealing from η₀ to ηmin, restarted at the end of each period T₀, T₀·m, T₀·m², ...
     * <pre>
     * tcur = steps since the last restart,  Tᵢ = length of the current period
     * ηₜ = ηmin + (η₀ − ηmin) · (1 + cos(π·tcur / Tᵢ)) / 2
     * </pre>
     *
     * @param lr0 the learning rate at each restart
     * @param t0 the length of the first period
     * @param tMult the factor by which each period is longer than the last
     * @param etaMin the lowest rate, at the end of each period
     */
    record WarmRestarts(double lr0, int t0, int tMult, double etaMin) implements Schedule {
        /** Checks the settings. */
        public WarmRestarts {
            Args.nonNegative("Schedule.warmRestarts: lr0", lr0);
            Args.positive("Schedule.warmRestarts: t0", t0);
            Args.atLeast("Schedule.warmRestarts: tMult", tMult, 1);
            Args.nonNegative("Schedule.warmRestarts: etaMin", etaMin);
        }

        /** The same with periods growing by the factor m. */
        public WarmRestarts tMult(int tMult) {
            return new WarmRestarts(lr0, t0, tMult, etaMin);
        }

        /** The same ending each period at ηmin. */
        public WarmRestarts etaMin(double etaMin) {
            return new WarmRestarts(lr0, t0, tMult, etaMin);
        }

        @Override
        public double lr(int step) {
            long tCur = step;
            long tI = t0;
            if (tMult == 1) {
                tCur = step % t0;
            } else {
                while (tCur >= tI) {
                    tCur -= tI;
                    tI *= tMult;
                }
            }
            return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }


        @Override
        public String toString() {
            return "warmRestarts(" + Format.repr(lr0) + ", t0=" + t0 + ", tMult=" + tMult + ", etaMin="
                    + Format.repr(etaMin) + ")";
        }
    }

    /**
     * ηₜ = η₀ · (s + (e − s) · min(t, totalIters) / totalIters): a factor moving linearly from s to e, then
     * staying at e.
     *
     * @param lr0 the base learning rate η₀
     * @param startFactor s ∈ (0, 1], the factor of step 0
     * @param endFactor e ∈ [0, 1], the factor from step totalIters on
     * @param totalIters the steps of the linear change
     */
    record Linear(double lr0, double startFactor, double endFactor, int totalIters) implements Schedule {
        /** Checks the settings. */
        public Linear {
            Args.nonNegative("Schedule.linear: lr0", lr0);
            if (!(startFactor > 0 && startFactor <= 1)) {
                throw new IllegalArgumentException("Schedule.linear: startFactor must be in (0, 1], got "
                        + Format.repr(startFactor));
            }
            Args.inRange("Schedule.linear: endFactor", endFactor, 0, 1);
            Args.positive("Schedule.linear: totalIters", totalIters);
        }

        /** The same starting at the factor s. */
        public Linear startFactor(double startFactor) {
            return new Linear(lr0, startFactor, endFactor, totalIters);
        }

        /** The same ending at the factor e. */
        public Linear endFactor(double endFactor) {
            return new Linear(lr0, startFactor, endFactor, totalIters);
        }

        /** The same changing over {@code totalIters} steps. */
        public Linear totalIters(int totalIters) {
            return new Linear(lr0, startFactor, endFactor, totalIters);
        }

        @Override
        public double lr(int step) {
            return lr0 * (startFactor + (endFactor - startFactor) * Math.min(totalIters, step) / totalIters);
        }


        @Override
        public String toString() {
            return "linear(" + Format.repr(lr0) + ", startFactor=" + Format.repr(startFactor) + ", endFactor="
                    + Format.repr(endFactor) + ", totalIters=" + totalIters + ")";
        }
    }

    /**
     * ηₜ = η₀ · (1 − min(t, totalIters) / totalIters)^p: down to zero along a polynomial.
     *
     * @param lr0 the learning rate of step 0
     * @param totalIters the step at which the rate reaches zero
     * @param power the power p
     */
    record Polynomial(double lr0, int totalIters, double power) implements Schedule {
        /** Checks the settings. */
        public Polynomial {
            Args.nonNegative("Schedule.polynomial: lr0", lr0);
            Args.positive("Schedule.polynomial: totalIters", totalIters);
            Args.nonNegative("Schedule.polynomial: power", power);
        }

        /** The same reaching zero at step {@code totalIters}. */
        public Polynomial totalIters(int totalIters) {
            return new Polynomial(lr0, totalIters, power);
        }

        /** The same with power p. */
        public Polynomial power(double power) {
            return new Polynomial(lr0, totalIters, power);
        }

        @Override
        public double lr(int step) {
            return lr0 * Math.pow(1.0 - (double) Math.min(totalIters, step) / totalIters, power);
        }


        @Override
        public String toString() {
            return "polynomial(" + Format.repr(lr0) + ", totalIters=" + totalIters + ", power=" + Format.repr(power)
                    + ")";
        }
    }

    /**
     * The one-cycle policy (Leslie Smith): the learning rate rises from maxLr/divFactor to maxLr, then falls far
     * below the start, while the momentum moves the opposite way.
     * <pre>
     * η_initial = maxLr / divFactor,   η_min = η_initial / finalDivFactor
     * e₁ = pctStart·totalSteps − 1,     e₂ = totalSteps − 1
     * t ≤ e₁:  η = anneal(η_initial → maxLr, t/e₁),          μ = anneal(maxMomentum → baseMomentum, t/e₁)
     * t &gt; e₁:  η = anneal(maxLr → η_min, (t−e₁)/(e₂−e₁)),  μ = anneal(baseMomentum → maxMomentum, same)
     * anneal(a → b, p) = b + (a − b)/2 · (cos(π·p) + 1)       ("cos")
     *                  = (b − a)·p + a                       ("linear")
     * </pre>
     * With {@code threePhase} the phases are: up to maxLr until e₁, back down to η_initial until
     * 2·pctStart·totalSteps − 2, then down to η_min (momentum: down, up, constant at maxMomentum). Defined for
     * steps 0 … totalSteps. Its rates are absolute: a base learning rate plays no part, as in torch.
     *
     * @param maxLr the peak learning rate
     * @param totalSteps the steps of the whole cycle
     * @param pctStart the fraction of the cycle spent raising the rate
     * @param annealStrategy {@code "cos"} or {@code "linear"}
     * @param cycleMomentum whether the momentum moves too (else {@link #momentum} is NaN)
     * @param baseMomentum the lowest momentum, at the peak of the rate
     * @param maxMomentum the highest momentum, at the start and the end
     * @param divFactor the cycle starts at maxLr / divFactor
     * @param finalDivFactor the cycle ends at maxLr / divFactor / finalDivFactor
     * @param threePhase three phases instead of two
     */
    record OneCycle(double maxLr, int totalSteps, double pctStart, String annealStrategy, boolean cycleMomentum,
            double baseMomentum, double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase)
            implements Schedule {
        /** Checks the settings. */
        public OneCycle {
            Args.positive("Schedule.oneCycle: maxLr", maxLr);
            Args.positive("Schedule.oneCycle: totalSteps", totalSteps);
            Args.inOpenUnitInterval("Schedule.oneCycle: pctStart", pctStart);
            if (!"cos".equals(annealStrategy) && !"linear".equals(annealStrategy)) {
                throw new IllegalArgumentException("Schedule.oneCycle: annealStrategy must be \"cos\" or \"linear\", got "
                        + Format.quoted(annealStrategy));
            }
            Args.inUnitInterval("Schedule.oneCycle: baseMomentum", baseMomentum);
            Args.inUnitInterval("Schedule.oneCycle: maxMomentum", maxMomentum);
            Args.positive("Schedule.oneCycle: divFactor", divFactor);
            Args.positive("Schedule.oneCycle: finalDivFactor", finalDivFactor);
        }

        /** The same spending the fraction {@code pctStart} of the cycle going up. */
        public OneCycle pctStart(double pctStart) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same annealing along {@code "cos"} or {@code "linear"}. */
        public OneCycle annealStrategy(String annealStrategy) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same with the momentum moving (true) or left alone (false). */
        public OneCycle cycleMomentum(boolean cycleMomentum) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same with the momentum range [baseMomentum, maxMomentum]. */
        public OneCycle momentum(double baseMomentum, double maxMomentum) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same starting at maxLr / {@code divFactor}. */
        public OneCycle divFactor(double divFactor) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same ending at maxLr / divFactor / {@code finalDivFactor}. */
        public OneCycle finalDivFactor(double finalDivFactor) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        /** The same with three phases (true) or two. */
        public OneCycle threePhase(boolean threePhase) {
            return new OneCycle(maxLr, totalSteps, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum,
                    divFactor, finalDivFactor, threePhase);
        }

        @Override
        public double lr(int step) {
            return at(step, false);
        }

        /** The momentum after {@code step} steps, or NaN when {@link #cycleMomentum} is off. */
        @Override
        public double momentum(int step) {
            return cycleMomentum ? at(step, true) : Double.NaN;
        }


        /** The learning rate (or the momentum) at {@code step}: find the phase, then anneal between its ends. */
        private double at(int step, boolean momentum) {
            if (step < 0 || step > totalSteps) {
                throw new IllegalArgumentException("Schedule.oneCycle: step " + step + " is outside 0…" + totalSteps
                        + " (totalSteps)");
            }
            double initialLr = maxLr / divFactor;
            double minLr = initialLr / finalDivFactor;
            double[] ends;
            double[][] lrs;
            double[][] momenta;
            if (threePhase) {
                ends = new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1};
                lrs = new double[][] {{initialLr, maxLr}, {maxLr, initialLr}, {initialLr, minLr}};
                momenta = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum},
                    {maxMomentum, maxMomentum}};
            } else {
                ends = new double[] {pctStart * totalSteps - 1, totalSteps - 1};
                lrs = new double[][] {{initialLr, maxLr}, {maxLr, minLr}};
                momenta = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum}};
            }
            int i = 0;
            double start = 0.0;
            while (i < ends.length - 1 && step > ends[i]) {
                start = ends[i];
                i++;
            }
            double pct = (step - start) / (ends[i] - start);
            double[] range = momentum ? momenta[i] : lrs[i];
            return annealStrategy.equals("cos")
                    ? range[1] + (range[0] - range[1]) / 2.0 * (Math.cos(Math.PI * pct) + 1)
                    : (range[1] - range[0]) * pct + range[0];
        }

        @Override
        public String toString() {
            return "oneCycle(maxLr=" + Format.repr(maxLr) + ", totalSteps=" + totalSteps + ", pctStart="
                    + Format.repr(pctStart) + ", annealStrategy=" + annealStrategy + ", cycleMomentum=" + cycleMomentum
                    + ", momentum=[" + Format.repr(baseMomentum) + ", " + Format.repr(maxMomentum) + "], divFactor="
                    + Format.repr(divFactor) + ", finalDivFactor=" + Format.repr(finalDivFactor) + ", threePhase="
                    + threePhase + ")";
        }
    }

    /**
     * Several schedules one after another: schedule i runs from milestone i − 1 (0 for the first), counting its
     * own steps from 0 there.
     * <pre>
     * ηₜ = schedule₀(t)                        for t &lt; milestone₁
     * ηₜ = scheduleᵢ(t − milestoneᵢ)            for milestoneᵢ ≤ t &lt; milestoneᵢ₊₁
     * </pre>
     *
     * @param schedules the schedules, in order
     * @param milestones the steps (positive, increasing; one fewer than the schedules) where the next one starts
     */
    record Sequence(List<Schedule> schedules, List<Integer> milestones) implements Schedule {
        /** Checks the settings and keeps copies. */
        public Sequence {
            if (schedules == null || schedules.isEmpty() || schedules.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("Schedule.sequential: expected one or more schedules, got "
                        + schedules);
            }
            schedules = List.copyOf(schedules);
            milestones = List.copyOf(milestones);
            if (milestones.size() != schedules.size() - 1) {
                throw new IllegalArgumentException("Schedule.sequential: " + schedules.size() + " schedules need "
                        + (schedules.size() - 1) + " milestones, got " + milestones.size());
            }
        }

        @Override
        public double lr(int step) {
            int i = phase(step);
            return schedules.get(i).lr(step - start(i));
        }

        @Override
        public double momentum(int step) {
            int i = phase(step);
            return schedules.get(i).momentum(step - start(i));
        }


        private int phase(int step) {
            int i = 0;
            while (i < milestones.size() && milestones.get(i) <= step) {
                i++;
            }
            return i;
        }

        private int start(int phase) {
            return phase == 0 ? 0 : milestones.get(phase - 1);
        }

        @Override
        public String toString() {
            return "sequential(" + schedules + ", milestones=" + milestones + ")";
        }
    }
}
