package gd.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.optim.AdaGrad;
import gd.optim.Adam;
import gd.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation, binding to the optimizer, parameter groups and the cases the golden file does not cover. */
class ScheduleTest {

    private static Parameter param(String name) {
        return new Parameter(name, Matrix.zeros(1, 2));
    }

    private static Sgd sgd(double lr) {
        return Sgd.of(List.of(param("w"))).lr(lr);
    }

    private static <T extends Throwable> void assertMessage(Class<T> type, String expected, Executable call) {
        assertEquals(expected, assertThrows(type, call).getMessage());
    }

    private static void assertMessage(String expected, Executable call) {
        assertMessage(IllegalArgumentException.class, expected, call);
    }

    @Test
    void invalidSettingsAreRefusedWithClearMessages() {
        Sgd opt = sgd(0.1);
        assertMessage("StepLR.stepSize must be positive, got 0", () -> StepLR.of(opt).stepSize(0));
        assertMessage("StepLR.gamma must be positive and finite, got -0.5", () -> StepLR.of(opt).gamma(-0.5));
        assertMessage("MultiStepLR.milestones must be positive and increasing, got [30, 20]",
                () -> MultiStepLR.of(opt).milestones(30, 20));
        assertMessage("ExponentialLR.gamma must be positive and finite, got 0.0", () -> ExponentialLR.of(opt).gamma(0));
        assertMessage("CosineAnnealingLR.tMax must be positive, got -5", () -> CosineAnnealingLR.of(opt).tMax(-5));
        assertMessage("CosineAnnealingLR.etaMin must be non-negative and finite, got -0.001",
                () -> CosineAnnealingLR.of(opt).etaMin(-1e-3));
        assertMessage("CosineAnnealingWarmRestarts.tMult must be at least 1, got 0",
                () -> CosineAnnealingWarmRestarts.of(opt).tMult(0));
        assertMessage("LinearLR.startFactor must be in (0, 1], got 0.0", () -> LinearLR.of(opt).startFactor(0));
        assertMessage("LinearLR.endFactor must be in [0, 1], got 1.5", () -> LinearLR.of(opt).endFactor(1.5));
        assertMessage("PolynomialLR.totalIters must be positive, got 0", () -> PolynomialLR.of(opt).totalIters(0));
        assertMessage("OneCycleLR.totalSteps must be positive, got 0", () -> OneCycleLR.of(opt).totalSteps(0));
        assertMessage("OneCycleLR.pctStart must be in (0, 1), got 1.3", () -> OneCycleLR.of(opt).pctStart(1.3));
        assertMessage("OneCycleLR.annealStrategy must be \"cos\" or \"linear\", got \"cosine\"",
                () -> OneCycleLR.of(opt).annealStrategy("cosine"));
        assertMessage("OneCycleLR.maxMomentum must be in [0, 1), got 1.0", () -> OneCycleLR.of(opt).maxMomentum(1));
        assertMessage("ReduceLROnPlateau.factor must be in (0, 1), got 1.0", () -> ReduceLROnPlateau.of(opt).factor(1));
        assertMessage("ReduceLROnPlateau.mode must be \"min\" or \"max\", got \"avg\"",
                () -> ReduceLROnPlateau.of(opt).mode("avg"));
        assertMessage("ReduceLROnPlateau.thresholdMode must be \"rel\" or \"abs\", got null",
                () -> ReduceLROnPlateau.of(opt).thresholdMode(null));
        assertMessage("ReduceLROnPlateau.patience must be non-negative, got -1",
                () -> ReduceLROnPlateau.of(opt).patience(-1));
        assertMessage("StepLR.of: optimizer is null", () -> StepLR.of(null));
    }

    @Test
    void aScheduleMustBeConfiguredBeforeItSteps() {
        Sgd opt = sgd(0.1);
        assertMessage(IllegalStateException.class, "CosineAnnealingLR.step: tMax is not set; call .tMax(...) first",
                () -> CosineAnnealingLR.of(opt).step());
        assertMessage(IllegalStateException.class, "OneCycleLR.lrAt: totalSteps is not set; call .totalSteps(...)"
                + " first", () -> OneCycleLR.of(opt).maxLr(0.1).lrAt(0));
        assertMessage("StepLR.lrAt: step must be non-negative, got -1", () -> StepLR.of(opt).stepSize(2).lrAt(-1));
    }

    @Test
    void oneCycleRefusesToStepPastTotalSteps() {
        Sgd opt = sgd(0.1).momentum(0.9);
        OneCycleLR sched = OneCycleLR.of(opt).maxLr(0.1).totalSteps(10);
        for (int k = 0; k < 10; k++) {
            sched.step();
        }
        assertMessage(IllegalStateException.class,
                "OneCycleLR.step: Tried to step 11 times. The specified number of total steps is 10", sched::step);
        assertEquals(10, sched.stepCount());
        assertMessage("OneCycleLR.lrAt: step 11 is outside 0…10 (totalSteps)", () -> sched.lrAt(11));
    }

    @Test
    void oneCycleNeedsMomentumToCycle() {
        AdaGrad opt = AdaGrad.of(List.of(param("w"))).lr(0.1);
        assertMessage("OneCycleLR: AdaGrad has no momentum or beta1 to cycle; call .cycleMomentum(false) before"
                + " maxLr and totalSteps", () -> OneCycleLR.of(opt).maxLr(0.1).totalSteps(10));
        OneCycleLR sched = OneCycleLR.of(opt).cycleMomentum(false).maxLr(0.1).totalSteps(10);
        assertEquals(0.004, sched.lr(), 1e-15);
    }

    @Test
    void oneCycleCyclesBeta1OfAdam() {
        Adam opt = Adam.of(List.of(param("w"))).lr(0.1);
        OneCycleLR sched = OneCycleLR.of(opt).maxLr(0.1).totalSteps(100);
        assertEquals(0.95, opt.beta1(), "maxMomentum at creation");
        for (int k = 0; k < 29; k++) {
            sched.step();
        }
        assertEquals(sched.momentumAt(29), opt.beta1());
        assertEquals(0.85, opt.beta1(), 1e-15, "baseMomentum at the peak (29.000000000000004)");
        assertEquals(0.999, opt.beta2(), "beta2 untouched");
    }

    /** Three phases with linear annealing, checked at the phase ends and midpoints of the documented formula. */
    @Test
    void oneCycleThreePhaseLinear() {
        Sgd opt = sgd(1).momentum(0.9);
        OneCycleLR s = OneCycleLR.of(opt).maxLr(1.0).totalSteps(101).pctStart(0.25).annealStrategy("linear")
                .threePhase(true).divFactor(10).finalDivFactor(100);
        // ends: 0.25·101 − 1 = 24.25, 2·0.25·101 − 2 = 48.5, 100
        double initial = 0.1;
        double min = 0.001;
        assertEquals(initial, s.lrAt(0), 1e-15);
        assertEquals(initial + (1.0 - initial) * (12 / 24.25), s.lrAt(12), 1e-15);
        assertEquals(1.0 + (initial - 1.0) * ((36 - 24.25) / (48.5 - 24.25)), s.lrAt(36), 1e-15);
        assertEquals(initial + (min - initial) * ((100 - 48.5) / (100 - 48.5)), s.lrAt(100), 1e-15);
        assertEquals(0.95 + (0.85 - 0.95) * (12 / 24.25), s.momentumAt(12), 1e-15);
        assertEquals(0.95, s.momentumAt(80), 1e-15);
    }

    @Test
    void creatingAScheduleSetsTheLearningRateOfStepZero() {
        Sgd opt = sgd(0.3);
        LinearLR warmup = LinearLR.of(opt);
        assertEquals(0.1, opt.lr(), 1e-15, "default startFactor 1/3");
        warmup.startFactor(0.5);
        assertEquals(0.15, opt.lr(), 1e-15, "a setter re-applies step 0");
        assertEquals(0.3, warmup.lrAt(5), 1e-15);
        assertEquals(0.15, opt.lr(), 1e-15, "lrAt changes nothing");
        assertEquals(0.3, warmup.baseLrs()[0]);
    }

    @Test
    void eachGroupFollowsTheScheduleFromItsOwnInitialLr() {
        Sgd opt = Sgd.of(List.of(param("body"))).lr(0.1).addParamGroup(List.of(param("head")), 0.01);
        StepLR sched = StepLR.of(opt).stepSize(2).gamma(0.5);
        sched.step();
        sched.step();
        assertEquals(0.05, opt.paramGroups().get(0).lr());
        assertEquals(0.005, opt.paramGroups().get(1).lr());
        // a second schedule on the same optimizer starts from the recorded initial lr, as torch's setdefault
        ExponentialLR second = ExponentialLR.of(opt).gamma(0.9);
        assertEquals(0.1, opt.paramGroups().get(0).initialLr());
        assertEquals(0.1, second.lrAt(0));
        opt.addParamGroup(List.of(param("late")), 0.1);
        assertMessage(IllegalStateException.class, "StepLR: the optimizer has 3 parameter groups but had 2 when this"
                + " schedule was created; create the schedule after the last addParamGroup", sched::step);
    }

    @Test
    void warmRestartsRestartAtTheEndOfEachPeriod() {
        Sgd opt = sgd(0.1);
        CosineAnnealingWarmRestarts same = CosineAnnealingWarmRestarts.of(opt).t0(10);
        assertEquals(0.1, same.lrAt(30));
        assertEquals(same.lrAt(3), same.lrAt(23));
        CosineAnnealingWarmRestarts growing = CosineAnnealingWarmRestarts.of(opt).t0(10).tMult(3);
        assertEquals(0.1, growing.lrAt(10));
        assertEquals(0.1, growing.lrAt(40));
        assertEquals(0.05, growing.lrAt(25), 1e-15, "half-way through the period of 30");
    }

    @Test
    void sequentialChecksItsParts() {
        Sgd opt = sgd(0.1);
        LinearLR warmup = LinearLR.of(opt).totalIters(5);
        CosineAnnealingLR decay = CosineAnnealingLR.of(opt).tMax(20);
        assertMessage("SequentialLR: 2 schedulers need 1 milestones, got 2",
                () -> SequentialLR.of(opt).schedulers(warmup, decay).milestones(5, 10));
        assertMessage("SequentialLR.schedulers: scheduler 1 (CosineAnnealingLR) is bound to a different optimizer",
                () -> SequentialLR.of(opt).schedulers(warmup, CosineAnnealingLR.of(sgd(0.1)).tMax(5)));
        assertMessage("SequentialLR.schedulers: scheduler 0 (StepLR) is not ready: stepSize is not set",
                () -> SequentialLR.of(opt).schedulers(StepLR.of(opt)));
        SequentialLR s = SequentialLR.of(opt).schedulers(warmup, decay).milestones(5);
        assertEquals(warmup.lrAt(3), s.lrAt(3));
        assertEquals(decay.lrAt(7), s.lrAt(12));
        assertEquals(warmup.lrAt(0), opt.lr());
    }

    /** mode "max", absolute threshold, cooldown and minLr, stepped by hand through the documented rule. */
    @Test
    void plateauMaxModeWithCooldownAndMinLr() {
        Sgd opt = sgd(1.0);
        ReduceLROnPlateau s = ReduceLROnPlateau.of(opt).mode("max").thresholdMode("abs").threshold(0.1).patience(1)
                .cooldown(2).factor(0.5).minLr(0.3);
        assertEquals(Double.NEGATIVE_INFINITY, s.best());
        double[] metrics = {0.5, 0.55, 0.58, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        // step:          1    2    3    4    5    6    7    8    9   10   11   (step 11: 0.3·0.5 < minLr, no change)
        double[] lr = {1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3, 0.3};
        double[] best = {0.5, 0.5, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        int[] bad = {0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
        int[] cooldown = {0, 0, 2, 1, 0, 0, 2, 1, 0, 0, 2};
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            assertEquals(lr[i], s.lr(), 1e-15, "lr after step " + (i + 1));
            assertEquals(best[i], s.best(), "best after step " + (i + 1));
            assertEquals(bad[i], s.numBadEpochs(), "numBadEpochs after step " + (i + 1));
            assertEquals(cooldown[i], s.cooldownCounter(), "cooldownCounter after step " + (i + 1));
        }
    }

    @Test
    void toStringListsTheSettings() {
        Sgd opt = sgd(0.1);
        assertEquals("StepLR(stepSize=10, gamma=0.5, step=0)", StepLR.of(opt).stepSize(10).gamma(0.5).toString());
        assertEquals("CosineAnnealingLR(tMax=unset, etaMin=0.0, step=0)", CosineAnnealingLR.of(opt).toString());
        assertEquals("ReduceLROnPlateau(mode=min, factor=0.1, patience=10, threshold=0.0001, thresholdMode=rel,"
                + " cooldown=0, minLr=0.0, eps=1e-08, best=inf, numBadEpochs=0, cooldownCounter=0)",
                ReduceLROnPlateau.of(opt).toString());
    }
}
