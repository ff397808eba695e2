package org.tidemark.core.render;

import java.awt.Color;
import java.awt.Font;
import org.tidemark.core.style.Halo;

/** A label waiting for the label pass: text, look, anchor pixel and angle (radians, clockwise). */
record LabelCandidate(String text, Font font, Color color, Halo halo, double x, double y, double anchorX,
                      double anchorY, double dx, double dy, double angle, double priority, int order) implements Label {}
