package org.tidemark.sensors.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Mounts {@link LiveSocketHandler} at {@code /api/live/ws}. Browsers' cross-origin WebSocket requests are
 * refused (Spring's default same-origin check), so a page elsewhere cannot ride on a signed-in user's cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class LiveSocketConfiguration implements WebSocketConfigurer {
    public static final String PATH = "/api/live/ws";
    private final LiveSocketHandler handler;

    public LiveSocketConfiguration(LiveSocketHandler handler) { this.handler = handler; }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(handler);
    }
}
