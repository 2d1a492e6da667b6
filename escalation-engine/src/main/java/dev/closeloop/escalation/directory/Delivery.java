package dev.closeloop.escalation.directory;

import java.util.Set;

import dev.closeloop.events.EscalationType;

/** When a rule's alerts may reach a manager. */
public enum Delivery {
    /** Day and night, as soon as it is raised: the default for negative feedback and poor scores. */
    AT_ONCE,
    /**
     * In the manager's working hours: raised outside them, it is held and arrives in one digest when they start.
     * The default for praise (ALL_FIVES) and leads; a rule for urgent leads says AT_ONCE.
     */
    WORKING_HOURS;

    private static final Set<EscalationType> CAN_WAIT = Set.of(EscalationType.ALL_FIVES, EscalationType.LEAD);

    /** What applies when a rule does not say. */
    public static Delivery defaultFor(EscalationType type) {
        return CAN_WAIT.contains(type) ? WORKING_HOURS : AT_ONCE;
    }
}
