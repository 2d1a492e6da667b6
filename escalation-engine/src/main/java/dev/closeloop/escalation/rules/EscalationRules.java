package dev.closeloop.escalation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

/**
 * The four escalation rules, as one pure function of a survey: no I/O, no framework, no clock.
 * Findings come in {@link EscalationType} declaration order, at most one per type.
 */
public final class EscalationRules {

    /** Reason for a NEGATIVE_FEEDBACK when the CSR gave none. */
    public static final String DEFAULT_ATTENTION_REASON = "CSR flagged urgent attention";

    static final int POOR = 1;
    static final int TOP = 5;

    private EscalationRules() {
    }

    public static List<Finding> evaluate(Survey survey) {
        List<Survey.Answer> answers = survey.answers();
        Survey.CsrFlags csr = survey.csr();
        List<Finding> findings = new ArrayList<>(4);

        if (csr != null && csr.needsAttention()) {
            findings.add(new Finding(EscalationType.NEGATIVE_FEEDBACK,
                    List.of(isBlank(csr.attentionReason()) ? DEFAULT_ATTENTION_REASON : csr.attentionReason().strip())));
        }

        List<String> poorAnswers = new ArrayList<>();
        for (Survey.Answer answer : answers) {
            if (answer.score() == POOR) {
                poorAnswers.add(describe(answer));
            }
        }
        if (!poorAnswers.isEmpty()) {
            findings.add(new Finding(EscalationType.POOR_SCORE, poorAnswers));
        }

        if (csr != null && csr.lead()) {
            findings.add(new Finding(EscalationType.LEAD, List.of(leadReason(csr))));
        }

        if (!answers.isEmpty() && answers.stream().allMatch(answer -> answer.score() == TOP)) {
            findings.add(new Finding(EscalationType.ALL_FIVES, List.of(answers.size() == 1
                    ? "The only rated question scored 5"
                    : "All " + answers.size() + " rated questions scored 5")));
        }
        return List.copyOf(findings);
    }

    /** {@code q1: How satisfied were you with the call overall? = 1}. */
    static String describe(Survey.Answer answer) {
        String id = isBlank(answer.questionId()) ? "?" : answer.questionId();
        return isBlank(answer.question())
                ? id + " = " + answer.score()
                : id + ": " + answer.question().strip() + " = " + answer.score();
    }

    /** {@code Lead (RENEWAL): Contract ends in March}; type and note each only when the CSR gave them. */
    static String leadReason(Survey.CsrFlags csr) {
        String reason = isBlank(csr.leadType()) ? "Lead" : "Lead (" + csr.leadType().strip() + ")";
        return isBlank(csr.leadNote()) ? reason + " flagged by the CSR" : reason + ": " + csr.leadNote().strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
