package org.tidemark.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EffectiveConfigurationLoggerTest {
    @Test
    void secretsAreMasked() {
        assertThat(EffectiveConfigurationLogger.mask("tidemark.db.password", "hunter2")).isEqualTo("******");
        assertThat(EffectiveConfigurationLogger.mask("tidemark.security.token-secret", "abc")).isEqualTo("******");
        assertThat(EffectiveConfigurationLogger.mask("tidemark.db.url", "jdbc:postgresql://h/db?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=******&ssl=true");
        assertThat(EffectiveConfigurationLogger.maskUrl("tcp://user:pw@broker:1883")).isEqualTo("tcp://user:******@broker:1883");
        assertThat(EffectiveConfigurationLogger.mask("tidemark.demo.load", "true")).isEqualTo("true");
    }
}
