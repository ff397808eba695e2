package org.tidemark.layers.governance;

import jakarta.servlet.http.HttpServletRequest;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;

/** Who is calling, and what that caller may do in governance. */
final class Callers {
    private Callers() {}

    static Principal of(HttpServletRequest request) {
        return request.getAttribute(Principal.class.getName()) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    static Principal signedIn(HttpServletRequest request) {
        Principal p = of(request);
        if (p.isAnonymous()) throw Problems.unauthenticated();
        return p;
    }

    /** A data steward of the layer's provider department, or an administrator. */
    static boolean stewardOf(Principal p, Layer layer) {
        return p.hasRole("admin") || (p.hasRole("steward") && layer.department() != null
                && layer.department().code().equals(p.department()));
    }

    /** Supervisors read the whole audit trail. */
    static boolean supervisor(Principal p) { return p.hasRole("admin") || p.hasRole("auditor"); }
}
