package dev.closeloop.intake;

import static dev.closeloop.intake.SurveyBodies.ACME_KEY;
import static dev.closeloop.intake.SurveyBodies.GLOBEX_KEY;
import static dev.closeloop.intake.SurveyBodies.example;
import static dev.closeloop.intake.SurveyBodies.freshSurvey;
import static dev.closeloop.intake.SurveyBodies.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** The HTTP contract of POST and GET /api/v1/surveys, status by status. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class SurveyIntakeTest {

    static final String PROBLEM = "application/problem+json";

    /** Where CI keeps the product docs, beside the repository clone; relative to this module's directory. */
    static final Path SHARED_CONTRACT = Path.of("../../shared/contract");

    @Inject
    Pool pool;

    @TestHTTPResource("/api/v1/surveys")
    URI surveysUri;

    static ValidatableResponse post(String key, String body) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/api/v1/surveys")
                .then();
    }

    static ValidatableResponse get(String key, String surveyId) {
        return given().header("Authorization", "Bearer " + key)
                .when().get("/api/v1/surveys/{surveyId}", surveyId)
                .then();
    }

    @Test
    void acceptedSurveyAnswers202WithLocationAndCanBeReadBack() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();

        post(ACME_KEY, text(survey))
                .statusCode(202)
                .header("Location", "/api/v1/surveys/" + surveyId)
                .contentType(ContentType.JSON)
                .body("surveyId", is(surveyId), "tenant", is("acme"), "status", is("ACCEPTED"));

        get(ACME_KEY, surveyId)
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("surveyId", is(surveyId))
                .body("completedAt", is("2026-12-04T10:15:00Z"))
                .body("call.callId", is("c-1001"))
                .body("call.startedAt", is("2026-12-04T10:02:11Z"))
                .body("call.durationSeconds", is(312))
                .body("call.recordingId", is("rec-1001"))
                .body("customer.name", is("Dana Smith"))
                .body("customer.phone", is("+441632960001"))
                .body("agent.team", is("billing-uk"))
                .body("answers.questionId", equalTo(List.of("q1", "q2", "q3")))
                .body("answers.score", equalTo(List.of(1, 1, 3)))
                .body("comment", is("Third call about the same bill."))
                // absent CSR flags are stored as explicit false
                .body("csr.needsAttention", is(false))
                .body("csr.lead", is(false));
        assertThat(SurveyTables.storedSurveys(pool, "acme", surveyId)).isEqualTo(1);
    }

    static Stream<String> contractExamples() {
        return SurveyBodies.EXAMPLES.stream();
    }

    @ParameterizedTest
    @MethodSource("contractExamples")
    void everyContractExampleIsAccepted(String example) {
        ObjectNode survey = example(example);
        post(ACME_KEY, text(survey)).statusCode(202)
                .body("surveyId", is(survey.get("surveyId").asText()));
    }

    @Test
    void theContractExamplesBesideTheRepositoryAreAcceptedAndMatchTheCopiesTestedHere() throws IOException {
        assertThat(SHARED_CONTRACT.resolve("API.md"))
                .as("the product docs are expected beside the repository clone, at %s",
                        SHARED_CONTRACT.toAbsolutePath().normalize())
                .exists();
        List<Path> examples;
        try (Stream<Path> files = Files.list(SHARED_CONTRACT)) {
            examples = files.filter(file -> file.getFileName().toString().matches("survey-.*\\.json")).sorted().toList();
        }
        assertThat(examples).extracting(file -> file.getFileName().toString())
                .as("src/test/resources/contract holds a copy of every example")
                .containsExactlyInAnyOrderElementsOf(SurveyBodies.EXAMPLES);
        for (Path file : examples) {
            String original = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text(example(file.getFileName().toString())))
                    .as("copy of %s is up to date", file.getFileName())
                    .isEqualTo(text(new com.fasterxml.jackson.databind.ObjectMapper().readTree(original)));
            post(ACME_KEY, original).statusCode(202);
        }
    }

    @Test
    void identicalReplayAnswersTheSame202AndPublishesNothingTwice() {
        PublishedSurveys published = PublishedSurveys.receiver();
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        post(ACME_KEY, text(survey)).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> published.eventIds("acme", surveyId).size() == 1);

        // The same survey, written differently: keys reversed, pretty-printed, completedAt with an offset.
        ObjectNode replay = reversed(survey);
        replay.put("completedAt", "2026-12-04T11:15:00+01:00");
        post(ACME_KEY, SurveyBodies.pretty(replay))
                .statusCode(202)
                .header("Location", "/api/v1/surveys/" + surveyId)
                .body("surveyId", is(surveyId), "tenant", is("acme"), "status", is("ACCEPTED"));

        assertThat(SurveyTables.pendingEvents(pool, "acme", surveyId)).as("nothing new to publish").isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> published.eventIds("acme", surveyId).size() == 1);
        assertThat(published.eventIds("acme", surveyId))
                .containsExactly(SurveyTables.eventIdOf(pool, "acme", surveyId));
        assertThat(SurveyTables.storedSurveys(pool, "acme", surveyId)).isEqualTo(1);
    }

    @Test
    void sameSurveyIdWithDifferentContentIsAConflictAndKeepsTheFirst() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        post(ACME_KEY, text(survey)).statusCode(202);

        ObjectNode changed = survey.deepCopy();
        ((ObjectNode) changed.get("answers").get(0)).put("score", 2);
        post(ACME_KEY, text(changed))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", is(409), "title", is("Conflict"), "detail", containsString(surveyId));

        get(ACME_KEY, surveyId).statusCode(200).body("answers[0].score", is(1));
    }

    @Test
    void concurrentIdenticalSubmissionsStoreAndPublishOnce() {
        PublishedSurveys published = PublishedSurveys.receiver();
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(surveysUri)
                .header("Authorization", "Bearer " + ACME_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(survey)))
                .build();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(202));

        assertThat(SurveyTables.storedSurveys(pool, "acme", surveyId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !published.eventIds("acme", surveyId).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> published.eventIds("acme", surveyId).size() == 1);
        assertThat(published.eventIds("acme", surveyId))
                .containsExactly(SurveyTables.eventIdOf(pool, "acme", surveyId));
    }

    @Test
    void missingApiKeyIs401() {
        ObjectNode survey = freshSurvey();
        given().contentType(ContentType.JSON).body(text(survey))
                .when().post("/api/v1/surveys")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401));
        given().when().get("/api/v1/surveys/{surveyId}", survey.get("surveyId").asText())
                .then().statusCode(401).contentType(PROBLEM);
        assertThat(SurveyTables.storedSurveys(pool, "acme", survey.get("surveyId").asText())).isZero();
    }

    @Test
    void unknownApiKeyIs401() {
        ObjectNode survey = freshSurvey();
        post("not-a-tenant-key", text(survey)).statusCode(401).contentType(PROBLEM).body("status", is(401));
        given().header("Authorization", "Basic YWNtZTphY21lLWxvY2FsLWtleQ==").contentType(ContentType.JSON)
                .body(text(survey))
                .when().post("/api/v1/surveys")
                .then().statusCode(401).contentType(PROBLEM);
        get("not-a-tenant-key", survey.get("surveyId").asText()).statusCode(401);
        assertThat(SurveyTables.storedSurveys(pool, "acme", survey.get("surveyId").asText())).isZero();
    }

    @Test
    void wrongContentTypeIs415() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType(ContentType.TEXT)
                .body(text(survey))
                .when().post("/api/v1/surveys")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("status", is(415));
        get(ACME_KEY, surveyId).statusCode(404);
    }

    @Test
    void bodyOver64KiBIs413AndChangesNothing() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        survey.put("comment", "x".repeat(64 * 1024));

        post(ACME_KEY, text(survey))
                .statusCode(413)
                .contentType(PROBLEM)
                .body("status", is(413), "detail", containsString("65536"));
        get(ACME_KEY, surveyId).statusCode(404);
    }

    @Test
    void chunkedBodyOver64KiBIs413() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        survey.put("comment", "x".repeat(64 * 1024));

        // An InputStream of unknown length goes out chunked, without Content-Length.
        given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(text(survey).getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/surveys")
                .then().statusCode(413);
        get(ACME_KEY, surveyId).statusCode(404);
    }

    @Test
    void bodyOfExactly64KiBIsAccepted() {
        // No single field may fill 64 KiB (see SurveySubmission's limits), so the body is grown with 50 long
        // questions and then the free-text fields, each within its limit.
        ObjectNode survey = freshSurvey();
        com.fasterxml.jackson.databind.node.ArrayNode answers = survey.putArray("answers");
        for (int i = 1; i <= 50; i++) {
            answers.addObject().put("questionId", "q" + i).put("question", "x".repeat(1000)).put("score", 3);
        }
        ObjectNode csr = survey.putObject("csr").put("needsAttention", true).put("attentionReason", "")
                .put("lead", false).put("leadNote", "");
        ObjectNode call = (ObjectNode) survey.get("call");
        ObjectNode customer = (ObjectNode) survey.get("customer");
        ObjectNode agent = (ObjectNode) survey.get("agent");
        record Text(ObjectNode parent, String name, int max) {
        }
        for (Text field : java.util.List.of(new Text(survey, "comment", 8000), new Text(csr, "attentionReason", 2000),
                new Text(csr, "leadNote", 2000), new Text(customer, "name", 200), new Text(agent, "name", 200),
                new Text(call, "queue", 128), new Text(customer, "reference", 128), new Text(agent, "site", 128),
                new Text(call, "callId", 128), new Text(agent, "team", 128))) {
            int room = 64 * 1024 - text(survey).getBytes(StandardCharsets.UTF_8).length;
            int length = field.parent().get(field.name()).asText().length();
            field.parent().put(field.name(), "x".repeat(Math.min(field.max(), length + room)));
        }
        assertThat(text(survey).getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);

        post(ACME_KEY, text(survey)).statusCode(202);
    }

    @Test
    void unknownSurveyIs404() {
        get(ACME_KEY, "never-submitted")
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", is(404), "title", is("Not Found"));
    }

    @Test
    void anotherTenantsSurveyIs404AndItsIdStaysFreeForThisTenant() {
        ObjectNode survey = freshSurvey();
        String surveyId = survey.get("surveyId").asText();
        post(ACME_KEY, text(survey)).statusCode(202);

        String acmeAnswer = get(GLOBEX_KEY, surveyId).statusCode(404).contentType(PROBLEM).extract().asString();
        String unknownAnswer = get(GLOBEX_KEY, surveyId + "-unknown").statusCode(404).extract().asString();
        assertThat(acmeAnswer.replace(surveyId, "ID")).isEqualTo(unknownAnswer.replace(surveyId + "-unknown", "ID"));

        ObjectNode globexSurvey = survey.deepCopy();
        globexSurvey.put("comment", "globex's own survey under the same id");
        post(GLOBEX_KEY, text(globexSurvey)).statusCode(202).body("tenant", is("globex"));
        get(GLOBEX_KEY, surveyId).statusCode(200).body("comment", is("globex's own survey under the same id"));
        get(ACME_KEY, surveyId).statusCode(200).body("comment", is("Third call about the same bill."));
    }

    @Test
    void openApiDocumentsTheSurveyEndpoints() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/surveys'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("202", "400", "401", "409", "413", "415"))
                .body("paths.'/api/v1/surveys/{surveyId}'.get.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "401", "404"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        // The broker may still be reconnecting after another test restarted it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", is("UP")));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    /** The same JSON object with its keys, and its nested objects' keys, in reverse order. */
    private static ObjectNode reversed(ObjectNode node) {
        ObjectNode copy = node.objectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            fields.add(it.next());
        }
        for (int i = fields.size() - 1; i >= 0; i--) {
            JsonNode value = fields.get(i).getValue();
            copy.set(fields.get(i).getKey(), value instanceof ObjectNode object ? reversed(object) : value.deepCopy());
        }
        return copy;
    }
}
