/**
 * Rendering of Tablesaw figures: Plotly JSON ({@link gd.plot.PlotlyJson}), a static SVG preview
 * ({@link gd.plot.SvgPreview}), the notebook HTML that combines both ({@link gd.plot.FigureHtml})
 * and the bundled plotly.js ({@link gd.plot.PlotlyJs}). Nothing here loads from the network.
 */
package gd.plot;
