package dev.closeloop.escalation.directory;

/** How an acknowledge-within time counts. */
public enum SlaClock {
    /** Every minute counts, night and weekend alike. */
    WALL_CLOCK,
    /** Only the business hours of the recipients' site count, skipping nights, weekends and holidays. */
    BUSINESS_HOURS
}
