package gd.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link Format#repr} loses nothing: the text parses back to the same double. */
class FormatProperties {
    @Property(tries = 2000, seed = "20261124")
    void reprRoundTrips(@ForAll double x) {
        assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(Double.parseDouble(Format.repr(x))),
                Format.repr(x));
    }
}
