package org.tidemark.layers.governance;

import java.time.Clock;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.filter.Filter;

/**
 * Data-sharing governance endpoints: catalog, access requests, grants, audit. Expects the geo-core
 * ports {@link LayerCatalog}, {@link AccessPolicy}, {@link GrantStore}, {@link AuditLog}, and a row-filter
 * parser bean named {@code rowFilterParser} (CQL2 text → {@link Filter}).
 */
@Configuration(proxyBeanMethods = false)
public class GovernanceModule {
    @Bean
    CatalogController catalogController(LayerCatalog catalog, AccessPolicy policy, GrantStore grants) {
        return new CatalogController(catalog, policy, grants);
    }

    @Bean
    AccessRequestController accessRequestController(LayerCatalog catalog, GrantStore grants, AuditLog audit,
                                                     Function<String, Filter> rowFilterParser) {
        return new AccessRequestController(catalog, grants, audit, rowFilterParser, Clock.systemUTC());
    }

    @Bean
    AuditController auditController(AuditLog audit) { return new AuditController(audit); }
}
