/**
 * The bridge to Jupyter: {@link gd.notebook.Notebook#init()} for the first cell of every notebook,
 * the JJava extension that renders Tablesaw figures ({@link gd.notebook.FigureExtension}) and a
 * progress display for long loops ({@link gd.notebook.LiveOutput}). The only package that uses the
 * JJava kernel's API; everything here also works in plain JShell and in tests, without a kernel.
 */
package gd.notebook;
