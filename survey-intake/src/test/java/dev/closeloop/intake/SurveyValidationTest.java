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
    /** Every string field of the survey and its maximum length (the contract leaves most of them open). */
    private static final Map<String, Integer> STRING_LIMITS = Map.ofEntries(
            Map.entry("call.callId", 128), Map.entry("call.queue", 128), Map.entry("call.recordingId", 128),
            Map.entry("customer.reference", 128), Map.entry("customer.name", 200),
            Map.entry("agent.id", 128), Map.entry("agent.name", 200), Map.entry("agent.team", 128),
            Map.entry("agent.site", 128), Map.entry("answers[0].questionId", 128),
            Map.entry("answers[0].question", 1000), Map.entry("comment", 8000),
            Map.entry("csr.attentionReason", 2000), Map.entry("csr.leadNote", 2000));

    private static void putText(ObjectNode survey, String field, String value) {
        String[] parts = field.split("\\.");
        ObjectNode parent = survey;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].equals("answers[0]") ? answer(survey, 0)
                    : parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        parent.put(parts[parts.length - 1], value);
    }

    /** A valid address of the given length: @Email itself allows no local part over 64, no label over 63. */
    private static String email(int length) {
        String start = "dana@" + ("a".repeat(60) + ".").repeat(3);
        return start + "e".repeat(length - start.length() - 4) + ".com";
    }

    @Test
    void everyStringFieldOverItsMaximumLengthIsNamed() {
        ObjectNode survey = freshSurvey();
        STRING_LIMITS.forEach((field, max) -> putText(survey, field, "x".repeat(max + 1)));
        survey.withObject("customer").put("email", email(255));

        List<Tuple> expected = new java.util.ArrayList<>();
        STRING_LIMITS.forEach((field, max) -> expected.add(tuple(field, "must be at most " + max + " characters")));
        expected.add(tuple("customer.email", "must be at most 254 characters"));
        assertThat(rejected(survey)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyStringFieldAtItsMaximumLengthIsAccepted() {
        ObjectNode survey = freshSurvey();
        STRING_LIMITS.forEach((field, max) -> putText(survey, field, "x".repeat(max)));
        survey.withObject("customer").put("email", email(254));

        SurveyIntakeTest.post(ACME_KEY, text(survey)).statusCode(202);
    }

    @Test
    void anInstantLongerThanAnyInstantIsRefusedOnce() {
        ObjectNode survey = freshSurvey();
        survey.put("completedAt", "2026-12-04T10:15:00Z" + " ".repeat(10_000));

        assertThat(rejected(survey))
                .containsExactly(tuple("completedAt", "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z"));
    }

    @Test
    void aCallLongerThanADayIsRefused() {
        ObjectNode survey = freshSurvey();
        survey.withObject("call").put("durationSeconds", 86_401);

        assertThat(rejected(survey)).containsExactly(tuple("call.durationSeconds", "must be at most 86400 (24 hours)"));

        survey.withObject("call").put("durationSeconds", 86_400);
        SurveyIntakeTest.post(ACME_KEY, text(survey)).statusCode(202);
    }

    @Test
    void aNumberTooBigForAnIntegerIsRefused() {
        ObjectNode survey = freshSurvey();
        String body = text(survey).replaceFirst("\"durationSeconds\":\\d+", "\"durationSeconds\":99999999999999999999");

        rejected(survey.get("surveyId").asText(), body);
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsIsRefused() {
        ObjectNode survey = freshSurvey();
        survey.withObject("agent").put("team", 17);
        assertThat(rejected(survey)).containsExactly(tuple("agent.team", "cannot be read as a string"));

        survey = freshSurvey();
        survey.withObject("customer").put("name", true);
        assertThat(rejected(survey)).containsExactly(tuple("customer.name", "cannot be read as a string"));
    }

    @Test
    void aKeyGivenTwiceIsMalformed() {
        ObjectNode survey = freshSurvey();
        String body = text(survey).replaceFirst("\\{", "{\"comment\":\"first\",");

        assertThat(rejected(survey.get("surveyId").asText(), body)).isEmpty();
    }

    @Test
    void anEmptyStringWhereANumberBelongsIsRefusedNotReadAsAbsent() {
        ObjectNode survey = freshSurvey();
        survey.withObject("call").put("durationSeconds", "");

        assertThat(rejected(survey)).containsExactly(tuple("call.durationSeconds", "cannot be read as an integer"));
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        ObjectNode survey = freshSurvey();
        byte[] text = text(survey).replace("Dana Smith", "Dana @@ Smith").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String marked = new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = marked.indexOf("@@");
        // An overlong encoding of '/', which Jackson would decode without complaint.
        text[at] = (byte) 0xC0;
        text[at + 1] = (byte) 0xAF;

        JsonPath problem = given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType(ContentType.JSON)
                .body(text)
                .when().post("/api/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getString("detail")).isEqualTo("the body is not valid UTF-8");
        assertThat(SurveyTables.storedSurveys(pool, "acme", survey.get("surveyId").asText())).isZero();
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        ObjectNode survey = freshSurvey();

        given().header("Authorization", "Bearer " + ACME_KEY)
                .body(text(survey).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/surveys")
                .then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(SurveyTables.storedSurveys(pool, "acme", survey.get("surveyId").asText())).isZero();
    }
}
