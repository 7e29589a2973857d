package gd.optim;

import gd.matrix.Repr;
/** Argument checks shared by the optimizers; each returns the value it accepted. */
final class Check {
    private Check() {
    }

    /** x ≥ 0 (NaN is refused). */
    static double nonNegative(String name, double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + Repr.of(x));
        }
        return x;
    }

    /** 0 ≤ x &lt; 1, as torch requires of β₁ and β₂. */
    static double inUnitInterval(String name, double x) {
        if (!(x >= 0 && x < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + Repr.of(x));
        }
        return x;
    }

    /** 0 ≤ x ≤ 1. */
    static double inClosedUnitInterval(String name, double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + Repr.of(x));
        }
        return x;
    }
}
