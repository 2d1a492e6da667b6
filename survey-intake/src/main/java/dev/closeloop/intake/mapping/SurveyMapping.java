package dev.closeloop.intake.mapping;

import java.time.Instant;
import java.util.List;

import dev.closeloop.events.Survey;
import dev.closeloop.intake.rest.SurveySubmission;
import dev.closeloop.intake.rest.SurveySubmission.SubmittedCsrFlags;

/** Turns a validated submission into the {@link Survey} every service receives. */
public final class SurveyMapping {

    private SurveyMapping() {
    }

    /**
     * Maps a submission that passed validation. Absent CSR flags become explicit {@code false}, so
     * downstream services never meet a null {@code csr} and a replay that leaves it out is the same survey.
     */
    public static Survey toSurvey(SurveySubmission submission) {
        var call = submission.call();
        var customer = submission.customer();
        var agent = submission.agent();
        List<Survey.Answer> answers = submission.answers() == null ? List.of()
                : submission.answers().stream()
                        .map(answer -> new Survey.Answer(answer.questionId(), answer.question(), answer.score()))
                        .toList();
        return new Survey(
                submission.surveyId(),
                Instant.parse(submission.completedAt()),
                new Survey.Call(call.callId(), Instant.parse(call.startedAt()), call.durationSeconds(), call.queue(),
                        call.recordingId()),
                new Survey.Customer(customer.reference(), customer.name(), customer.phone(), customer.email()),
                new Survey.Agent(agent.id(), agent.name(), agent.team(), agent.site()),
                answers,
                submission.comment(),
                csrFlags(submission.csr()));
    }

    private static Survey.CsrFlags csrFlags(SubmittedCsrFlags csr) {
        if (csr == null) {
            return new Survey.CsrFlags(false, null, false, null, null);
        }
        return new Survey.CsrFlags(Boolean.TRUE.equals(csr.needsAttention()), csr.attentionReason(),
                Boolean.TRUE.equals(csr.lead()), csr.leadType(), csr.leadNote());
    }
}
