package dev.closeloop.events;

import java.time.Instant;
import java.util.List;

/**
 * A completed post-call survey as accepted by survey-intake: the shape of the public contract,
 * already validated. Carried inside every downstream message so nobody has to ask for it again.
 */
public record Survey(String surveyId, Instant completedAt, Call call, Customer customer, Agent agent,
        List<Answer> answers, String comment, CsrFlags csr) {

    public Survey {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public record Call(String callId, Instant startedAt, Integer durationSeconds, String queue, String recordingId) {
    }

    public record Customer(String reference, String name, String phone, String email) {
    }

    public record Agent(String id, String name, String team, String site) {
    }

    public record Answer(String questionId, String question, int score) {
    }

    /** What the CSR flagged at the end of the call; absent flags read as false. */
    public record CsrFlags(boolean needsAttention, String attentionReason, boolean lead, String leadType,
            String leadNote) {
    }
}
