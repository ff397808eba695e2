package org.tidemark.app.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.tidemark.app.config.TidemarkProperties;

/** Authentication wiring: users and API keys from {@code tidemark.security}, the principal filter first in the chain. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    @Bean
    TokenService tokenService(TidemarkProperties properties) {
        return new TokenService(properties.security().tokenSecret(), Clock.systemUTC(), Duration.ofHours(8));
    }

    @Bean
    Authenticator authenticator(TidemarkProperties properties, TokenService tokens) {
        return new Authenticator(properties.security(), tokens);
    }

    @Bean
    LoginThrottle loginThrottle() { return new LoginThrottle(Clock.systemUTC()); }

    @Bean
    FilterRegistrationBean<WriteAuthorizationFilter> writeAuthorizationFilter() {
        var registration = new FilterRegistrationBean<>(new WriteAuthorizationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15); // after the principal filter
        registration.addUrlPatterns("/api/sensors/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<PrincipalFilter> principalFilter(Authenticator authenticator) {
        var registration = new FilterRegistrationBean<>(new PrincipalFilter(authenticator));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
