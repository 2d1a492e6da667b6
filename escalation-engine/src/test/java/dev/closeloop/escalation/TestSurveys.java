package dev.closeloop.escalation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.Survey;
import dev.closeloop.events.SurveySubmitted;

/** Surveys and events as the other services would send them. */
public final class TestSurveys {

    public static final Survey.CsrFlags NO_FLAGS = new Survey.CsrFlags(false, null, false, null, null);

    private TestSurveys() {
    }

    public static String newSurveyId() {
        return "it-" + UUID.randomUUID();
    }

    public static Survey survey(String surveyId, String team, Survey.CsrFlags csr, int... scores) {
        List<Survey.Answer> answers = new ArrayList<>();
        String[] questions = { "How satisfied were you with the call overall?",
                "How would you rate the agent's technical ability?", "How likely are you to recommend us?",
                "Was your issue resolved?" };
        for (int i = 0; i < scores.length; i++) {
            answers.add(new Survey.Answer("q" + (i + 1), questions[i % questions.length], scores[i]));
        }
        Instant completed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Survey(surveyId, completed,
                new Survey.Call("c-" + surveyId, completed.minusSeconds(600), 312, "billing", "rec-" + surveyId),
                new Survey.Customer("CUST-991", "Dana Smith", "+441632960001", "dana.smith@example.com"),
                new Survey.Agent("csr-17", "Sam Lee", team, "manchester"),
                answers, "Third call about the same bill.", csr);
    }

    public static EventEnvelope<SurveySubmitted> submitted(String tenant, Survey survey) {
        return EventEnvelope.of(tenant, survey.surveyId(), Instant.now(), new SurveySubmitted(survey, Instant.now()));
    }

    public static EventEnvelope<AlertDelivered> delivered(String tenant, String surveyId, List<String> escalationIds,
            String managerId, String email, String status) {
        return EventEnvelope.of(tenant, surveyId, Instant.now(), new AlertDelivered(surveyId, escalationIds,
                managerId, email, "EMAIL", 1, status, 1, Instant.now()));
    }
}
