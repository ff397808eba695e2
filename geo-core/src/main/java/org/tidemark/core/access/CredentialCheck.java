package org.tidemark.core.access;

/**
 * Whether the credential a request was authenticated with still holds — a sign-in token not yet revoked
 * by logout and not expired, an API key still configured. A request is checked once, at its start; a
 * long-lived stream (SSE, WebSocket) outlives that moment, so it asks again whenever it re-asks the
 * {@link AccessPolicy}, and ends when the answer is no. The security layer stores the check as a request
 * attribute named {@link #ATTRIBUTE}; requests without one (anonymous callers) hold for ever.
 */
@FunctionalInterface
public interface CredentialCheck {
    /** The request attribute under which the security layer stores the check. */
    String ATTRIBUTE = CredentialCheck.class.getName();

    /** For callers without a credential. */
    CredentialCheck ALWAYS = () -> true;

    boolean stillValid();
}
