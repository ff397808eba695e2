package org.tidemark.core.access;

import java.util.Set;

/**
 * Who is asking: a person or a system, the department it belongs to, and its roles.
 *
 * @param id         user or API-key id ({@code anonymous} for unauthenticated callers)
 * @param department the department code, or null for outside callers
 * @param roles      roles such as {@code steward}, {@code admin}
 */
public record Principal(String id, String department, Set<String> roles) {
    public static final Principal ANONYMOUS = new Principal("anonymous", null, Set.of());

    public Principal { roles = roles == null ? Set.of() : Set.copyOf(roles); }

    public boolean isAnonymous() { return "anonymous".equals(id); }

    public boolean hasRole(String role) { return roles.contains(role); }
}
