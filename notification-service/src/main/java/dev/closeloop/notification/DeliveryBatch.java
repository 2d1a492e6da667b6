package dev.closeloop.notification;

/** Deliveries that are sent together, as one email, rather than each on its own. */
public enum DeliveryBatch {

    /** Held for the recipient's working hours; everything held for them goes out in one digest when they start. */
    DIGEST,

    /** Further alerts about one agent within a burst window; one grouped email when the window closes. */
    GROUP
}
