package org.tidemark.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.tidemark.app.DemoApplicationTest;

/** The running app's connector really writes in 64 KB pieces (what the tile benchmarks measured). */
class TomcatSocketTuningIT extends DemoApplicationTest {
    @Autowired WebServerApplicationContext context;

    @Test
    void theConnectorWritesResponsesInSixtyFourKilobytePieces() throws Exception {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
        java.lang.reflect.Method endpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
        endpoint.setAccessible(true);
        AbstractEndpoint<?, ?> e = (AbstractEndpoint<?, ?>) endpoint.invoke(protocol);
        assertThat(e.getSocketProperties().getAppWriteBufSize()).isEqualTo(65_536);
    }
}
