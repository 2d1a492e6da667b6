package dev.closeloop.escalation.lifecycle;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;

/**
 * A legal move of an escalation.
 *
 * @param outcome only when {@code to} is RESOLVED
 */
public record Transition(EscalationStatus from, EscalationStatus to, Outcome outcome) {

    /** Moving on from OPEN takes the escalation up too, whatever the step: it records an acknowledgement. */
    public boolean acknowledges() {
        return from == EscalationStatus.OPEN;
    }
}
