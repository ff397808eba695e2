package org.tidemark.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes Tomcat's per-connection socket write buffer for tiles. Tomcat writes a response body in pieces of
 * that buffer's size, one system call each (8 KB by default); the demo's cached basemap PNGs are 1–70 KB
 * (median 20 KB), so the default costs three writes or more where nginx's sendfile costs one. 64 KB sends
 * nearly every tile in one write: cached PNG tiles went from 34k to 49–70k requests/s in an A/B run on the
 * same machine (README, Performance). The buffer is held per open connection, so a thousand idle
 * keep-alive connections hold 64 MB; set {@code tidemark.http.socket-write-buffer} lower on a small heap.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatSocketTuning {

    @Bean
    TomcatConnectorCustomizer tidemarkSocketWriteBuffer(
            @Value("${tidemark.http.socket-write-buffer:65536}") int bytes) {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
    }
}
