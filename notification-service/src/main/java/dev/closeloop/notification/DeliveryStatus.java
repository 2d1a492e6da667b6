package dev.closeloop.notification;

/** Where a delivery stands. PENDING until the channel accepted it (SENT) or attempts ran out (FAILED). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
