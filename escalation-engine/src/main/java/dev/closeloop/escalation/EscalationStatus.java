package dev.closeloop.escalation;

/**
 * Where an escalation stands. Only OPEN exists yet: acknowledging and resolving arrive with the
 * manager console, and add their states here.
 */
public enum EscalationStatus {
    /** Raised; the loop with the customer is not closed yet. */
    OPEN
}
