package org.tidemark.layers.processes;

import java.time.Instant;

/**
 * An asynchronous execution (OGC API – Processes 1.0, §7.12 statusInfo). Immutable: every state
 * change replaces the record in the {@link JobRegistry}.
 *
 * @param owner the principal id that started it (only the owner sees it)
 */
record Job(String id, String processId, String owner, Status status, String message, Instant created, Instant started,
           Instant finished, Object result) {
    enum Status { accepted, running, successful, failed, dismissed }

    Job with(Status s, String msg, Instant when, Object res) {
        return new Job(id, processId, owner, s, msg, created, s == Status.running ? when : started,
                s == Status.successful || s == Status.failed || s == Status.dismissed ? when : finished, res);
    }
}
