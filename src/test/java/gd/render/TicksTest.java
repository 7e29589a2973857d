package gd.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tick steps and labels as plotly.js computes them. */
class TicksTest {
    @Test
    void automaticStepIsTheNextOfTwoFiveOrTenTimesAPowerOfTen() {
        assertEquals(20.0, Ticks.autoStep(19.4), 1e-12);
        assertEquals(50.0, Ticks.autoStep(20.3), 1e-12);
        assertEquals(0.1, Ticks.autoStep(0.09), 1e-12);
        assertEquals(2.0, Ticks.autoStep(1.0), 1e-12, "strictly above, as plotly's roundUp");
        assertEquals(1e-7, Ticks.autoStep(6e-8), 1e-20);
        assertEquals(1.0, Ticks.autoStep(0), "degenerate ranges get a unit step");
    }

    @Test
    void numbersHaveTheDigitsTheStepNeedsAndPlotlysMinus() {
        assertEquals("0.25", Ticks.number(0.25, 0.05, 1, "B"));
        assertEquals("0.3", Ticks.number(0.30000000000000004, 0.1, 1, "B"));
        assertEquals("−1.5", Ticks.number(-1.5, 0.5, 2, "B"));
        assertEquals("0", Ticks.number(-1e-17, 0.5, 2, "B"), "rounding noise is zero, without a sign");
        assertEquals("1200", Ticks.number(1200, 200, 1400, "B"));
    }

    @Test
    void largeAndSmallNumbersGetTheAxisExponentFormat() {
        assertEquals("3M", Ticks.number(3e6, 1e6, 5e6, "B"));
        assertEquals("3B", Ticks.number(3e9, 1e9, 5e9, "B"));
        assertEquals("3G", Ticks.number(3e9, 1e9, 5e9, "SI"));
        assertEquals("3e+6", Ticks.number(3e6, 1e6, 5e6, "e"));
        assertEquals("3E+6", Ticks.number(3e6, 1e6, 5e6, "E"));
        assertEquals("3×10⁶", Ticks.number(3e6, 1e6, 5e6, "power"));
        assertEquals("3000000", Ticks.number(3e6, 1e6, 5e6, "none"));
        assertEquals("150n", Ticks.number(1.5e-7, 5e-8, 2e-7, "B"));
        assertEquals("1.5e−7", Ticks.number(1.5e-7, 5e-8, 2e-7, "e"));
    }

    @Test
    void decadesOfLogAxes() {
        assertEquals("1", Ticks.decade(0, "power"));
        assertEquals("10", Ticks.decade(1, "power"));
        assertEquals("10²", Ticks.decade(2, "power"));
        assertEquals("10⁻¹²", Ticks.decade(-12, "power"));
        assertEquals("0.001", Ticks.decade(-3, "B"));
        assertEquals("100μ", Ticks.decade(-4, "B"));
        assertEquals("10k", Ticks.decade(4, "B"));
        assertEquals("1e−5", Ticks.decade(-5, "e"));
        assertEquals("100", Ticks.decade(2, "e"));
        assertEquals("⁻¹²³", Ticks.superscript(-123));
        assertEquals("⁴⁵⁶⁷⁸⁹⁰", Ticks.superscript(4567890));
    }
}
