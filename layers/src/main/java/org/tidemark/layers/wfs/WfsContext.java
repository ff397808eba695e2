package org.tidemark.layers.wfs;

import org.tidemark.core.access.Principal;
import org.tidemark.layers.web.FeatureServiceSettings;

/** Per-request facts the WFS writers need. */
record WfsContext(FeatureServiceSettings settings, String baseUrl, Principal principal) {}
