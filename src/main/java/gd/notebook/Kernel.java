package gd.notebook;

/**
 * Finds out, without touching JJava's classes, whether this code runs inside a JJava kernel.
 *
 * <p>Outside a kernel (plain JShell, Maven tests, a main method) the JJava classes may be missing
 * altogether; {@link KernelBridge}, which names them, is loaded only after this check passed, so no
 * {@code NoClassDefFoundError} can occur.
 */
final class Kernel {
    private static final String BASE_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";

    private Kernel() {
    }

    /** Whether a JJava kernel is running in this JVM. */
    static boolean active() {
        try {
            Class.forName(BASE_KERNEL, false, Kernel.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return KernelBridge.running();
    }

    /** Whether a JJava kernel is running and a cell is executing, so that output can be displayed. */
    static boolean canDisplay() {
        return active() && KernelBridge.attached();
    }
}
