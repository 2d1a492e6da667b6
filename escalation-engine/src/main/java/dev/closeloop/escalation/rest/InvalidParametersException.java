package dev.closeloop.escalation.rest;

import java.util.List;

import dev.closeloop.platform.problem.Problem;

/** Query parameters that cannot be used; answered 400 with one entry per parameter. */
public class InvalidParametersException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidParametersException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid parameters");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
