package gd.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpectTest {
    @Test
    void failuresStateTheOutcomeAndTheNumbers() {
        assertEquals("✗ expected: the loss falls",
                assertThrows(AssertionError.class, () -> Expect.that(false, "the loss falls")).getMessage());
        assertEquals("✗ expected: weight: 2.1 vs 2 (difference 0.1, tolerance 0.001)",
                assertThrows(AssertionError.class, () -> Expect.near(2.1, 2.0, 1e-3, "weight")).getMessage());
        assertEquals("✗ expected: accuracy: 0.95 is below 0.97",
                assertThrows(AssertionError.class, () -> Expect.atLeast(0.95, 0.97, "accuracy")).getMessage());
        assertEquals("✗ expected: loss: NaN is above 1",
                assertThrows(AssertionError.class, () -> Expect.atMost(Double.NaN, 1, "loss")).getMessage());
        assertThrows(AssertionError.class, () -> Expect.near(Double.NaN, 0, 1, "nan is never near"));
    }

    @Test
    void passesQuietlyApartFromItsLine() {
        Expect.that(true, "true holds");
        Expect.near(1.0005, 1.0, 1e-3, "close");
        Expect.atLeast(0.98, 0.97, "accuracy");
        Expect.atMost(0.1, 0.2, "loss");
    }
}
