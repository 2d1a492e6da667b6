package dev.closeloop.escalation.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.actions.ActionLink;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

/**
 * What the page of an action link shows, worded for its recipient with times in their zone. {@code state}
 * is {@code open} (the acknowledge form), {@code acknowledged}, {@code expired} or {@code missing}. Every
 * text is escaped by the template.
 *
 * @param notice   what happened, e.g. "Acknowledged by you at …"; null while open
 * @param justNow  whether the notice is the news that the recipient's own tap acknowledged it
 * @param movedOn  where the escalation went since it was acknowledged, or null
 * @param form     the relative URL the form posts to (the link itself), null when there is no form
 * @param nonce    lets the page's one script run under its Content-Security-Policy
 */
public record ActionLinkPage(String state, String headline, boolean negative, List<String> reasons, String status,
        String surveyId, String raisedAt, String customer, String customerReference, String customerPhone,
        String agent, String team, String site, String recipientEmail, String notice, boolean justNow, String movedOn,
        String form,
        boolean autoSubmit, String nonce, String timeZone) {

    private static final String NOT_GIVEN = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
            Locale.ENGLISH);

    public boolean isOpen() {
        return "open".equals(state);
    }

    public boolean isAcknowledged() {
        return "acknowledged".equals(state);
    }

    public boolean isExpired() {
        return "expired".equals(state);
    }

    /**
     * The escalation as its recipient sees it through the link.
     *
     * @param justAcknowledged whether the request before this one (the form's POST) acknowledged it
     */
    static ActionLinkPage of(Escalation e, ActionLink link, boolean justAcknowledged, String token,
            boolean autoSubmit, String nonce) {
        ZoneId zone = zoneOf(e, link);
        Survey survey = JsonColumns.survey(e.survey);
        Survey.Customer customer = survey.customer();
        boolean open = e.status == EscalationStatus.OPEN;
        boolean byRecipient = link.email().equalsIgnoreCase(e.acknowledgedBy);
        boolean justNow = !open && justAcknowledged && byRecipient;
        String notice = null;
        if (!open) {
            String when = format(e.acknowledgedAt, zone);
            notice = justNow ? "Acknowledged by you at " + when + "."
                    : "Already acknowledged by " + (byRecipient ? "you (" + e.acknowledgedBy + ")" : e.acknowledgedBy)
                            + " at " + when + ".";
        }
        return new ActionLinkPage(open ? "open" : "acknowledged",
                e.type.label() + " — " + orNotGiven(e.customerName),
                e.type.polarity() == EscalationType.Polarity.NEGATIVE,
                e.reasons,
                statusOf(e),
                e.surveyId,
                format(e.raisedAt, zone),
                orNotGiven(e.customerName),
                orNotGiven(customer == null ? null : customer.reference()),
                orNotGiven(customer == null ? null : customer.phone()),
                e.agentName == null ? NOT_GIVEN : e.agentName + (e.agentId == null ? "" : " (" + e.agentId + ")"),
                orNotGiven(e.team),
                orNotGiven(e.site),
                link.email(),
                notice,
                justNow,
                movedOn(e, zone),
                open ? token : null,
                autoSubmit,
                nonce,
                zone.getId());
    }

    static ActionLinkPage expired(ActionLink link, String nonce) {
        return message("expired", nonce, format(link.expiresAt(), ZoneOffset.UTC));
    }

    static ActionLinkPage missing(String nonce) {
        return message("missing", nonce, null);
    }

    private static ActionLinkPage message(String state, String nonce, String notice) {
        return new ActionLinkPage(state, null, false, List.of(), null, null, null, null, null, null, null, null, null,
                null, notice, false, null, null, false, nonce, null);
    }

    private static String statusOf(Escalation e) {
        return switch (e.status) {
            case OPEN -> "Open";
            case ACKNOWLEDGED -> "Acknowledged";
            case CUSTOMER_CONTACTED -> "Customer contacted";
            case RESOLVED -> e.outcome == null ? "Resolved" : "Resolved (" + e.outcome + ")";
        };
    }

    private static String movedOn(Escalation e, ZoneId zone) {
        if (e.status == EscalationStatus.RESOLVED) {
            return "It has since been resolved" + (e.outcome == null ? "" : " as " + e.outcome)
                    + (e.resolvedBy == null ? "" : " by " + e.resolvedBy) + " at " + format(e.resolvedAt, zone) + ".";
        }
        if (e.status == EscalationStatus.CUSTOMER_CONTACTED) {
            return "The customer has since been contacted, at " + format(e.customerContactedAt, zone) + ".";
        }
        return null;
    }

    /** The zone of the recipient the link was made for, as the escalation recorded them; UTC when unknown. */
    private static ZoneId zoneOf(Escalation e, ActionLink link) {
        return e.recipients.stream().filter(r -> isRecipient(r, link)).map(NotifiedContact::timeZone)
                .filter(zone -> zone != null && !zone.isBlank()).findFirst().map(zone -> {
                    try {
                        return ZoneId.of(zone);
                    } catch (DateTimeException ex) {
                        return (ZoneId) ZoneOffset.UTC;
                    }
                }).orElse(ZoneOffset.UTC);
    }

    /** Whether the link was made for one of the people the escalation was routed to. */
    static boolean isRecipient(Escalation e, ActionLink link) {
        return e.recipients.stream().anyMatch(r -> isRecipient(r, link));
    }

    private static boolean isRecipient(NotifiedContact contact, ActionLink link) {
        return link.email().equalsIgnoreCase(contact.email())
                && (link.managerId() == null || link.managerId().equals(contact.managerId()));
    }

    private static String format(Instant at, ZoneId zone) {
        return at == null ? NOT_GIVEN : TIME.format(at.atZone(zone));
    }

    private static String orNotGiven(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }
}
