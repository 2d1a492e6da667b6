package dev.closeloop.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;

/** Alerts as the recording-service publishes them, for tests. */
public final class TestAlerts {

    public static final Instant CALL_STARTED = Instant.parse("2026-12-04T10:02:11Z");
    public static final Instant LINK_EXPIRES = Instant.parse("2026-12-07T10:15:00Z");

    private TestAlerts() {
    }

    public static Survey survey(String surveyId, String comment) {
        return new Survey(surveyId, Instant.parse("2026-12-04T10:15:00Z"),
                new Survey.Call("c-88812", CALL_STARTED, 312, "billing", "rec-88812"),
                new Survey.Customer("CUST-991", "Dana Smith", "+441632960001", "dana.smith@example.com"),
                new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester"),
                List.of(new Survey.Answer("q1", "How satisfied were you with the call overall?", 1),
                        new Survey.Answer("q2", "How would you rate the agent's technical ability?", 1),
                        new Survey.Answer("q3", "How likely are you to recommend us?", 3)),
                comment,
                new Survey.CsrFlags(true, "Customer threatens to cancel", false, null, null));
    }

    public static List<RaisedEscalation> poorScoreAndNegativeFeedback() {
        return List.of(
                new RaisedEscalation("esc-poor-" + UUID.randomUUID(), EscalationType.POOR_SCORE,
                        List.of("q1: How satisfied were you with the call overall? = 1",
                                "q2: How would you rate the agent's technical ability? = 1")),
                new RaisedEscalation("esc-neg-" + UUID.randomUUID(), EscalationType.NEGATIVE_FEEDBACK,
                        List.of("CSR: Customer threatens to cancel")));
    }

    public static Recipient recipient(String email, String timeZone) {
        return new Recipient("mgr-mia", "Mia Jones", email, timeZone, List.of("EMAIL"), List.of());
    }

    /** Mia (Europe/London) told of a poor score and negative feedback, with a recording link. */
    public static AlertReady alert(String surveyId, String email) {
        return new AlertReady(survey(surveyId, "Third call about the same bill."), poorScoreAndNegativeFeedback(),
                recipient(email, "Europe/London"), 1, "http://localhost:8084/r/tok-" + surveyId, LINK_EXPIRES);
    }

    /** Mia, whose alert waits for her working hours, which start at {@code holdUntil}. */
    public static Recipient heldUntil(String email, Instant holdUntil) {
        return new Recipient("mgr-mia", "Mia Jones", email, "Europe/London", List.of("EMAIL"), List.of(), holdUntil,
                null);
    }

    /** Mia, who hears of further alerts about an agent within {@code within} of the first in one grouped email. */
    public static Recipient groupedWithin(String email, Duration within) {
        return new Recipient("mgr-mia", "Mia Jones", email, "Europe/London", List.of("EMAIL"), List.of(), null,
                within);
    }

    /** An alert about the given agent (and customer) for the given recipient, with a link named after the survey. */
    public static AlertReady alert(String surveyId, Recipient recipient, Survey.Agent agent, String customerName) {
        Survey survey = survey(surveyId, "Call " + surveyId + " went badly.");
        Survey about = new Survey(surveyId, survey.completedAt(), survey.call(),
                new Survey.Customer("CUST-" + surveyId, customerName, "+441632960002", null), agent, survey.answers(),
                survey.comment(), survey.csr());
        return new AlertReady(about, poorScoreAndNegativeFeedback(), recipient, 1,
                "http://localhost:8084/r/tok-" + surveyId, LINK_EXPIRES);
    }
}
