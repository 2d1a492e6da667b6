package dev.closeloop.events;

/** AMQP addresses. Each address has exactly one consuming service; its replicas compete. */
public final class Channels {

    /** survey-intake → escalation-engine: one message per accepted survey. */
    public static final String SURVEYS_SUBMITTED = "surveys.submitted";
    /** escalation-engine → recording-service: one message per survey that raised escalations. */
    public static final String ESCALATIONS_RAISED = "escalations.raised";
    /** recording-service → notification-service: one message per (survey, recipient, level). */
    public static final String ALERTS_READY = "alerts.ready";
    /** notification-service → escalation-engine: one message per delivery attempt outcome. */
    public static final String ALERTS_DELIVERED = "alerts.delivered";
    /** recording-service → escalation-engine: a recording link was used (at most one per link, kind and burst). */
    public static final String RECORDINGS_ACCESSED = "recordings.accessed";
    /** escalation-engine → notification-service: a manager's browser subscribed to push alerts, or unsubscribed. */
    public static final String PUSH_SUBSCRIPTIONS = "push.subscriptions";

    private Channels() {
    }
}
