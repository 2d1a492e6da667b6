package dev.closeloop.escalation.lifecycle;

/** An outcome that does not fit the escalation's type, or no outcome at all: bad input, answered 400. */
public class OutcomeNotAllowedException extends RuntimeException {

    public OutcomeNotAllowedException(String detail) {
        super(detail);
    }
}
