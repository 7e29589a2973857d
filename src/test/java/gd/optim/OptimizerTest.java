package gd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Parameter;
import gd.util.Format;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation messages, parameter groups, state, toString and the subnormal flush of the optimizers. */
class OptimizerTest {

    private static List<Parameter> params() {
        return List.of(new Parameter("w", Matrix.of(new double[] {1, -2}, new double[] {3, 0.5})),
                new Parameter("b", Matrix.rowVector(0.1, -0.2)));
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void invalidHyperParametersAreRefusedWithClearMessages() {
        List<Parameter> p = params();
        assertMessage("Adam.beta1 must be in [0, 1), got 1.2", () -> Adam.of(p).beta1(1.2));
        assertMessage("Adam.beta2 must be in [0, 1), got 1.0", () -> Adam.of(p).betas(0.9, 1.0));
        assertMessage("Adam.lr must be non-negative and finite, got -0.1", () -> Adam.of(p).lr(-0.1));
        assertMessage("Sgd.lr must be non-negative and finite, got inf", () -> Sgd.of(p).lr(Double.POSITIVE_INFINITY));
        assertMessage("Adam.eps must be positive and finite, got -1e-08", () -> Adam.of(p).eps(-1e-8));
        assertMessage("AdamW.weightDecay must be non-negative and finite, got nan", () -> AdamW.of(p).weightDecay(Double.NaN));
        assertMessage("Sgd.momentum must be in [0, 1), got -0.9", () -> Sgd.of(p).momentum(-0.9));
        assertMessage("Sgd.weightDecay must be non-negative and finite, got -1.0", () -> Sgd.of(p).weightDecay(-1));
        assertMessage("Sgd.nesterov: Nesterov momentum requires a momentum and zero dampening, got momentum=0.0,"
                + " dampening=0.0", () -> Sgd.of(p).nesterov(true));
        assertMessage("Sgd.nesterov: Nesterov momentum requires a momentum and zero dampening, got momentum=0.9,"
                + " dampening=0.1", () -> Sgd.of(p).momentum(0.9).dampening(0.1).nesterov(true));
        assertMessage("Sgd.nesterov: Nesterov momentum requires a momentum and zero dampening, got momentum=0.9,"
                + " dampening=0.5", () -> Sgd.of(p).momentum(0.9).nesterov(true).dampening(0.5));
        assertMessage("Sgd.nesterov: Nesterov momentum requires a momentum and zero dampening, got momentum=0.0,"
                + " dampening=0.0", () -> Sgd.of(p).momentum(0.9).nesterov(true).momentum(0));
        assertMessage("AdaGrad.lrDecay must be non-negative and finite, got -0.01", () -> AdaGrad.of(p).lrDecay(-0.01));
        assertMessage("AdaGrad.initialAccumulatorValue must be non-negative and finite, got -0.1",
                () -> AdaGrad.of(p).initialAccumulatorValue(-0.1));
        assertMessage("RmsProp.alpha must be in [0, 1], got 1.5", () -> RmsProp.of(p).alpha(1.5));
        assertMessage("RmsProp.momentum must be in [0, 1), got -0.5", () -> RmsProp.of(p).momentum(-0.5));
        assertMessage("NAdam.momentumDecay must be non-negative and finite, got -0.004", () -> NAdam.of(p).momentumDecay(-0.004));
        assertMessage("NAdam.beta1 must be in [0, 1), got -0.1", () -> NAdam.of(p).beta1(-0.1));
        assertMessage("RAdam.beta2 must be in [0, 1), got 1.0", () -> RAdam.of(p).beta2(1.0));
        assertMessage("Adam.paramGroups[0].lr must be non-negative and finite, got -1.0",
                () -> Adam.of(p).paramGroups().get(0).lr(-1));
    }

    @Test
    void sharedSettersAreValidatedUnderEachClassName() {
        List<Parameter> p = params();
        assertMessage("AdaGrad.eps must be positive and finite, got -1e-10", () -> AdaGrad.of(p).eps(-1e-10));
        assertMessage("RmsProp.weightDecay must be non-negative and finite, got -0.1",
                () -> RmsProp.of(p).weightDecay(-0.1));
        assertMessage("NAdam.eps must be positive and finite, got inf",
                () -> NAdam.of(p).eps(Double.POSITIVE_INFINITY));
        assertMessage("RAdam.weightDecay must be non-negative and finite, got -1.0", () -> RAdam.of(p).weightDecay(-1));
    }

    /** Setters held by a shared base class still return the optimizer's own class, so chains keep compiling. */
    @Test
    void sharedSettersReturnTheOptimizersOwnClass() {
        List<Parameter> p = params();
        AdamW adamW = AdamW.of(p).lr(1e-3).amsgrad(true).weightDecay(0.1).eps(1e-6).beta1(0.8);
        Adam adam = Adam.of(p).amsgrad(true).weightDecay(0.1);
        NAdam nadam = NAdam.of(p).decoupledWeightDecay(true).eps(1e-7).momentumDecay(0.01);
        RAdam radam = RAdam.of(p).weightDecay(0.1).decoupledWeightDecay(true);
        Sgd sgd = Sgd.of(p).weightDecay(0.1).momentum(0.9).nesterov(true);
        AdaGrad adagrad = AdaGrad.of(p).eps(1e-9).weightDecay(0.1).lrDecay(0.01);
        RmsProp rmsprop = RmsProp.of(p).weightDecay(0.1).eps(1e-6).alpha(0.9);
        assertEquals("AdamW(lr=0.001, betas=(0.8, 0.999), eps=1e-06, weightDecay=0.1, amsgrad=true)",
                adamW.toString());
        assertEquals("NAdam(lr=0.002, betas=(0.9, 0.999), eps=1e-07, weightDecay=0.0, momentumDecay=0.01,"
                + " decoupledWeightDecay=true)", nadam.toString());
        assertEquals(List.of(false, true, true, true),
                List.of(adam.decoupledWeightDecay(), adamW.decoupledWeightDecay(), nadam.decoupledWeightDecay(),
                        radam.decoupledWeightDecay()), "decoupled weight decay of Adam, AdamW, NAdam, RAdam");
        assertEquals(List.of(0.1, 0.1, 0.1, 1e-9, 1e-6),
                List.of(adam.weightDecay(), sgd.weightDecay(), radam.weightDecay(), adagrad.eps(), rmsprop.eps()));
    }

    @Test
    void parameterListsAreChecked() {
        List<Parameter> p = params();
        assertMessage("Adam.of: got an empty parameter list", () -> Adam.of(List.of()));
        assertMessage("Sgd.of: got an empty parameter list", () -> Sgd.of(null));
        assertMessage("Sgd.of: parameter w appears twice", () -> Sgd.of(List.of(p.get(0), p.get(1), p.get(0))));
        assertMessage("Sgd.addParamGroup: parameter b is already in parameter group 0",
                () -> Sgd.of(p).addParamGroup(List.of(p.get(1)), 0.01));
        Parameter other = new Parameter("other", Matrix.zeros(1, 1));
        assertMessage("Adam.state: parameter other is not optimized by this Adam", () -> Adam.of(p).state(other));
    }

    @Test
    void clippingArgumentsAreChecked() {
        List<Parameter> p = params();
        assertMessage("Clip.gradNorm: maxNorm must be non-negative and finite, got -1.0", () -> Clip.gradNorm(p, -1));
        assertMessage("Clip.gradNorm: got an empty parameter list", () -> Clip.gradNorm(List.of(), 1));
        assertMessage("Clip.gradValue: clipValue must be non-negative and finite, got nan", () -> Clip.gradValue(p, Double.NaN));
    }

    @Test
    void gradNormClipsTheGlobalNormOverAllParameters() {
        Parameter a = new Parameter("a", Matrix.rowVector(3, 4));
        Parameter b = new Parameter("b", Matrix.columnVector(12.0));
        a.grad().copyFrom(Matrix.rowVector(3, 4));
        b.grad().copyFrom(Matrix.columnVector(12.0));
        double total = Clip.gradNorm(List.of(a, b), 6.5);
        assertEquals(13.0, total, 1e-15);
        double c = 6.5 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, a.grad().row(0), 1e-15);
        assertEquals(12 * c, b.grad().get(0, 0), 1e-15);
        assertEquals(6.5, Clip.gradNorm(List.of(a, b), 100), 1e-6, "the norm after clipping");
        Clip.gradValue(List.of(a, b), 1.8);
        assertArrayEquals(new double[] {3 * c, 1.8}, a.grad().row(0));
        assertEquals(1.8, b.grad().get(0, 0));
    }

    @Test
    void toStringListsTheHyperParameters() {
        List<Parameter> p = params();
        assertEquals("Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, amsgrad=false)",
                Adam.of(p).toString());
        assertEquals("AdamW(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.01, amsgrad=false)",
                AdamW.of(p).toString());
        assertEquals("Sgd(lr=0.1, momentum=0.9, dampening=0.0, weightDecay=0.0, nesterov=true)",
                Sgd.of(p).lr(0.1).momentum(0.9).nesterov(true).toString());
        assertEquals("AdaGrad(lr=0.01, lrDecay=0.0, weightDecay=0.0, initialAccumulatorValue=0.0, eps=1e-10)",
                AdaGrad.of(p).toString());
        assertEquals("RmsProp(lr=0.01, alpha=0.99, eps=1e-08, weightDecay=0.0, momentum=0.0, centered=false)",
                RmsProp.of(p).toString());
        assertEquals("NAdam(lr=0.002, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, momentumDecay=0.004,"
                + " decoupledWeightDecay=false)", NAdam.of(p).toString());
        assertEquals("RAdam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weightDecay=0.0, decoupledWeightDecay=false)",
                RAdam.of(p).toString());
        assertEquals("Sgd(lr=[0.1, 0.01], momentum=0.0, dampening=0.0, weightDecay=0.0, nesterov=false)",
                Sgd.of(p.subList(0, 1)).lr(0.1).addParamGroup(p.subList(1, 2), 0.01).toString());
        assertEquals("ParamGroup(1 parameter, lr=0.01)",
                Sgd.of(p.subList(0, 1)).addParamGroup(p.subList(1, 2), 0.01).paramGroups().get(1).toString());
    }

    @Test
    void eachGroupStepsWithItsOwnLearningRate() {
        Rng rng = Rng.seed(1);
        List<Parameter> grouped = params();
        List<Parameter> alone0 = params();
        List<Parameter> alone1 = params();
        Adam both = Adam.of(grouped.subList(0, 1)).lr(0.1).addParamGroup(grouped.subList(1, 2), 0.01);
        Adam first = Adam.of(alone0.subList(0, 1)).lr(0.1);
        Adam second = Adam.of(alone1.subList(1, 2)).lr(0.01);
        for (int step = 0; step < 5; step++) {
            for (int i = 0; i < 2; i++) {
                Matrix g = Matrix.random(grouped.get(i).value().rows(), grouped.get(i).value().cols(), rng,
                        r -> r.normal());
                grouped.get(i).grad().copyFrom(g);
                alone0.get(i).grad().copyFrom(g);
                alone1.get(i).grad().copyFrom(g);
            }
            both.step();
            first.step();
            second.step();
        }
        assertEquals(alone0.get(0).value(), grouped.get(0).value(), "group 0 with lr 0.1");
        assertEquals(alone1.get(1).value(), grouped.get(1).value(), "group 1 with lr 0.01");
        assertEquals(0.1, both.lr());
        both.lr(0.5);
        assertEquals(0.5, both.paramGroups().get(1).lr(), "lr(double) sets every group");
        assertEquals(2, both.parameters().size());
        both.zeroGrad();
        assertEquals(0.0, grouped.get(1).grad().maxAbs());
    }

    @Test
    void stateUsesTorchNamesAndIsACopy() {
        List<Parameter> p = params();
        Adam adam = Adam.of(p).amsgrad(true);
        assertTrue(adam.state(p.get(0)).isEmpty(), "no state before the first step");
        p.get(0).grad().fillInPlace(1);
        adam.step();
        Map<String, Object> state = adam.state(p.get(0));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(state.keySet()));
        assertEquals(1, state.get("step"));
        Matrix m = (Matrix) state.get("exp_avg");
        m.fillInPlace(42);
        assertEquals(0.1, ((Matrix) adam.state(p.get(0)).get("exp_avg")).get(0, 0), 1e-15);
        Parameter alias = new Parameter("alias", p.get(0).value());
        assertEquals(state.keySet(), adam.state(alias).keySet(), "found through another wrapper of the same value");
    }

    @Test
    void momentumOrBeta1IsWhatOneCycleCycles() {
        List<Parameter> p = params();
        List<HasMomentum> optimizers = List.of(Sgd.of(p).momentum(0.9), RmsProp.of(p).momentum(0.9),
                Adam.of(p), AdamW.of(p), NAdam.of(p), RAdam.of(p));
        for (HasMomentum o : optimizers) {
            assertEquals(0.9, o.momentumOrBeta1(), o.toString());
            o.momentumOrBeta1(0.85);
            assertEquals(0.85, o.momentumOrBeta1(), o.toString());
        }
        assertMessage("Adam.beta1 must be in [0, 1), got 1.0", () -> Adam.of(p).momentumOrBeta1(1.0));
    }

    /**
     * Running averages of a gradient that becomes exactly zero hold no subnormal number after a sweep step
     * (every SWEEP_EVERY steps), so none stays subnormal for longer than that.
     */
    @Test
    void runningAveragesAreSweptOfSubnormals() {
        List<Function<List<Parameter>, BaseOptimizer<?>>> factories = List.of(
            p -> Sgd.of(p).momentum(0.5),
            p -> Sgd.of(p).momentum(0.5).nesterov(true),
            p -> RmsProp.of(p).alpha(0.5).centered(true).momentum(0.5),
            p -> Adam.of(p).betas(0.5, 0.5),
            p -> Adam.of(p).betas(0.5, 0.5).amsgrad(true),
            p -> AdamW.of(p).betas(0.5, 0.5),
            p -> NAdam.of(p).betas(0.5, 0.5),
            p -> RAdam.of(p).betas(0.5, 0.5));
        for (Function<List<Parameter>, BaseOptimizer<?>> factory : factories) {
            Parameter w = new Parameter("w", Matrix.rowVector(1, 2, 3));
            BaseOptimizer<?> opt = factory.apply(List.of(w));
            w.grad().copyFrom(Matrix.rowVector(1e-3, -2e-3, 0));
            opt.step();
            opt.zeroGrad();
            boolean sawZero = false;
            for (int steps = 2; steps <= 1200; steps++) {
                opt.step();
                if (steps % BaseOptimizer.SWEEP_EVERY != 0) {
                    continue;
                }
                for (Map.Entry<String, Object> e : opt.state(w).entrySet()) {
                    if (e.getValue() instanceof Matrix m) {
                        for (double x : m.row(0)) {
                            assertTrue(x == 0 || Math.abs(x) >= Double.MIN_NORMAL,
                                    opt + " " + e.getKey() + " holds the subnormal " + x + " after sweep step " + steps);
                            sawZero |= x == 0 && !e.getKey().equals("max_exp_avg_sq");
                        }
                    }
                }
            }
            assertTrue(sawZero, opt + ": the averages decayed to zero");
        }
    }

    @Test
    void aLambdaIsAnOptimizer() {
        List<Parameter> p = params();
        Optimizer mine = () -> {
            for (Parameter q : p) {
                q.value().plusScaledInPlace(-0.1, q.grad());
            }
        };
        p.get(0).grad().fillInPlace(1);
        mine.step();
        assertArrayEquals(new double[] {0.9, -2.1}, p.get(0).value().row(0), 1e-15);
        assertSame(p.get(0), Sgd.of(p).parameters().get(0));
    }

    @Test
    void reprWritesNumbersLikePython() {
        assertEquals("1e-08", Format.repr(1e-8));
        assertEquals("0.001", Format.repr(0.001));
        assertEquals("0.0001", Format.repr(1e-4));
        assertEquals("1e-05", Format.repr(1e-5));
        assertEquals("100.0", Format.repr(100));
        assertEquals("1e+16", Format.repr(1e16));
        assertEquals("1234567890123456.0", Format.repr(1234567890123456.0));
        assertEquals("-0.5", Format.repr(-0.5));
        assertEquals("0.09999999999999998", Format.repr(1 - 0.9));
        assertEquals("2.5e-308", Format.repr(2.5e-308));
        assertEquals("-0.0", Format.repr(-0.0));
        assertEquals("inf", Format.repr(Double.POSITIVE_INFINITY));
    }
}
