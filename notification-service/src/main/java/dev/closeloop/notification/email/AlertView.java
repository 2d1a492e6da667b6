package dev.closeloop.notification.email;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Survey;

/**
 * Everything an alert email shows, already worded and formatted for its recipient (times in their zone),
 * so that the HTML and text templates only lay it out. Built from the AlertReady alone.
 *
 * @param headline  the types raised and the customer, e.g. "Poor score + Negative feedback — Dana Smith"
 * @param urgent    whether any type raised is negative (the email is coloured accordingly)
 * @param timeZone  the zone every time in the email is shown in
 * @param comment   the customer's comment, or null when they left none
 * @param recording the recording link, or null when the call has no recording
 */
public record AlertView(String subject, String headline, boolean urgent, String recipientName, String surveyId,
        int level, List<Escalation> escalations, Customer customer, Agent agent, Call call, List<Score> scores,
        String comment, CsrNote csr, Recording recording, String timeZone) {

    /** Shown where the survey left a field empty. */
    public static final String NOT_GIVEN = "—";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
            Locale.ENGLISH);
    private static final int MAX_SUBJECT_PART = 80;
    private static final ZoneId UTC = ZoneId.of("UTC");

    /**
     * One escalation type raised for the survey, with why.
     *
     * @param acknowledgeUrl the recipient's one-tap acknowledge link, or null when there is none (or it is not
     *                       http(s): never linked, not worth showing)
     */
    public record Escalation(String label, boolean negative, List<String> reasons, String acknowledgeUrl) {
    }

    public record Customer(String name, String reference, String phone, String email) {
    }

    public record Agent(String name, String id, String team, String site) {
    }

    /** @param startedAt when the call started, in the recipient's zone */
    public record Call(String callId, String queue, String startedAt, String duration, String surveyCompletedAt) {
    }

    /** @param one whether the customer gave the lowest score: the email marks these */
    public record Score(String questionId, String question, int score, boolean one) {
    }

    /** What the CSR noted at the end of the call; each part null when absent. */
    public record CsrNote(String attentionReason, String leadType, String leadNote) {

        public boolean present() {
            return attentionReason != null || leadType != null;
        }
    }

    /**
     * @param linkable false when the URL is not http(s): it is then shown as text, never as a link
     * @param expiresAt when the link stops working, in the recipient's zone, or null when unknown
     */
    public record Recording(String url, boolean linkable, String expiresAt) {
    }

    /** Whether any escalation carries an acknowledge link: the email then says what the button does. */
    public boolean acknowledgeable() {
        return escalations.stream().anyMatch(e -> e.acknowledgeUrl() != null);
    }

    public static AlertView of(AlertReady alert) {
        Survey survey = alert.survey();
        ZoneId zone = zoneOf(alert.recipient().timeZone());
        List<Escalation> escalations = alert.escalations().stream()
                .sorted(Comparator.comparing((RaisedEscalation e) -> e.type().polarity()))
                .map(e -> new Escalation(e.type().label(), e.type().polarity() == EscalationType.Polarity.NEGATIVE,
                        e.reasons(), httpOrNull(alert.recipient().acknowledgeUrls().get(e.escalationId()))))
                .toList();
        boolean urgent = escalations.stream().anyMatch(Escalation::negative);
        String types = escalations.stream().map(Escalation::label).distinct().collect(Collectors.joining(" + "));
        Survey.Customer customer = survey.customer();
        Survey.Agent agent = survey.agent();
        String customerName = orNotGiven(customer == null ? null : customer.name());
        String team = agent == null ? null : agent.team();
        String subject = "[Closeloop] " + oneLine(types.isEmpty() ? "Alert" : types) + " — " + oneLine(customerName)
                + (team == null || team.isBlank() ? "" : " (" + oneLine(team) + ")");
        return new AlertView(
                subject,
                (types.isEmpty() ? "Alert" : types) + " — " + customerName,
                urgent,
                orNotGiven(alert.recipient().name()),
                survey.surveyId(),
                alert.level(),
                escalations,
                customer == null ? new Customer(NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN)
                        : new Customer(customerName, orNotGiven(customer.reference()), orNotGiven(customer.phone()),
                                orNotGiven(customer.email())),
                agent == null ? new Agent(NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN)
                        : new Agent(orNotGiven(agent.name()), orNotGiven(agent.id()), orNotGiven(agent.team()),
                                orNotGiven(agent.site())),
                callOf(survey, zone),
                survey.answers().stream()
                        .map(a -> new Score(a.questionId(), a.question(), a.score(), a.score() == 1))
                        .toList(),
                blankToNull(survey.comment()),
                csrNoteOf(survey.csr()),
                recordingOf(alert, zone),
                zone.getId());
    }

    /** The recipient's zone; UTC when the directory holds no valid IANA zone (the email then says UTC). */
    static ZoneId zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? NOT_GIVEN : TIME.format(instant.atZone(zone));
    }

    private static Call callOf(Survey survey, ZoneId zone) {
        Survey.Call call = survey.call();
        String completed = format(survey.completedAt(), zone);
        if (call == null) {
            return new Call(NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, completed);
        }
        return new Call(orNotGiven(call.callId()), orNotGiven(call.queue()), format(call.startedAt(), zone),
                durationOf(call.durationSeconds()), completed);
    }

    private static String durationOf(Integer seconds) {
        if (seconds == null || seconds < 0) {
            return NOT_GIVEN;
        }
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    private static CsrNote csrNoteOf(Survey.CsrFlags csr) {
        if (csr == null) {
            return new CsrNote(null, null, null);
        }
        String attention = csr.needsAttention() ? orElse(blankToNull(csr.attentionReason()), "(no reason given)")
                : null;
        String leadType = csr.lead() ? orElse(blankToNull(csr.leadType()), "OTHER") : null;
        String leadNote = csr.lead() ? orElse(blankToNull(csr.leadNote()), "(no note)") : null;
        return new CsrNote(attention, leadType, leadNote);
    }

    private static Recording recordingOf(AlertReady alert, ZoneId zone) {
        String url = blankToNull(alert.recordingUrl());
        if (url == null) {
            return null;
        }
        return new Recording(url, isHttp(url),
                alert.recordingUrlExpiresAt() == null ? null : format(alert.recordingUrlExpiresAt(), zone));
    }

    /** Only http(s) URLs become links: a javascript: or data: URL in a message must never be clickable. */
    private static boolean isHttp(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String httpOrNull(String url) {
        return url != null && isHttp(url) ? url.strip() : null;
    }

    /** Header-safe: no line breaks or control characters (no header injection), bounded length. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SUBJECT_PART ? flat : flat.substring(0, MAX_SUBJECT_PART - 1) + "…";
    }

    private static String orNotGiven(String value) {
        return orElse(blankToNull(value), NOT_GIVEN);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
