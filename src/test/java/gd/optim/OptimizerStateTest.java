package gd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BaseOptimizer#state()} and {@link BaseOptimizer#restore}: an optimizer restored into new objects continues
 * exactly as the original, bit for bit, including the sweep for subnormal numbers that its step counter times.
 */
class OptimizerStateTest {

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Sgd", f(p -> Sgd.of(p).lr(0.1))),
                Arguments.of("Sgd nesterov", f(p -> Sgd.of(p).lr(0.1).momentum(0.9).nesterov(true))),
                Arguments.of("AdaGrad", f(p -> AdaGrad.of(p).lr(0.1).lrDecay(0.01).initialAccumulatorValue(0.1))),
                Arguments.of("RmsProp", f(p -> RmsProp.of(p).momentum(0.9).centered(true).weightDecay(0.01))),
                Arguments.of("Adam amsgrad", f(p -> Adam.of(p).lr(0.01).amsgrad(true).weightDecay(0.01))),
                Arguments.of("AdamW", f(p -> AdamW.of(p).lr(0.01))),
                Arguments.of("NAdam", f(p -> NAdam.of(p).lr(0.01))),
                Arguments.of("RAdam", f(p -> RAdam.of(p).lr(0.01).decoupledWeightDecay(true).weightDecay(0.1))),
                Arguments.of("Adam, two groups", f(p -> Adam.of(p.subList(0, 1)).addParamGroup(p.subList(1, 2), 0.1))));
    }

    private static Function<List<Parameter>, BaseOptimizer<?>> f(Function<List<Parameter>, BaseOptimizer<?>> f) {
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aRestoredOptimizerContinuesBitForBit(String name, Function<List<Parameter>, BaseOptimizer<?>> make) {
        List<Parameter> original = params();
        BaseOptimizer<?> opt = make.apply(original);
        run(opt, original, 0, 20);
        OptimizerState saved = opt.state();
        List<Parameter> copy = copies(original);
        BaseOptimizer<?> resumed = make.apply(copy);
        resumed.restore(saved);
        assertEquals(saved, resumed.state());

        run(opt, original, 20, 50);   // across step 32, where the subnormal sweep runs
        run(resumed, copy, 20, 50);
        for (int i = 0; i < original.size(); i++) {
            assertEquals(original.get(i).value(), copy.get(i).value(), name + ": " + original.get(i).name());
        }
        assertEquals(opt.state(), resumed.state(), name);
    }

    @Test
    void theStepCounterTimesTheSubnormalSweepSoItIsPartOfTheState() {
        List<Parameter> original = params();
        Adam opt = Adam.of(original);
        run(opt, original, 0, 20);
        OptimizerState saved = opt.state();
        List<Parameter> copy = copies(original);
        Adam shifted = Adam.of(copy);
        shifted.restore(new OptimizerState(saved.optimizer(), saved.steps() + 1, saved.groups(), saved.parameters()));
        run(opt, original, 20, 50);
        run(shifted, copy, 20, 50);
        assertNotEquals(opt.state(), shifted.state(), "a subnormal moment is flushed at another step");
    }

    @Test
    void theStateUsesTorchsNamesAndCopies() {
        List<Parameter> p = params();
        NAdam opt = NAdam.of(p);
        OptimizerState before = opt.state();
        assertEquals(List.of(Map.of(), Map.of()), before.parameters());
        assertEquals(new OptimizerState.Group(2, 0.002, Double.NaN), before.groups().get(0));
        run(opt, p, 0, 3);
        OptimizerState state = opt.state();
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "mu_product"),
                new ArrayList<>(state.parameters().get(0).keySet()));
        assertEquals(3, state.steps());
        ((Matrix) state.parameters().get(0).get("exp_avg")).set(0, 0, 42);
        assertNotEquals(42.0, ((Matrix) opt.state().parameters().get(0).get("exp_avg")).get(0, 0));
        opt.restore(before);
        assertEquals(before, opt.state());
        assertNull(((Optimizer) () -> { }).state(), "a lambda has no state to save");
    }

    @Test
    void refusesTheStateOfAnotherOptimizerOrOtherParameters() {
        List<Parameter> p = params();
        Adam adam = Adam.of(p);
        run(adam, p, 0, 2);
        OptimizerState state = adam.state();
        var e = assertThrows(IllegalArgumentException.class, () -> Sgd.of(params()).restore(state));
        assertEquals("Sgd.restore: expected a state from Sgd.state(), got one from Adam.state()", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.of(params().subList(0, 1)).restore(state));
        assertEquals("Adam.restore: the state has parameter groups of [2] parameters, this optimizer of [1]; create it"
                + " with the same groups", e.getMessage());
        List<Parameter> wider = List.of(new Parameter("w", Matrix.zeros(3, 5)), new Parameter("b", Matrix.zeros(1, 4)));
        Adam other = Adam.of(wider);
        e = assertThrows(IllegalArgumentException.class, () -> other.restore(state));
        assertEquals("Adam.restore: parameter w is 3×5 but its saved exp_avg is 3×4; restore the state into an"
                + " optimizer of the same model", e.getMessage());
        assertEquals(List.of(Map.of(), Map.of()), other.state().parameters(), "nothing changed");
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> ((Optimizer) () -> { }).restore(state))
                .getMessage().startsWith("Optimizer.restore: "));
    }

    /** w 3×4 and b 1×4; b's first element gets one tiny gradient, so that its moments decay into subnormals. */
    private static List<Parameter> params() {
        Matrix w = Matrix.zeros(3, 4);
        Matrix b = Matrix.zeros(1, 4);
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                w.set(i, j, Math.cos(1 + i + 3 * j));
            }
            b.set(0, j, 0.1 * j);
        }
        return List.of(new Parameter("w", w), new Parameter("b", b));
    }

    private static List<Parameter> copies(List<Parameter> params) {
        return params.stream().map(p -> new Parameter(p.name(), p.value().copy())).toList();
    }

    /** Steps {@code from} … {@code to − 1} with gradients that depend on the step and the weights. */
    private static void run(Optimizer opt, List<Parameter> params, int from, int to) {
        for (int t = from; t < to; t++) {
            for (Parameter p : params) {
                Matrix v = p.value();
                for (int i = 0; i < v.rows(); i++) {
                    for (int j = 0; j < v.cols(); j++) {
                        p.grad().set(i, j, v.get(i, j) - Math.sin(t + i + 2 * j));
                    }
                }
            }
            params.get(1).grad().set(0, 0, t == 0 ? 1e-300 : 0);
            opt.step();
        }
    }
}
