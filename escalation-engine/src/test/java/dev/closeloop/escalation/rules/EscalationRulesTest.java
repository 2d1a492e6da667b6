package dev.closeloop.escalation.rules;

import static dev.closeloop.events.EscalationType.ALL_FIVES;
import static dev.closeloop.events.EscalationType.LEAD;
import static dev.closeloop.events.EscalationType.NEGATIVE_FEEDBACK;
import static dev.closeloop.events.EscalationType.POOR_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

class EscalationRulesTest {

    private static final Survey.CsrFlags NO_FLAGS = new Survey.CsrFlags(false, null, false, null, null);
    private static final Survey.CsrFlags NEEDS_ATTENTION = new Survey.CsrFlags(true, "Customer threatens to cancel",
            false, null, null);

    @Test
    void poorScoreIsRaisedOnceWhenSeveralQuestionsScoreOne() {
        List<Finding> findings = EscalationRules.evaluate(survey(NO_FLAGS,
                answer("q1", "How satisfied were you with the call overall?", 1),
                answer("q2", "How would you rate the agent's technical ability?", 1),
                answer("q3", "How likely are you to recommend us?", 3),
                answer("q4", "Was your issue resolved?", 1)));

        assertThat(types(findings)).containsExactly(POOR_SCORE);
        assertThat(findings.get(0).reasons()).containsExactly(
                "q1: How satisfied were you with the call overall? = 1",
                "q2: How would you rate the agent's technical ability? = 1",
                "q4: Was your issue resolved? = 1");
    }

    @Test
    void aOneAndTheCsrFlagRaisePoorScoreAndNegativeFeedback() {
        List<Finding> findings = EscalationRules.evaluate(survey(NEEDS_ATTENTION,
                answer("q1", "Overall?", 1), answer("q2", "Agent?", 4)));

        assertThat(types(findings)).containsExactly(NEGATIVE_FEEDBACK, POOR_SCORE);
        assertThat(findings.get(0).reasons()).containsExactly("Customer threatens to cancel");
        assertThat(findings.get(1).reasons()).containsExactly("q1: Overall? = 1");
    }

    @Test
    void theCsrFlagWithNoAnswersRaisesNegativeFeedbackOnly() {
        List<Finding> findings = EscalationRules.evaluate(survey(NEEDS_ATTENTION));

        assertThat(types(findings)).containsExactly(NEGATIVE_FEEDBACK);
    }

    @Test
    void negativeFeedbackWithoutAReasonSaysTheCsrFlaggedIt() {
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(true, null, false, null, null))))
                .containsExactly(new Finding(NEGATIVE_FEEDBACK, List.of("CSR flagged urgent attention")));
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(true, "  ", false, null, null))))
                .containsExactly(new Finding(NEGATIVE_FEEDBACK, List.of("CSR flagged urgent attention")));
    }

    @Test
    void aSingleAnswerOfFiveRaisesAllFives() {
        List<Finding> findings = EscalationRules.evaluate(survey(NO_FLAGS, answer("q1", "Overall?", 5)));

        assertThat(types(findings)).containsExactly(ALL_FIVES);
        assertThat(findings.get(0).reasons()).containsExactly("The only rated question scored 5");
    }

    @Test
    void everyAnswerFiveRaisesAllFivesCountingThem() {
        List<Finding> findings = EscalationRules.evaluate(survey(NO_FLAGS,
                answer("q1", "A?", 5), answer("q2", "B?", 5), answer("q3", "C?", 5)));

        assertThat(findings).containsExactly(new Finding(ALL_FIVES, List.of("All 3 rated questions scored 5")));
    }

    @Test
    void fiveFiveFourRaisesNothing() {
        assertThat(EscalationRules.evaluate(survey(NO_FLAGS,
                answer("q1", "A?", 5), answer("q2", "B?", 5), answer("q3", "C?", 4)))).isEmpty();
    }

    @Test
    void noAnswersAndNoFlagsRaiseNothing() {
        assertThat(EscalationRules.evaluate(survey(NO_FLAGS))).isEmpty();
    }

    @Test
    void absentCsrFlagsReadAsFalse() {
        assertThat(EscalationRules.evaluate(survey(null))).isEmpty();
        assertThat(types(EscalationRules.evaluate(survey(null, answer("q1", "A?", 1))))).containsExactly(POOR_SCORE);
        assertThat(types(EscalationRules.evaluate(survey(null, answer("q1", "A?", 5))))).containsExactly(ALL_FIVES);
    }

    @Test
    void theLeadFlagWithAllFivesRaisesLeadAndAllFives() {
        Survey.CsrFlags lead = new Survey.CsrFlags(false, null, true, "RENEWAL",
                "Contract ends in March; wants a better tariff");

        List<Finding> findings = EscalationRules.evaluate(survey(lead, answer("q1", "A?", 5), answer("q2", "B?", 5)));

        assertThat(types(findings)).containsExactly(LEAD, ALL_FIVES);
        assertThat(findings.get(0).reasons())
                .containsExactly("Lead (RENEWAL): Contract ends in March; wants a better tariff");
    }

    @Test
    void leadReasonNamesTypeAndNoteOnlyWhenGiven() {
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(false, null, true, "SALES", null))))
                .containsExactly(new Finding(LEAD, List.of("Lead (SALES) flagged by the CSR")));
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(false, null, true, null, "Wants fibre"))))
                .containsExactly(new Finding(LEAD, List.of("Lead: Wants fibre")));
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(false, null, true, null, null))))
                .containsExactly(new Finding(LEAD, List.of("Lead flagged by the CSR")));
    }

    @Test
    void aLeadTypeWithoutTheLeadFlagRaisesNoLead() {
        assertThat(EscalationRules.evaluate(survey(new Survey.CsrFlags(false, "ignored", false, "SALES", "note"),
                answer("q1", "A?", 3)))).isEmpty();
    }

    @Test
    void everyFlagAtOnceRaisesNegativeFeedbackLeadAndAllFivesInTypeOrder() {
        Survey.CsrFlags both = new Survey.CsrFlags(true, "Angry about the wait", true, "WARRANTY", "Extend warranty");

        List<Finding> findings = EscalationRules.evaluate(survey(both, answer("q1", "A?", 5)));

        assertThat(types(findings)).containsExactly(NEGATIVE_FEEDBACK, LEAD, ALL_FIVES);
    }

    @Test
    void aOneAmongFivesIsAPoorScoreNotAllFives() {
        assertThat(types(EscalationRules.evaluate(survey(NO_FLAGS,
                answer("q1", "A?", 5), answer("q2", "B?", 1), answer("q3", "C?", 5))))).containsExactly(POOR_SCORE);
    }

    @Test
    void twosAreNeitherPoorNorFive() {
        assertThat(EscalationRules.evaluate(survey(NO_FLAGS, answer("q1", "A?", 2), answer("q2", "B?", 2)))).isEmpty();
    }

    @Test
    void aQuestionWithoutTextIsListedByItsId() {
        assertThat(EscalationRules.evaluate(survey(NO_FLAGS, answer("q7", null, 1))))
                .containsExactly(new Finding(POOR_SCORE, List.of("q7 = 1")));
    }

    private static List<EscalationType> types(List<Finding> findings) {
        return findings.stream().map(Finding::type).toList();
    }

    private static Survey.Answer answer(String id, String question, int score) {
        return new Survey.Answer(id, question, score);
    }

    static Survey survey(Survey.CsrFlags csr, Survey.Answer... answers) {
        return new Survey("tel-1", Instant.parse("2026-12-04T10:15:00Z"),
                new Survey.Call("c-1", Instant.parse("2026-12-04T10:02:11Z"), 312, "billing", "rec-1"),
                new Survey.Customer("CUST-1", "Dana Smith", null, null),
                new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester"),
                new ArrayList<>(List.of(answers)), null, csr);
    }
}
