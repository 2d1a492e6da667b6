package dev.closeloop.escalation.service;

/**
 * A survey of a tenant the directory does not know: nobody could be told, so the message must not be
 * acknowledged. It is retried, then parked on the dead-letter address until the directory is fixed.
 */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String tenant, String surveyId) {
        super("tenant " + tenant + " is not in the directory (surveyId=" + surveyId + ")");
    }
}
