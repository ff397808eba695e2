package org.tidemark.core.render;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.tidemark.core.style.Halo;
import org.tidemark.core.style.LabelPlacement;

/**
 * A label waiting for the label pass that follows a line (SE 1.1 §11.4.4 LinePlacement): the text and its
 * look, the line in image pixels (one {@code {x0, y0, x1, y1, …}} array per part) and the placement.
 */
record PathLabel(String text, Font font, Color color, Halo halo, List<double[]> parts, LabelPlacement placement,
                 double priority, int order) implements Label {}
