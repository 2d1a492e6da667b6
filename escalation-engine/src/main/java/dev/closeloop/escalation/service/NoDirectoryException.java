package dev.closeloop.escalation.service;

/** The tenant has no directory yet: nothing to route by, nothing to change. */
public class NoDirectoryException extends RuntimeException {

    public NoDirectoryException(String tenant) {
        super("tenant '" + tenant + "' has no directory yet; import one with PUT /api/v1/admin/directory");
    }
}
