package dev.closeloop.escalation.lifecycle;

import java.util.stream.Collectors;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

/**
 * The escalation state machine: OPEN → ACKNOWLEDGED → CUSTOMER_CONTACTED → RESOLVED. Moves go
 * forward and may skip steps; nothing goes back, nothing leaves RESOLVED, and no step is taken
 * twice. Pure: the callers load, check versions and store.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** OPEN → ACKNOWLEDGED. */
    public static Transition acknowledge(EscalationStatus current) {
        if (current != EscalationStatus.OPEN) {
            throw illegal(current, current == EscalationStatus.ACKNOWLEDGED
                    ? "escalation is ACKNOWLEDGED already; it cannot be acknowledged twice"
                    : "escalation is " + current + "; it cannot be acknowledged");
        }
        return new Transition(current, EscalationStatus.ACKNOWLEDGED, null);
    }

    /** OPEN or ACKNOWLEDGED → CUSTOMER_CONTACTED. */
    public static Transition contactCustomer(EscalationStatus current) {
        if (current != EscalationStatus.OPEN && current != EscalationStatus.ACKNOWLEDGED) {
            throw illegal(current, current == EscalationStatus.CUSTOMER_CONTACTED
                    ? "escalation is CUSTOMER_CONTACTED already; the customer contact is recorded"
                    : "escalation is " + current + "; the customer contact cannot be recorded");
        }
        return new Transition(current, EscalationStatus.CUSTOMER_CONTACTED, null);
    }

    /**
     * Any status but RESOLVED → RESOLVED with an outcome that fits the type; RECOVERED and
     * NOT_RECOVERED only once the customer was contacted.
     *
     * @throws OutcomeNotAllowedException when the outcome is missing or does not fit the type (checked first:
     *                                    it is wrong whatever the status)
     * @throws IllegalTransitionException when the status does not allow it
     */
    public static Transition resolve(EscalationType type, EscalationStatus current, Outcome outcome) {
        if (outcome == null) {
            throw new OutcomeNotAllowedException("an outcome is required: " + allowed(type));
        }
        if (!outcome.fits(type)) {
            throw new OutcomeNotAllowedException(outcome + " does not fit a " + type + " escalation: "
                    + allowed(type));
        }
        if (current == EscalationStatus.RESOLVED) {
            throw illegal(current, "escalation is RESOLVED; it cannot be resolved again");
        }
        if (outcome.requiresContact() && current != EscalationStatus.CUSTOMER_CONTACTED) {
            throw illegal(current, "escalation is " + current + "; " + outcome + " needs the customer contact "
                    + "recorded first");
        }
        return new Transition(current, EscalationStatus.RESOLVED, outcome);
    }

    /** An escalation is handed to someone else only while it is not resolved. */
    public static void checkReassign(EscalationStatus current) {
        if (current == EscalationStatus.RESOLVED) {
            throw illegal(current, "escalation is RESOLVED; it cannot be reassigned");
        }
    }

    private static String allowed(EscalationType type) {
        return "a " + type + " escalation takes " + Outcome.of(type).stream().map(Outcome::name)
                .collect(Collectors.joining(", "));
    }

    private static IllegalTransitionException illegal(EscalationStatus current, String detail) {
        return new IllegalTransitionException(current, detail);
    }
}
