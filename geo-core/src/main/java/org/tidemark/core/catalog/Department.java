package org.tidemark.core.catalog;

import org.tidemark.core.feature.LocalizedText;

/** A provider department (planning bureau, water resources bureau, police, ocean and fisheries...). */
public record Department(String code, LocalizedText name) {}
