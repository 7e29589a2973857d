package gd.notebook;

/**
 * Finds out which Jupyter kernel runs this code, without touching any kernel's classes before knowing they are
 * there: JJava ({@code org.dflib.jjava}), the original IJava ({@code io.github.spencerpark.ijava}), or none
 * (plain JShell, Maven tests, a main method). A bridge class, which names its kernel's API, is loaded only after
 * the probe found that kernel's classes, so no {@code NoClassDefFoundError} can occur.
 */
final class Kernel {
    private static final String JJAVA = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";

    private Kernel() {
    }

    /** The bridge to the running kernel, or null when no kernel runs in this JVM. */
    static Bridge bridge() {
        if (present(JJAVA) && JJavaBridge.running()) {
            return JJavaBridge.INSTANCE;
        }
        if (present(IJAVA) && IJavaBridge.running()) {
            return IJavaBridge.INSTANCE;
        }
        return null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Kernel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
