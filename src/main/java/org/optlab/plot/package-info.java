/**
 * Pictures of runs as SVG: contour plots of a 2-D objective with optimizer paths, loss curves, and
 * sweep heatmaps. Everything here is deterministic (the same input gives the same bytes: no ids
 * drawn at random, no timestamps, numbers written with fixed rounding) and framework-free; the web
 * layer feeds it plain records. Contour lines come from {@link org.optlab.plot.MarchingSquares},
 * written here; XML escaping and well-formedness from the JDK's StAX writer.
 */
package org.optlab.plot;
