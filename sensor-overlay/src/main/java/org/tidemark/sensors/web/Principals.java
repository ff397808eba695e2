package org.tidemark.sensors.web;

import jakarta.servlet.http.HttpServletRequest;
import org.tidemark.core.access.CredentialCheck;
import org.tidemark.core.access.Principal;

/** The caller as the app's security filter stored it (absent means anonymous). */
final class Principals {
    private Principals() {}

    static Principal of(HttpServletRequest request) {
        return request.getAttribute(Principal.class.getName()) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    /** How a stream asks whether the caller's credential still holds (always, when none was stored). */
    static CredentialCheck credential(HttpServletRequest request) {
        return request.getAttribute(CredentialCheck.ATTRIBUTE) instanceof CredentialCheck c ? c : CredentialCheck.ALWAYS;
    }
}
