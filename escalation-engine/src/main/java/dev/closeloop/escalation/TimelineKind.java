package dev.closeloop.escalation;

/** What a timeline entry records. */
public enum TimelineKind {
    /** The escalation was raised from a survey and routed to its recipients. */
    RAISED,
    /** A channel accepted an alert about the escalation for a recipient. */
    NOTIFIED,
    /** An alert about the escalation could not be delivered to a recipient, retries exhausted. */
    NOTIFICATION_FAILED,
    /** Someone took the escalation up. */
    ACKNOWLEDGED,
    /** Someone was in touch with the customer. */
    CUSTOMER_CONTACTED,
    /** The escalation was closed; the detail names the outcome. */
    RESOLVED,
    /** Someone wrote a note on it. */
    NOTE_ADDED,
    /** It was handed to another person; the detail names them. */
    REASSIGNED,
    /** Nobody acknowledged within the level's time: the next level was alerted; the detail names them. */
    ESCALATED,
    /**
     * A recipient used the recording link of an alert about it: opened the page, played the recording, or was
     * refused because the link had expired or been revoked. The detail says which.
     */
    RECORDING_ACCESSED,
    /**
     * An admin revoked every recording link of the escalation (alert and console links alike): they answer 410 from
     * then on. The actor is the admin; the detail says how many links were revoked. Links minted later work.
     */
    RECORDING_LINKS_REVOKED
}
