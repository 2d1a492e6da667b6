package dev.closeloop.escalation.console;

import java.util.List;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.events.Survey;

/**
 * Everything the escalation page shows: the escalation, the survey behind it, the timeline, the recording, and
 * which lifecycle actions its status allows (the lifecycle service still decides; this only spares a manager
 * buttons that cannot work).
 */
public record EscalationSheet(EscalationRow row, long version, String outcome, List<String> reasons,
        Contact customer, Call call, List<Score> scores, String comment, String attentionReason, String leadType,
        String leadNote, String acknowledged, String contacted, String resolved, List<Step> timeline,
        boolean canAcknowledge, boolean canContact, boolean canResolve, List<Choice> outcomes,
        List<Choice> reassignTo, Recording recording) {

    public record Contact(String name, String reference, String phone, String email) {
    }

    public record Call(String callId, String queue, String startedAt, String duration) {
    }

    /** One rated question; {@code level} is low (1–2), mid (3) or high (4–5) for its colour. */
    public record Score(String question, int score, String level) {
    }

    public record Step(String at, String atIso, String kind, String kindLabel, String actor, String detail,
            String channel) {
    }

    public record Choice(String value, String label) {
    }

    /**
     * The player's source, minted for this viewer, or why there is none ({@code audioUrl} null, {@code missing}
     * says why).
     */
    public record Recording(String audioUrl, String pageUrl, String expiresAt, String missing) {

        static Recording none(String why) {
            return new Recording(null, null, null, why);
        }

        /** Where the audio comes from (scheme, host, port), for the page's Content-Security-Policy; or null. */
        String origin() {
            if (audioUrl == null) {
                return null;
            }
            java.net.URI uri = java.net.URI.create(audioUrl);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    static EscalationSheet of(EscalationQueries.Detail detail, Viewer viewer, Recording recording) {
        Escalation e = detail.escalation();
        Survey survey = JsonColumns.survey(e.survey);
        var zone = viewer.zone();
        Survey.Customer c = survey.customer();
        Survey.Call call = survey.call();
        Survey.CsrFlags csr = survey.csr();
        List<Score> scores = survey.answers().stream()
                .map(a -> new Score(a.question() == null ? a.questionId() : a.question(), a.score(),
                        a.score() <= 2 ? "low" : a.score() == 3 ? "mid" : "high"))
                .toList();
        List<Step> timeline = detail.timeline().stream().map(t -> step(t, zone)).toList();
        boolean open = e.status == EscalationStatus.OPEN;
        boolean resolved = e.status == EscalationStatus.RESOLVED;
        List<Choice> outcomes = Outcome.of(e.type).stream()
                .filter(o -> !o.requiresContact() || e.status == EscalationStatus.CUSTOMER_CONTACTED)
                .map(o -> new Choice(o.name(), Formats.words(o))).toList();
        List<Choice> reassign = resolved ? List.of() : viewer.directory().managers().stream()
                .filter(m -> !m.id().equals(e.assigneeId))
                .map(m -> new Choice(m.id(), m.name())).toList();
        return new EscalationSheet(EscalationRow.of(e, viewer), e.version, e.outcome == null ? null
                : Formats.words(e.outcome), e.reasons,
                c == null ? new Contact("", "", "", "") : new Contact(c.name(), c.reference(), c.phone(), c.email()),
                call == null ? null : new Call(call.callId(), call.queue(), Formats.when(call.startedAt(), zone),
                        call.durationSeconds() == null ? "" : Formats.duration(
                                java.time.Duration.ofSeconds(call.durationSeconds()))),
                scores, survey.comment(), csr == null ? null : csr.attentionReason(),
                csr == null || !csr.lead() ? null : csr.leadType(), csr == null ? null : csr.leadNote(),
                by(Formats.when(e.acknowledgedAt, zone), e.acknowledgedBy),
                Formats.when(e.customerContactedAt, zone),
                by(Formats.when(e.resolvedAt, zone), e.resolvedBy), timeline, open, open
                        || e.status == EscalationStatus.ACKNOWLEDGED,
                !resolved, outcomes, reassign, recording);
    }


    private static Step step(TimelineEntry t, java.time.ZoneId zone) {
        return new Step(Formats.when(t.at, zone), Formats.iso(t.at), t.kind.name(), Formats.words(t.kind),
                t.actor, t.detail, t.channel);
    }

    private static String by(String when, String who) {
        if (when.isEmpty()) {
            return "";
        }
        return who == null ? when : when + " by " + who;
    }
}
