package org.tidemark.layers.web;

import jakarta.servlet.http.HttpServletRequest;
import org.tidemark.core.access.Principal;

/**
 * The caller of a request: the app's security filter stores it as the request attribute named
 * {@code org.tidemark.core.access.Principal}; absent means {@link Principal#ANONYMOUS}.
 */
public final class Callers {
    private Callers() {}

    public static Principal of(HttpServletRequest request) {
        return request.getAttribute(Principal.class.getName()) instanceof Principal p ? p : Principal.ANONYMOUS;
    }
}
