package org.tidemark.core.render;

/** A label candidate of the label pass: placed by descending priority, then in drawing order. */
sealed interface Label permits LabelCandidate, PathLabel {
    double priority();

    int order();
}
