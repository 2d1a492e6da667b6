package dev.closeloop.localstack.demo;

import static dev.closeloop.localstack.demo.Expectations.Type.ALL_FIVES;
import static dev.closeloop.localstack.demo.Expectations.Type.LEAD;
import static dev.closeloop.localstack.demo.Expectations.Type.NEGATIVE_FEEDBACK;
import static dev.closeloop.localstack.demo.Expectations.Type.POOR_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ExpectationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode survey(boolean attention, boolean lead, int... scores) {
        ObjectNode survey = JSON.createObjectNode();
        var answers = survey.putArray("answers");
        for (int i = 0; i < scores.length; i++) {
            answers.addObject().put("questionId", "q" + i).put("score", scores[i]);
        }
        survey.putObject("csr").put("needsAttention", attention).put("lead", lead);
        return survey;
    }

    @Test
    void severalOnesAreOnePoorScore() {
        assertThat(Expectations.typesFor(survey(false, false, 1, 1, 3))).containsExactly(POOR_SCORE);
    }

    @Test
    void aOnePlusTheAttentionFlagIsPoorScoreAndNegativeFeedback() {
        assertThat(Expectations.typesFor(survey(true, false, 1, 4))).containsExactlyInAnyOrder(POOR_SCORE,
                NEGATIVE_FEEDBACK);
    }

    @Test
    void theFlagWithoutAnswersIsNegativeFeedbackOnly() {
        assertThat(Expectations.typesFor(survey(true, false))).containsExactly(NEGATIVE_FEEDBACK);
    }

    @Test
    void aSingleFiveIsAllFives() {
        assertThat(Expectations.typesFor(survey(false, false, 5))).containsExactly(ALL_FIVES);
    }

    @Test
    void fiveFiveFourRaisesNothing() {
        assertThat(Expectations.typesFor(survey(false, false, 5, 5, 4))).isEmpty();
    }

    @Test
    void noAnswersAndNoFlagsRaiseNothing() {
        assertThat(Expectations.typesFor(JSON.createObjectNode())).isEmpty();
    }

    @Test
    void aLeadWithAllFivesIsLeadAndAllFives() {
        assertThat(Expectations.typesFor(survey(false, true, 5, 5, 5))).containsExactlyInAnyOrder(LEAD, ALL_FIVES);
    }

    @Test
    void theTeamManagerHearsOfEverythingAndTheSalesContactOfLeads() {
        assertThat(Expectations.recipientsFor("billing-uk", Set.of(POOR_SCORE)))
                .containsExactly("mia.jones@acme.example");
        assertThat(Expectations.recipientsFor("support-us", Set.of(LEAD, ALL_FIVES)))
                .containsExactly("carlos.ruiz@acme.example", "priya.shah@acme.example");
    }

    @Test
    void theRetentionTeamsManagerIsNoahBrooks() {
        assertThat(Expectations.recipientsFor("retention-uk", Set.of(ALL_FIVES)))
                .containsExactly("noah.brooks@acme.example");
    }

    @Test
    void negativeEscalationsNobodyAcknowledgedReachTheHeadOfCxOnceAtLevelTwo() {
        assertThat(Expectations.escalatedTo(Set.of(POOR_SCORE, NEGATIVE_FEEDBACK), false))
                .containsExactly("hana.sato@acme.example");
        assertThat(Expectations.escalatedTo(Set.of(NEGATIVE_FEEDBACK), false))
                .containsExactly("hana.sato@acme.example");
        assertThat(Expectations.ACKNOWLEDGE_WITHIN).hasSeconds(45);
    }

    @Test
    void acknowledgedNegativeEscalationsAndPositiveOnesNeverGoToLevelTwo() {
        assertThat(Expectations.escalatedTo(Set.of(POOR_SCORE, NEGATIVE_FEEDBACK), true)).isEmpty();
        assertThat(Expectations.escalatedTo(Set.of(LEAD, ALL_FIVES), false)).isEmpty();
        assertThat(Expectations.escalatedTo(Set.of(), false)).isEmpty();
        assertThat(Expectations.reEscalates(Set.of(LEAD, POOR_SCORE))).isTrue();
        assertThat(Expectations.reEscalates(Set.of(LEAD, ALL_FIVES))).isFalse();
    }

    @Test
    void onlyAlertsOfPraiseAndLeadsAloneWaitForWorkingHours() {
        assertThat(Expectations.waitsForWorkingHours(Set.of(ALL_FIVES))).isTrue();
        assertThat(Expectations.waitsForWorkingHours(Set.of(LEAD, ALL_FIVES))).isTrue();
        assertThat(Expectations.waitsForWorkingHours(Set.of(LEAD, NEGATIVE_FEEDBACK))).isFalse();
        assertThat(Expectations.waitsForWorkingHours(Set.of(POOR_SCORE))).isFalse();
        assertThat(Expectations.waitsForWorkingHours(Set.of())).isFalse();
    }

    @Test
    void theDemoWatchesTheHeadOfCxAndTheManagerWhoKeepsOfficeHoursToo() {
        assertThat(Expectations.allRecipients()).contains("hana.sato@acme.example", "noah.brooks@acme.example",
                "mia.jones@acme.example", "carlos.ruiz@acme.example", "priya.shah@acme.example",
                "cx-desk@acme.example");
    }

    @Test
    void anUnknownTeamGoesToTheFallbackContactAndNothingRaisedToNobody() {
        assertThat(Expectations.recipientsFor("retentions-ie", Set.of(NEGATIVE_FEEDBACK)))
                .containsExactly("cx-desk@acme.example");
        assertThat(Expectations.recipientsFor("billing-uk", Set.of())).isEmpty();
    }
}
