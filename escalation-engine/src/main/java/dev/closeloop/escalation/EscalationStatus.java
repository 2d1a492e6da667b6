package dev.closeloop.escalation;

/**
 * Where an escalation stands, in the order it moves: forward only, possibly skipping steps, and
 * never out of {@link #RESOLVED}. The rules are in {@link dev.closeloop.escalation.lifecycle.Lifecycle}.
 */
public enum EscalationStatus {
    /** Raised; nobody has taken it up yet. */
    OPEN,
    /** Someone has taken it up. */
    ACKNOWLEDGED,
    /** Someone has been in touch with the customer. */
    CUSTOMER_CONTACTED,
    /** The loop is closed, with an {@link Outcome}. */
    RESOLVED
}
