package gd.notebook;

/**
 * What the library needs from a Jupyter kernel: renderers for its figures and banners, and one output that a
 * long loop replaces in place. One implementation per kernel family, each the only class that names that
 * kernel's API: {@link JJavaBridge} (JJava, {@code org.dflib.jjava}) and {@link IJavaBridge} (the original IJava,
 * {@code io.github.spencerpark}). {@link Kernel#bridge()} picks the running one.
 */
interface Bridge {
    /** Registers the renderers for Tablesaw figures and banners with the running kernel, once per kernel. */
    void install();

    /** Whether the kernel is executing a cell, so that output can be displayed. */
    boolean canDisplay();

    /** Shows a new output with the given id; {@link #update} replaces its content later. */
    void display(String displayId, String text, String html);

    /** Replaces the content of the output shown with {@link #display} under {@code displayId}. */
    void update(String displayId, String text, String html);
}
