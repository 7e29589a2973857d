/**
 * Rendering of Tablesaw figures: Plotly JSON ({@link gd.render.PlotlyJson}), a static SVG preview
 * ({@link gd.render.SvgPreview}), the notebook HTML that combines both ({@link gd.render.FigureHtml})
 * and the bundled plotly.js ({@link gd.render.PlotlyJs}). Nothing here loads from the network.
 */
package gd.render;
