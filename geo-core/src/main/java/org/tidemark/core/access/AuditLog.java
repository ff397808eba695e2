package org.tidemark.core.access;

import java.time.Instant;
import java.util.List;

/** The append-only, hash-chained audit trail (electronic supervision). */
public interface AuditLog {
    /** Appends an event; the log assigns sequence and hash. */
    void append(AuditEvent event);

    /** Appends several events in order (implementations make this one transaction). */
    default void appendAll(List<AuditEvent> events) { events.forEach(this::append); }

    /** Queries newest first; null arguments do not restrict. */
    List<AuditEvent> query(String principal, String department, String resource, Instant from, Instant to, int offset, int limit);

    /** Re-computes the chain; returns the first broken sequence number, or -1 when intact. */
    long verify();
}
