package org.tidemark.layers.ogcapi;

import org.springframework.context.annotation.Configuration;

/** OGC API – Features beans. */
@Configuration(proxyBeanMethods = false)
public class OgcApiModule {
}
