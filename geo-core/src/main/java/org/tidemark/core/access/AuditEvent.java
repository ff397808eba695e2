package org.tidemark.core.access;

import java.time.Instant;

/**
 * One audited action: a service request or a governance decision. Entries are append-only and
 * hash-chained ({@code hash = SHA-256(previousHash + canonical fields)}), so that any modification or
 * deletion of an entry is detectable by {@link AuditLog#verify()}.
 *
 * @param seq        position in the chain (assigned by the log)
 * @param time       when
 * @param principal  who (user or key id)
 * @param department the caller's department
 * @param action     e.g. {@code WFS GetFeature}, {@code GRANT approve}
 * @param resource   the layer or object acted on
 * @param detail     bbox / filter / parameters (truncated)
 * @param count      features or tiles returned, -1 when not applicable
 * @param outcome    HTTP status or decision outcome
 * @param hash       this entry's chain hash (assigned by the log)
 */
public record AuditEvent(long seq, Instant time, String principal, String department, String action, String resource,
                         String detail, long count, String outcome, String hash) {
    public static AuditEvent of(Instant time, Principal p, String action, String resource, String detail, long count,
                                String outcome) {
        return new AuditEvent(0, time, p.id(), p.department(), action, resource, detail, count, outcome, null);
    }

    /** The text that is hashed: every field except seq/hash, unambiguously delimited. */
    public String canonical() {
        return String.join("\u001f", time.toString(), s(principal), s(department), s(action), s(resource), s(detail),
                Long.toString(count), s(outcome));
    }

    private static String s(String v) { return v == null ? "" : v; }
}
