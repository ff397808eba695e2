package org.tidemark.app.config;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * Logs the effective {@code tidemark.*} configuration once the application is ready, with secrets
 * (passwords, keys, tokens, secrets) masked — so an operator sees what actually runs (STYLE.md §8).
 */
@Component
class EffectiveConfigurationLogger {
    private static final Logger LOG = LoggerFactory.getLogger(EffectiveConfigurationLogger.class);
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|key|token|credential).*");

    private final ConfigurableEnvironment environment;
    private final TidemarkProperties properties;

    EffectiveConfigurationLogger(ConfigurableEnvironment environment, TidemarkProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void log() {
        Map<String, String> explicit = new TreeMap<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e) {
                for (String name : e.getPropertyNames()) {
                    if (name.startsWith("tidemark.") && !explicit.containsKey(name)) {
                        explicit.put(name, mask(name, String.valueOf(environment.getProperty(name))));
                    }
                }
            }
        }
        LOG.info("Tidemark effective configuration: dataDir={}, store={}, demo.load={}, demo.feed={}, mqtt={}, "
                        + "baseUrl={}, schemaBaseUrl={}, users={}, apiKeys={}; explicitly set: {}",
                properties.dataDir().toAbsolutePath(),
                properties.db().embedded() ? "embedded H2GIS" : maskUrl(properties.db().url()),
                properties.demo().load(), properties.demo().feed(),
                properties.mqtt().enabled() ? properties.mqtt().url() + " " + properties.mqtt().topic() : "off",
                properties.service().baseUrl() == null ? "(from request)" : properties.service().baseUrl(),
                properties.service().schemaBaseUrl(),
                properties.security().users().size(), properties.security().apiKeys().size(), explicit);
    }

    static String mask(String name, String value) {
        if (SECRET.matcher(name).matches()) return "******";
        if (name.endsWith(".url")) return maskUrl(value);
        return value;
    }

    /** Hides a password embedded in a JDBC URL ({@code password=...}) or in user-info. */
    static String maskUrl(String url) {
        if (url == null) return null;
        return url.replaceAll("(?i)(password=)[^&;]*", "$1******").replaceAll("//([^:/@]+):[^@/]*@", "//$1:******@");
    }
}
