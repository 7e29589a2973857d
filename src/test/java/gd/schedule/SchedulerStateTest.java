package gd.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.optim.Adam;
import gd.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scheduler's {@link ResumableScheduler#state()} put back into a new one continues the same learning rates. */
class SchedulerStateTest {

    private static Sgd sgd() {
        return Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 2)))).lr(0.1).momentum(0.9);
    }

    @Test
    void anLrSchedulerContinuesFromItsStepCount() {
        Sgd opt = sgd();
        CosineAnnealingLR sched = CosineAnnealingLR.of(opt).tMax(10);
        for (int t = 0; t < 4; t++) {
            sched.step();
        }
        SchedulerState saved = sched.state();
        assertEquals(new SchedulerState.Steps(4), saved);

        Sgd opt2 = sgd();
        CosineAnnealingLR sched2 = CosineAnnealingLR.of(opt2).tMax(10);
        sched2.restore(saved);
        assertEquals(opt.lr(), opt2.lr(), "the learning rate of step 4 is set");
        for (int t = 0; t < 6; t++) {
            sched.step();
            sched2.step();
            assertEquals(opt.lr(), opt2.lr());
        }
        assertEquals(sched.state(), sched2.state());
    }

    @Test
    void restoringOneCycleSetsTheMomentumOfThatStepToo() {
        Adam opt = Adam.of(List.of(new Parameter("w", Matrix.zeros(1, 2))));
        OneCycleLR sched = OneCycleLR.of(opt).maxLr(0.1).totalSteps(20);
        for (int t = 0; t < 7; t++) {
            sched.step();
        }
        Adam opt2 = Adam.of(List.of(new Parameter("w", Matrix.zeros(1, 2))));
        OneCycleLR sched2 = OneCycleLR.of(opt2).maxLr(0.1).totalSteps(20);
        sched2.restore(sched.state());
        assertEquals(opt.lr(), opt2.lr());
        assertEquals(opt.beta1(), opt2.beta1());
        assertEquals("OneCycleLR.restore: step 21 is outside 0…20 (totalSteps)", assertThrows(
                IllegalArgumentException.class, () -> sched2.restore(new SchedulerState.Steps(21))).getMessage());
    }

    @Test
    void perEpochSchedulesSaveTheScheduleTheyStep() {
        Sgd opt = sgd();
        StepLR sched = StepLR.of(opt).stepSize(2).gamma(0.5);
        ResumableScheduler perEpoch = (ResumableScheduler) sched.perEpoch();
        perEpoch.afterEpoch(1.0);
        perEpoch.afterEpoch(1.0);
        perEpoch.afterEpoch(1.0);
        assertEquals(new SchedulerState.Steps(3), perEpoch.state());
        Sgd opt2 = sgd();
        ResumableScheduler other = (ResumableScheduler) StepLR.of(opt2).stepSize(2).gamma(0.5).perEpoch();
        other.restore(perEpoch.state());
        assertEquals(0.05, opt2.lr(), 1e-15);
    }

    @Test
    void reduceLrOnPlateauContinuesItsCountersAndReductions() {
        double[] metrics = {1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 1.0, 0.5, 0.6, 0.7, 0.8};
        Sgd opt = sgd();
        ReduceLROnPlateau sched = ReduceLROnPlateau.of(opt).patience(1).cooldown(1).factor(0.5);
        for (int e = 0; e < 5; e++) {
            sched.step(metrics[e]);
        }
        SchedulerState saved = sched.state();
        assertEquals(new SchedulerState.Plateau(0.9, sched.numBadEpochs(), sched.cooldownCounter(), 5), saved);

        Sgd opt2 = sgd().lr(opt.lr());   // the optimizer's state carries the reduced rate
        ReduceLROnPlateau sched2 = ReduceLROnPlateau.of(opt2).patience(1).cooldown(1).factor(0.5);
        sched2.restore(saved);
        for (int e = 5; e < metrics.length; e++) {
            sched.step(metrics[e]);
            sched2.step(metrics[e]);
            assertEquals(opt.lr(), opt2.lr(), "epoch " + e);
        }
        assertEquals(sched.state(), sched2.state());
    }

    @Test
    void refusesTheStateOfAnotherKindOfScheduler() {
        Sgd opt = sgd();
        var plateau = new SchedulerState.Plateau(1, 0, 0, 3);
        assertEquals("StepLR.restore: expected the state of an LRScheduler, a non-negative SchedulerState.Steps, got"
                + " Plateau[best=1.0, numBadEpochs=0, cooldownCounter=0, stepCount=3]", assertThrows(
                IllegalArgumentException.class, () -> StepLR.of(opt).stepSize(2).restore(plateau)).getMessage());
        assertEquals("ReduceLROnPlateau.restore: expected the state of a ReduceLROnPlateau, a SchedulerState.Plateau,"
                + " got Steps[stepCount=3]", assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.of(opt).restore(new SchedulerState.Steps(3))).getMessage());
    }
}
