package gd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import org.junit.jupiter.api.Test;

/** Inverted dropout: masks, scaling, modes, fixed masks and determinism. */
class DropoutTest {
    @Test
    void dropsAboutPAndScalesTheRest() {
        Dropout dropout = Dropout.of(0.3, Rng.seed(1));
        Matrix y = dropout.forward(Matrix.filled(200, 100, 1));
        int zeros = 0;
        for (int i = 0; i < y.rows(); i++) {
            for (double v : y.row(i)) {
                if (v == 0) {
                    zeros++;
                } else {
                    assertEquals(1 / 0.7, v, 0);
                }
            }
        }
        // 20 000 Bernoulli(0.3) draws: standard deviation of the fraction ≈ 0.0032
        assertEquals(0.3, zeros / 20000.0, 0.015);
        assertEquals(1, y.mean(), 0.03, "inverted dropout keeps the mean");
    }

    @Test
    void backwardUsesTheSameMask() {
        Dropout dropout = Dropout.of(0.5, Rng.seed(2));
        Matrix y = dropout.forward(Matrix.filled(4, 5, 1));
        Matrix dx = dropout.backward(Matrix.filled(4, 5, 3));
        assertEquals(y.timesInPlace(3), dx);
    }

    @Test
    void evaluationIsTheIdentity() {
        Dropout dropout = Dropout.of(0.9, Rng.seed(3));
        dropout.eval();
        Matrix x = Matrix.filled(3, 3, 2);
        assertSame(x, dropout.forward(x));
        Matrix g = Matrix.filled(3, 3, 1);
        assertSame(g, dropout.backward(g));
    }

    @Test
    void freshMasksUnlessFixed() {
        Dropout dropout = Dropout.of(0.5, Rng.seed(4));
        Matrix ones = Matrix.filled(10, 10, 1);
        Matrix first = dropout.forward(ones);
        assertNotEquals(first, dropout.forward(ones), "a new mask each forward pass");
        dropout.fixMask(true);
        Matrix fixed = dropout.forward(ones);
        assertEquals(fixed, dropout.forward(ones));
        assertEquals(fixed, dropout.forward(ones));
        Matrix otherShape = dropout.forward(Matrix.filled(2, 10, 1));
        assertEquals(otherShape, dropout.forward(Matrix.filled(2, 10, 1)), "a new shape draws one mask and keeps it");
        dropout.fixMask(false);
        assertNotEquals(otherShape, dropout.forward(Matrix.filled(2, 10, 1)));
    }

    @Test
    void sameSeedSameMasks() {
        Dropout a = Dropout.of(0.5, Rng.seed(42));
        Dropout b = Dropout.of(0.5, Rng.seed(42));
        Matrix ones = Matrix.filled(8, 16, 1);
        for (int k = 0; k < 3; k++) {
            assertEquals(a.forward(ones), b.forward(ones), "mask " + k);
        }
        Dropout c = Dropout.of(0.5, Rng.seed(43));
        assertNotEquals(Dropout.of(0.5, Rng.seed(42)).forward(ones), c.forward(ones));
    }

    @Test
    void zeroProbabilityKeepsEverything() {
        Matrix x = Matrix.random(3, 4, Rng.seed(5), Rng::normal);
        assertEquals(x, Dropout.of(0, Rng.seed(6)).forward(x));
        assertTrue(Dropout.of(0, Rng.seed(6)).toString().equals("Dropout(p=0.0)"));
    }
}
