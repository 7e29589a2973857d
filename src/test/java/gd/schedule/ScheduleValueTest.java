package gd.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.optim.AdaGrad;
import gd.optim.Adam;
import gd.optim.Optimizer;
import gd.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Schedules as values: each torch-named class follows exactly the {@link Schedule} value with its settings (the
 * golden test checks those classes against torch), the values need no optimizer, and any schedule, a lambda
 * included, binds to an optimizer with {@link LRScheduler#of}.
 */
class ScheduleValueTest {

    private static Sgd sgd(double lr) {
        return Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 1)))).lr(lr).momentum(0.9);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void eachTorchClassFollowsTheScheduleValueOfItsSettings() {
        assertEquals(Schedule.step(0.1, 30).gamma(0.5), StepLR.of(sgd(0.1)).stepSize(30).gamma(0.5).schedule());
        assertEquals(Schedule.multiStep(0.1, 10, 20).gamma(0.3),
                MultiStepLR.of(sgd(0.1)).milestones(10, 20).gamma(0.3).schedule());
        assertEquals(Schedule.exponential(0.1, 0.97), ExponentialLR.of(sgd(0.1)).gamma(0.97).schedule());
        assertEquals(Schedule.cosine(0.1, 100).etaMin(1e-3),
                CosineAnnealingLR.of(sgd(0.1)).tMax(100).etaMin(1e-3).schedule());
        assertEquals(Schedule.warmRestarts(0.1, 10).tMult(2).etaMin(1e-4),
                CosineAnnealingWarmRestarts.of(sgd(0.1)).t0(10).tMult(2).etaMin(1e-4).schedule());
        assertEquals(Schedule.linear(0.1).startFactor(0.2).endFactor(0.9).totalIters(7),
                LinearLR.of(sgd(0.1)).startFactor(0.2).endFactor(0.9).totalIters(7).schedule());
        assertEquals(Schedule.polynomial(0.1).totalIters(50).power(2),
                PolynomialLR.of(sgd(0.1)).totalIters(50).power(2).schedule());
        assertEquals(Schedule.oneCycle(0.2, 100).pctStart(0.25).annealStrategy("linear").momentum(0.8, 0.9)
                        .divFactor(10).finalDivFactor(100).threePhase(true),
                OneCycleLR.of(sgd(0.1)).maxLr(0.2).totalSteps(100).pctStart(0.25).annealStrategy("linear")
                        .baseMomentum(0.8).maxMomentum(0.9).divFactor(10).finalDivFactor(100).threePhase(true)
                        .schedule());
        Sgd opt = sgd(0.1);
        LinearLR warmup = LinearLR.of(opt).startFactor(0.1).totalIters(10);
        CosineAnnealingLR decay = CosineAnnealingLR.of(opt).tMax(90);
        assertEquals(Schedule.sequential(List.of(Schedule.linear(0.1).startFactor(0.1).totalIters(10),
                        Schedule.cosine(0.1, 90)), 10),
                SequentialLR.of(opt).schedulers(warmup, decay).milestones(10).schedule());
    }

    @Test
    void aValueIsAPureFunctionOfTheStep() {
        Schedule cosine = Schedule.cosine(0.1, 100).etaMin(0.001);
        assertEquals(0.1, cosine.lr(0));
        assertEquals(0.001, cosine.lr(100), 1e-18);
        assertEquals(cosine.lr(37), cosine.lr(37));
        assertTrue(Double.isNaN(cosine.momentum(5)), "a cosine leaves the momentum alone");
        Schedule.OneCycle oneCycle = Schedule.oneCycle(0.1, 100);
        assertEquals(0.85, oneCycle.momentum(29), 1e-15);
        assertTrue(Double.isNaN(oneCycle.cycleMomentum(false).momentum(29)));
        Schedule sequence = Schedule.sequential(List.of(Schedule.constant(0.01), oneCycle), 5);
        assertEquals(0.01, sequence.lr(4));
        assertEquals(oneCycle.lr(0), sequence.lr(5));
        assertEquals(oneCycle.momentum(3), sequence.momentum(8));
        assertTrue(Double.isNaN(sequence.momentum(2)));
    }

    @Test
    void badValuesAreRefusedWithTheirNames() {
        assertMessage("Schedule.cosine: tMax must be positive, got 0", () -> Schedule.cosine(0.1, 0));
        assertMessage("Schedule.cosine: lr0 must be non-negative and finite, got inf",
                () -> Schedule.cosine(Double.POSITIVE_INFINITY, 10));
        assertMessage("Schedule.step: gamma must be positive and finite, got -1.0", () -> Schedule.step(0.1, 3).gamma(-1));
        assertMessage("Schedule.multiStep: milestones must be positive and increasing, got [5, 5]",
                () -> Schedule.multiStep(0.1, 5, 5));
        assertMessage("Schedule.warmRestarts: tMult must be at least 1, got 0", () -> Schedule.warmRestarts(0.1, 5).tMult(0));
        assertMessage("Schedule.linear: startFactor must be in (0, 1], got 0.0", () -> Schedule.linear(0.1).startFactor(0));
        assertMessage("Schedule.oneCycle: annealStrategy must be \"cos\" or \"linear\", got \"cosine\"",
                () -> Schedule.oneCycle(0.1, 10).annealStrategy("cosine"));
        assertMessage("Schedule.oneCycle: step 11 is outside 0…10 (totalSteps)", () -> Schedule.oneCycle(0.1, 10).lr(11));
        assertMessage("Schedule.sequential: 2 schedules need 1 milestones, got 0",
                () -> Schedule.sequential(List.of(Schedule.constant(0.1), Schedule.constant(0.2))));
        assertMessage("Schedule.sequential: expected one or more schedules, got []", () -> Schedule.sequential(List.of()));
        assertMessage("Schedule.sequential: expected one or more schedules, got [constant(0.1), null]",
                () -> Schedule.sequential(java.util.Arrays.asList(Schedule.constant(0.1), null), 3));
    }

    @Test
    void anyScheduleBindsToAnOptimizerAndKeepsTheGroupsRatios() {
        Sgd opt = Sgd.of(List.of(new Parameter("body", Matrix.zeros(1, 1)))).lr(0.1)
                .addParamGroup(List.of(new Parameter("head", Matrix.zeros(1, 1))), 0.01);
        Schedule mine = t -> 0.1 * Math.pow(0.5, t);
        LRScheduler bound = LRScheduler.of(opt, mine);
        assertEquals(0.1, opt.paramGroups().get(0).lr(), "step 0 set on creation");
        bound.step();
        bound.step();
        assertEquals(mine.lr(2), opt.paramGroups().get(0).lr(), "the first group follows the schedule, bit for bit");
        assertEquals(0.025 / 10, opt.paramGroups().get(1).lr(), 1e-18, "the head keeps a tenth of the body's rate");
        assertEquals(mine.lr(7), bound.lrAt(7));
        assertEquals(2, bound.stepCount());
    }

    @Test
    void aScheduleThatMovesTheMomentumSetsBeta1AndNeedsOne() {
        Adam adam = Adam.of(List.of(new Parameter("w", Matrix.zeros(1, 1))));
        LRScheduler bound = LRScheduler.of(adam, Schedule.oneCycle(0.01, 20));
        assertEquals(0.95, adam.beta1(), "maxMomentum at step 0");
        for (int t = 0; t < 6; t++) {
            bound.step();
        }
        assertEquals(Schedule.oneCycle(0.01, 20).momentum(6), adam.beta1());
        AdaGrad adagrad = AdaGrad.of(List.of(new Parameter("w", Matrix.zeros(1, 1))));
        assertMessage("LRScheduler: AdaGrad has no momentum or beta1 to cycle; bind a schedule that leaves the"
                + " momentum alone", () -> LRScheduler.of(adagrad, Schedule.oneCycle(0.01, 20)));
        LRScheduler.of(adagrad, Schedule.oneCycle(0.01, 20).cycleMomentum(false));
        Optimizer lambda = () -> { };
        assertMessage("LRScheduler.of: a schedule sets the learning rate of an optimizer's parameter groups, but "
                + lambda + " has none; use one of the library's optimizers", () -> LRScheduler.of(lambda, t -> 0.1));
    }

    @Test
    void perEpochStepsOnlyAfterAnEpoch() {
        Sgd opt = sgd(0.1);
        StepLR sched = StepLR.of(opt).stepSize(1).gamma(0.5);
        Scheduler perEpoch = sched.perEpoch();
        perEpoch.afterStep();
        assertEquals(0.1, opt.lr());
        perEpoch.afterEpoch(1.0);
        assertEquals(0.05, opt.lr());
        assertEquals(opt, perEpoch.optimizer());
        assertEquals("StepLR(stepSize=1, gamma=0.5, step=1) per epoch", perEpoch.toString());
    }
}
