package dev.closeloop.escalation.service;

import dev.closeloop.escalation.EscalationStatus;

/**
 * The caller's If-Match names a version that is no longer current: someone changed the escalation
 * since the caller read it. Answered 412 with the current version and status.
 */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;
    private final EscalationStatus currentStatus;

    public StaleVersionException(long currentVersion, EscalationStatus currentStatus) {
        super("the escalation has changed since it was read; it is now at version " + currentVersion
                + " and " + currentStatus);
        this.currentVersion = currentVersion;
        this.currentStatus = currentStatus;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public EscalationStatus currentStatus() {
        return currentStatus;
    }
}
