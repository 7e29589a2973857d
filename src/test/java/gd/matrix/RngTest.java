package gd.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Rng} is SplitMix64 written out: for every seed and every sequence of calls it gives, bit for bit, what
 * {@code new SplittableRandom(seed)} gives; and its state can be saved and put back.
 */
class RngTest {

    /** One call on one of the generators made so far (index modulo their number). */
    sealed interface Call {
        int on();
    }

    record Uniform(int on) implements Call {
    }

    record UniformIn(int on, double low, double width) implements Call {
    }

    record Normal(int on) implements Call {
    }

    record NextInt(int on, int bound) implements Call {
    }

    record Split(int on) implements Call {
    }

    @Property(tries = 500, seed = "20261201")
    void drawsWhatSplittableRandomDraws(@ForAll long seed, @ForAll("calls") List<Call> calls) {
        List<Rng> mine = new ArrayList<>(List.of(Rng.seed(seed)));
        List<SplittableRandom> jdk = new ArrayList<>(List.of(new SplittableRandom(seed)));
        for (Call call : calls) {
            int k = Math.floorMod(call.on(), mine.size());
            Rng r = mine.get(k);
            SplittableRandom s = jdk.get(k);
            if (call instanceof Uniform) {
                assertSameBits(s.nextDouble(), r.uniform(), call);
            } else if (call instanceof UniformIn u) {
                double high = Math.max(u.low() + u.width(), Math.nextUp(u.low()));   // tiny ranges too
                assertSameBits(s.nextDouble(u.low(), high), r.uniform(u.low(), high), call);
            } else if (call instanceof Normal) {
                assertSameBits(s.nextGaussian(), r.normal(), call);
            } else if (call instanceof NextInt n) {
                assertEquals(s.nextInt(n.bound()), r.nextInt(n.bound()), call.toString());
            } else {
                mine.add(r.split());
                jdk.add(s.split());
            }
        }
        for (int k = 0; k < mine.size(); k++) {
            assertSameBits(jdk.get(k).nextDouble(), mine.get(k).uniform(), "generator " + k + " at the end");
        }
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Integer> on = Arbitraries.integers().between(0, 1000);
        Arbitrary<Integer> bounds = Arbitraries.oneOf(Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 30).map(e -> 1 << e),
                Arbitraries.integers().between(1 << 30, Integer.MAX_VALUE));   // often redraws
        Arbitrary<Double> widths = Arbitraries.oneOf(Arbitraries.doubles().between(0.01, 1e6), Arbitraries.just(0.0));
        Arbitrary<Call> call = Arbitraries.oneOf(
                on.map(Uniform::new),
                Combinators.combine(on, Arbitraries.doubles().between(-1e6, 1e6), widths).as(UniformIn::new),
                on.map(Normal::new),
                Combinators.combine(on, bounds).as(NextInt::new),
                on.map(Split::new));
        return call.list().ofMaxSize(300);
    }

    @Property(tries = 200, seed = "20261202")
    void aRestoredStateRepeatsTheDrawsThatFollowedIt(@ForAll long seed, @ForAll("skips") int skip) {
        Rng rng = Rng.seed(seed);
        for (int i = 0; i < skip; i++) {
            rng.normal();
        }
        Rng.State saved = rng.state();
        double[] first = draws(rng);
        rng.restore(saved);
        assertArrayEquals(first, draws(rng));
        Rng other = Rng.seed(seed + 1);
        other.restore(saved);
        assertArrayEquals(first, draws(other));
    }

    @Provide
    Arbitrary<Integer> skips() {
        return Arbitraries.integers().between(0, 50);
    }

    @Test
    void splitGeneratorsHaveTheirOwnState() {
        Rng rng = Rng.seed(7);
        Rng child = rng.split();
        Rng.State parent = rng.state();
        child.uniform();
        assertEquals(parent, rng.state());
        SplittableRandom jdkChild = new SplittableRandom(7).split();
        jdkChild.nextDouble();
        assertEquals(jdkChild.split().nextDouble(), child.split().uniform());
    }

    @Test
    void refusesAStateThatNoGeneratorCanHave() {
        var e = assertThrows(IllegalArgumentException.class, () -> Rng.seed(1).restore(new Rng.State(3, 2)));
        assertEquals("Rng.restore: expected a state from Rng.state(), whose gamma is odd, got State[seed=3, gamma=2]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rng.seed(1).restore(null));
    }

    @Test
    void refusesBadArgumentsWithTheOperation() {
        assertEquals("Rng.nextInt: bound must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Rng.seed(1).nextInt(0)).getMessage());
        assertEquals("Rng.uniform: needs low < high with a finite difference, got low=1.0, high=1.0",
                assertThrows(IllegalArgumentException.class, () -> Rng.seed(1).uniform(1, 1)).getMessage());
    }

    private static double[] draws(Rng rng) {
        double[] values = new double[40];
        for (int i = 0; i < values.length; i += 4) {
            values[i] = rng.uniform();
            values[i + 1] = rng.normal();
            values[i + 2] = rng.nextInt(1_000_003);
            values[i + 3] = rng.split().uniform(-3, 5);
        }
        return values;
    }

    private static void assertSameBits(double expected, double actual, Object where) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }
}
