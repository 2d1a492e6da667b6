package dev.closeloop.escalation.service;

import java.util.List;

import dev.closeloop.escalation.directory.Violation;

/** A directory change would leave the directory invalid; nothing was stored. Answered 400 naming every problem. */
public class InvalidDirectoryException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDirectoryException(List<Violation> violations) {
        super(violations.size() + " problem(s) in the directory");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
