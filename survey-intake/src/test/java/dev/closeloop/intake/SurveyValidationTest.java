package dev.closeloop.intake;

import static dev.closeloop.intake.SurveyBodies.ACME_KEY;
import static dev.closeloop.intake.SurveyBodies.freshSurvey;
import static dev.closeloop.intake.SurveyBodies.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Invalid bodies answer 400 problem+json with one entry per offending field, and change nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class SurveyValidationTest {

    @Inject
    Pool pool;

    /** Posts the body, expects a 400 problem, checks nothing was stored and returns the field errors. */
    private List<Tuple> rejected(ObjectNode survey) {
        return rejected(survey.path("surveyId").asText(""), text(survey));
    }

    private List<Tuple> rejected(String surveyId, String body) {
        JsonPath problem = given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/api/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isNotBlank();
        if (!surveyId.isEmpty()) {
            assertThat(SurveyTables.storedSurveys(pool, "acme", surveyId)).as("nothing stored").isZero();
            assertThat(SurveyTables.pendingEvents(pool, "acme", surveyId)).as("nothing to publish").isZero();
        }
        List<Map<String, String>> errors = problem.getList("errors");
        return errors == null ? List.of()
                : errors.stream().map(error -> tuple(error.get("field"), error.get("message"))).toList();
    }

    private static ObjectNode answer(ObjectNode survey, int index) {
        return (ObjectNode) survey.get("answers").get(index);
    }

    @Test
    void scoreOutOfRangeNamesTheAnswer() {
        ObjectNode survey = freshSurvey();
        answer(survey, 1).put("score", 6);

        assertThat(rejected(survey)).containsExactly(tuple("answers[1].score", "must be between 1 and 5"));
    }

    @Test
    void scoreZeroAndMissingScoreAreEachReported() {
        ObjectNode survey = freshSurvey();
        answer(survey, 0).put("score", 0);
        answer(survey, 2).remove("score");

        assertThat(rejected(survey)).containsExactly(
                tuple("answers[0].score", "must be between 1 and 5"),
                tuple("answers[2].score", "is required"));
    }

    @Test
    void fractionalScoreIsNotAnInteger() {
        ObjectNode survey = freshSurvey();
        answer(survey, 1).put("score", 4.5);

        assertThat(rejected(survey)).containsExactly(tuple("answers[1].score", "cannot be read as an integer"));
    }

    @Test
    void textualScoreIsNotAnInteger() {
        ObjectNode survey = freshSurvey();
        answer(survey, 0).put("score", "5");

        assertThat(rejected(survey)).containsExactly(tuple("answers[0].score", "must be an integer"));
    }

    @Test
    void duplicateQuestionIdNamesTheRepeat() {
        ObjectNode survey = freshSurvey();
        answer(survey, 2).put("questionId", "q1");

        assertThat(rejected(survey)).containsExactly(tuple("answers[2].questionId", "must be unique within the survey"));
    }

    @Test
    void leadWithoutLeadTypeIsRefused() {
        ObjectNode survey = SurveyBodies.example("survey-lead.json").put("surveyId", SurveyBodies.freshSurveyId());
        ((ObjectNode) survey.get("csr")).remove("leadType");

        assertThat(rejected(survey)).containsExactly(tuple("csr.leadType", "is required when lead is true"));

        ((ObjectNode) survey.get("csr")).putNull("leadType");
        assertThat(rejected(survey)).containsExactly(tuple("csr.leadType", "is required when lead is true"));
    }

    @Test
    void unknownLeadTypeIsRefused() {
        ObjectNode survey = SurveyBodies.example("survey-lead.json").put("surveyId", SurveyBodies.freshSurveyId());
        ((ObjectNode) survey.get("csr")).put("leadType", "UPSELL");

        assertThat(rejected(survey))
                .containsExactly(tuple("csr.leadType", "must be one of SALES, RENEWAL, WARRANTY, OTHER"));
    }

    @Test
    void everyOffendingFieldIsReportedOnce() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        survey.put("completedAt", "2026-12-04 10:15");
        ((ObjectNode) survey.get("call")).remove("callId");
        ((ObjectNode) survey.get("call")).put("startedAt", "2026-12-04T10:02:11");
        ((ObjectNode) survey.get("customer")).put("name", " ");
        ((ObjectNode) survey.get("customer")).put("phone", "01632 960001");
        ((ObjectNode) survey.get("customer")).put("email", "dana.smith");
        ((ObjectNode) survey.get("agent")).remove("id");
        ((ObjectNode) survey.get("agent")).put("team", "");
        answer(survey, 0).put("score", 9);
        answer(survey, 1).put("questionId", "q1");
        survey.putObject("csr").put("lead", true).put("needsAttention", false);

        assertThat(rejected(surveyId, text(survey))).containsExactly(
                tuple("agent.id", "must not be blank"),
                tuple("agent.team", "must not be blank"),
                tuple("answers[0].score", "must be between 1 and 5"),
                tuple("answers[1].questionId", "must be unique within the survey"),
                tuple("call.callId", "must not be blank"),
                tuple("call.startedAt", "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z"),
                tuple("completedAt", "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z"),
                tuple("csr.leadType", "is required when lead is true"),
                tuple("customer.email", "must be a valid email address"),
                tuple("customer.name", "must not be blank"),
                tuple("customer.phone", "must be an E.164 number such as +441632960001"));
    }

    @Test
    void surveyIdMustFitThePattern() {
        ObjectNode survey = freshSurvey();
        survey.put("surveyId", "tel 2026/000123");
        assertThat(rejected(survey))
                .containsExactly(tuple("surveyId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"));

        survey.put("surveyId", "a".repeat(129));
        assertThat(rejected(survey))
                .containsExactly(tuple("surveyId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"));

        survey.put("surveyId", "");
        assertThat(rejected(survey))
                .containsExactly(tuple("surveyId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"));
    }

    @Test
    void requiredPartsMissingAreEachNamed() {
        assertThat(rejected("", "{}")).containsExactly(
                tuple("agent", "is required"),
                tuple("call", "is required"),
                tuple("completedAt", "is required"),
                tuple("customer", "is required"),
                tuple("surveyId", "is required"));
    }

    @Test
    void moreThan50AnswersAreRefused() {
        ObjectNode survey = freshSurvey();
        ArrayNode answers = survey.putArray("answers");
        for (int i = 1; i <= 51; i++) {
            answers.addObject().put("questionId", "q" + i).put("question", "Question " + i).put("score", 3);
        }
        assertThat(rejected(survey)).containsExactly(tuple("answers", "must hold at most 50 answers"));

        answers.remove(50);
        SurveyIntakeTest.post(ACME_KEY, text(survey)).statusCode(202);
    }

    @Test
    void nullAnswerIsNamed() {
        ObjectNode survey = freshSurvey();
        ((ArrayNode) survey.get("answers")).insertNull(1);

        assertThat(rejected(survey)).containsExactly(tuple("answers[1]", "is required"));
    }

    @Test
    void optionalPartsMayBeLeftOut() {
        ObjectNode survey = freshSurvey();
        survey.remove("answers");
        survey.remove("comment");
        survey.remove("csr");
        ((ObjectNode) survey.get("call")).remove(List.of("durationSeconds", "queue", "recordingId"));
        ((ObjectNode) survey.get("customer")).remove(List.of("reference", "phone", "email"));
        ((ObjectNode) survey.get("agent")).remove(List.of("name", "site"));

        SurveyIntakeTest.post(ACME_KEY, text(survey)).statusCode(202);
        SurveyIntakeTest.get(ACME_KEY, survey.get("surveyId").asText()).statusCode(200)
                .body("answers.size()", org.hamcrest.Matchers.is(0))
                .body("call.recordingId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        ObjectNode survey = freshSurvey();
        survey.put("answers", "none");
        assertThat(rejected(survey)).containsExactly(tuple("answers", "must be an array"));

        survey = freshSurvey();
        survey.putObject("csr").put("needsAttention", "yes");
        assertThat(rejected(survey)).containsExactly(tuple("csr.needsAttention", "must be true or false"));
    }

    @Test
    void malformedJsonIs400() {
        assertThat(rejected("", "{\"surveyId\": \"x\", ")).isEmpty();
    }

    @Test
    void emptyBodyIs400() {
        assertThat(rejected("", "")).containsExactly(tuple("body", "a survey is required"));
    }
}
