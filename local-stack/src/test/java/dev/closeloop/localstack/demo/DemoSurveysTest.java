package dev.closeloop.localstack.demo;

import static dev.closeloop.localstack.demo.Expectations.Type.ALL_FIVES;
import static dev.closeloop.localstack.demo.Expectations.Type.LEAD;
import static dev.closeloop.localstack.demo.Expectations.Type.NEGATIVE_FEEDBACK;
import static dev.closeloop.localstack.demo.Expectations.Type.POOR_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DemoSurveysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:00Z");
    private static final String RUN = DemoSurveys.runId(NOW);

    private final List<DemoSurvey> forty = DemoSurveys.generate(RUN, 40, 1234, NOW);

    @Test
    void fortySurveysCoverAllFourTypesAndTheirCombinations() {
        assertThat(forty).hasSize(40);
        assertThat(forty).flatExtracting(DemoSurvey::expectedTypes)
                .contains(NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES);
        assertThat(forty).extracting(DemoSurvey::expectedTypes)
                .contains(EnumSet.of(POOR_SCORE, NEGATIVE_FEEDBACK), EnumSet.of(LEAD, ALL_FIVES),
                        EnumSet.of(NEGATIVE_FEEDBACK));
    }

    @Test
    void plentyOfSurveysRaiseNothing() {
        long nothing = forty.stream().filter(s -> s.expectedTypes().isEmpty()).count();

        assertThat(nothing).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theTwelveSurveysOfTheCiRunAlreadyCoverAllFourTypes() {
        assertThat(DemoSurveys.generate(RUN, 12, 99, NOW)).flatExtracting(DemoSurvey::expectedTypes)
                .contains(NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES);
    }

    @Test
    void everyOtherSurveyThatRaisesSomethingNegativeIsAcknowledgedStartingWithTheFirst() {
        List<DemoSurvey> negative = forty.stream().filter(s -> Expectations.reEscalates(s.expectedTypes())).toList();

        assertThat(negative).hasSizeGreaterThan(4);
        for (int i = 0; i < negative.size(); i++) {
            DemoSurvey survey = negative.get(i);
            assertThat(survey.acknowledged()).as(survey.surveyId()).isEqualTo(i % 2 == 0);
            assertThat(survey.expectedEscalatedTo()).as(survey.surveyId())
                    .isEqualTo(i % 2 == 0 ? Set.of() : Set.of(Expectations.HEAD_OF_CX));
        }
        assertThat(forty).filteredOn(s -> !Expectations.reEscalates(s.expectedTypes()))
                .allSatisfy(s -> {
                    assertThat(s.acknowledged()).isFalse();
                    assertThat(s.expectedEscalatedTo()).isEmpty();
                });
    }

    @Test
    void theTwelveSurveysOfTheCiRunBothAcknowledgeAndLeaveSomethingForLevelTwo() {
        List<DemoSurvey> twelve = DemoSurveys.generate(RUN, 12, 99, NOW);

        assertThat(twelve).filteredOn(DemoSurvey::acknowledged).isNotEmpty();
        assertThat(twelve).filteredOn(s -> !s.expectedEscalatedTo().isEmpty()).isNotEmpty();
    }

    @Test
    void heldPraiseIsAllFivesForTheTeamWhoseManagerKeepsOfficeHours() throws Exception {
        List<DemoSurvey> praise = DemoSurveys.heldPraise(RUN, 41, 3, NOW);

        assertThat(praise).extracting(DemoSurvey::surveyId).containsExactly(RUN + "-041", RUN + "-042");
        assertThat(praise).allSatisfy(s -> {
            assertThat(s.team()).isEqualTo(Expectations.HELD_TEAM);
            assertThat(s.expectedTypes()).containsExactly(ALL_FIVES);
            assertThat(s.expectedRecipients()).containsExactly(Expectations.HELD_MANAGER);
            assertThat(s.expectedEscalatedTo()).isEmpty();
            assertThat(Expectations.waitsForWorkingHours(s.expectedTypes())).isTrue();
        });
        for (DemoSurvey survey : praise) {
            assertThat(violations(JSON.readTree(JSON.writeValueAsString(survey.body())))).isEmpty();
        }
    }

    @Test
    void bothTeamsAndSometimesAnUnknownTeamTakeCalls() {
        assertThat(forty).extracting(DemoSurvey::team)
                .contains("billing-uk", "support-us", DemoSurveys.UNKNOWN_TEAM);
        assertThat(forty).filteredOn(s -> s.team().equals(DemoSurveys.UNKNOWN_TEAM) && !s.expectedTypes().isEmpty())
                .allSatisfy(s -> assertThat(s.expectedRecipients()).contains(Expectations.FALLBACK_CONTACT));
        assertThat(forty).filteredOn(s -> s.expectedTypes().contains(LEAD))
                .allSatisfy(s -> assertThat(s.expectedRecipients()).contains(Expectations.SALES_CONTACT));
    }

    @Test
    void surveyIdsAndRecordingIdsAreUniqueWithinARun() {
        assertThat(forty).extracting(DemoSurvey::surveyId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(RUN + "-"));
        assertThat(forty).extracting(DemoSurvey::recordingId).doesNotHaveDuplicates();
        assertThat(forty.get(0).surveyId()).isEqualTo("demo-20261204-101500-001");
    }

    @Test
    void theExpectationFollowsTheBodyNotTheScenarioLabel() {
        for (DemoSurvey survey : forty) {
            assertThat(Expectations.typesFor(survey.body())).isEqualTo(survey.expectedTypes());
        }
    }

    @Test
    void everyBodyFollowsTheApiContract() throws Exception {
        for (DemoSurvey survey : DemoSurveys.generate(RUN, 100, 7, NOW)) {
            String json = JSON.writeValueAsString(survey.body());
            assertThat(violations(JSON.readTree(json))).as(json).isEmpty();
            assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
            assertThat(survey.body().path("call").path("recordingId").asText()).isEqualTo(survey.recordingId());
        }
    }

    @Test
    void theSameSeedGivesTheSameSurveys() {
        assertThat(DemoSurveys.generate(RUN, 20, 5, NOW)).isEqualTo(DemoSurveys.generate(RUN, 20, 5, NOW));
    }

    /** The rules of /work/shared/contract/API.md, "Submit a survey", one message per broken rule. */
    static List<String> violations(JsonNode survey) {
        List<String> problems = new ArrayList<>();
        String surveyId = survey.path("surveyId").asText("");
        if (!surveyId.matches("[A-Za-z0-9._:-]{1,128}")) {
            problems.add("surveyId " + surveyId);
        }
        instant(survey.path("completedAt"), "completedAt", problems);
        JsonNode call = survey.path("call");
        instant(call.path("startedAt"), "call.startedAt", problems);
        if (call.path("callId").asText("").isBlank()) {
            problems.add("call.callId");
        }
        if (!call.path("durationSeconds").isInt() || call.path("durationSeconds").asInt() < 0) {
            problems.add("call.durationSeconds");
        }
        JsonNode customer = survey.path("customer");
        if (customer.path("name").asText("").isBlank()) {
            problems.add("customer.name");
        }
        if (customer.has("phone") && !customer.path("phone").asText().matches("\\+[1-9][0-9]{1,14}")) {
            problems.add("customer.phone " + customer.path("phone"));
        }
        if (customer.has("email") && !customer.path("email").asText().matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}")) {
            problems.add("customer.email " + customer.path("email"));
        }
        JsonNode agent = survey.path("agent");
        if (agent.path("id").asText("").isBlank() || agent.path("team").asText("").isBlank()) {
            problems.add("agent.id/team");
        }
        JsonNode answers = survey.path("answers");
        if (!answers.isArray() || answers.size() > 50) {
            problems.add("answers");
        }
        Set<String> questionIds = new HashSet<>();
        for (JsonNode answer : answers) {
            if (!questionIds.add(answer.path("questionId").asText())) {
                problems.add("duplicate questionId " + answer.path("questionId"));
            }
            if (!answer.path("score").isInt() || answer.path("score").asInt() < 1 || answer.path("score").asInt() > 5) {
                problems.add("score " + answer.path("score"));
            }
            if (answer.path("question").asText("").isBlank()) {
                problems.add("question text");
            }
        }
        JsonNode csr = survey.path("csr");
        if (csr.path("lead").asBoolean(false)
                && !Set.of("SALES", "RENEWAL", "WARRANTY", "OTHER").contains(csr.path("leadType").asText())) {
            problems.add("csr.leadType " + csr.path("leadType"));
        }
        return problems;
    }

    private static void instant(JsonNode value, String field, List<String> problems) {
        try {
            Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(field + " " + value);
        }
    }
}
