package dev.closeloop.escalation.lifecycle;

import dev.closeloop.escalation.EscalationStatus;

/** The escalation's status does not allow the move; answered 409 with the current status. */
public class IllegalTransitionException extends RuntimeException {

    private final EscalationStatus currentStatus;

    public IllegalTransitionException(EscalationStatus currentStatus, String detail) {
        super(detail);
        this.currentStatus = currentStatus;
    }

    public EscalationStatus currentStatus() {
        return currentStatus;
    }
}
