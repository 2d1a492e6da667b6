package dev.closeloop.escalation.service;

/** A field of a request body that the service cannot accept, for reasons only it knows; answered 400 naming it. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
