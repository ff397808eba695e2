package org.tidemark.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.Principal;

/** Sign-in for the viewer: {@code POST /api/auth/login} returns a bearer token; {@code /api/auth/me} echoes the caller. */
@RestController
class AuthController {
    record Login(String user, String password) {}

    private final Authenticator authenticator;
    private final LoginThrottle throttle;

    AuthController(Authenticator authenticator, LoginThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    @PostMapping("/api/auth/login")
    ResponseEntity<?> login(@RequestBody Login login, HttpServletRequest request) {
        String client = request.getRemoteAddr() + "|" + login.user();
        if (!throttle.allow(client)) {
            return ResponseEntity.status(429).header("Retry-After", "60").body(problem(429, "Too many failed sign-ins; try again later."));
        }
        return authenticator.password(login.user(), login.password())
                .<ResponseEntity<?>>map(p -> {
                    throttle.success(client);
                    return ResponseEntity.ok(Map.of("token", authenticator.tokens().issue(p), "user", describe(p)));
                })
                .orElseGet(() -> {
                    throttle.failure(client);
                    return ResponseEntity.status(401).body(problem(401, "Unknown user or wrong password."));
                });
    }

    @PostMapping("/api/auth/logout")
    ResponseEntity<?> logout(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) authenticator.tokens().revoke(auth.substring(7).trim());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/auth/me")
    Map<String, Object> me(HttpServletRequest request) { return describe(PrincipalFilter.of(request)); }

    private static Map<String, Object> describe(Principal p) {
        return Map.of("id", p.id(), "department", p.department() == null ? "" : p.department(),
                "roles", p.roles(), "anonymous", p.isAnonymous());
    }

    private static Map<String, Object> problem(int status, String detail) {
        return Map.of("type", "about:blank", "title", status == 401 ? "Unauthorized" : "Too Many Requests",
                "status", status, "detail", detail);
    }
}
