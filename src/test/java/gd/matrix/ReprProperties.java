package gd.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link Repr#of} loses nothing: the text parses back to the same double. */
class ReprProperties {
    @Property(tries = 2000, seed = "20261124")
    void roundTrips(@ForAll double x) {
        assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(Double.parseDouble(Repr.of(x))), Repr.of(x));
    }
}
