package gd.train;

import java.util.function.Supplier;

/** The registered factory of {@link ProgressDisplay#automatic()}: none until an environment registers one. */
final class DefaultDisplay {
    static volatile Supplier<ProgressDisplay> factory = () -> null;

    private DefaultDisplay() {
    }
}
