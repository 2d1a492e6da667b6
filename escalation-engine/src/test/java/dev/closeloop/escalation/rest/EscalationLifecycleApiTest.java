package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The lifecycle through the API: moves and their timeline, the 409s of illegal moves, outcomes that
 * do not fit, and optimistic concurrency with ETag / If-Match.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class EscalationLifecycleApiTest {

    static final String PROBLEM = "application/problem+json";
    static final String BASE = "/api/v1/escalations/{id}";
    static final Instant NOW = Instant.parse("2030-01-15T09:30:00Z");

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
    }

    @Test
    void theFullPathIsRecordedWithActorsAndTimesFromTheClock() {
        String id = raise(negativeFeedback(), "NEGATIVE_FEEDBACK");
        QuarkusMock.installMockForType(Clock.fixed(NOW, ZoneOffset.UTC), Clock.class);

        mia().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("note", "Looking into it"))
                .post(BASE + "/acknowledge", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", equalTo(NOW.toString()))
                .body("acknowledgedBy", equalTo("mia.jones@acme.example"))
                .body("outcome", nullValue())
                .body("resolvedAt", nullValue());
        Instant later = NOW.plusSeconds(600);
        QuarkusMock.installMockForType(Clock.fixed(later, ZoneOffset.UTC), Clock.class);
        admin().header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("note", "Called Dana, bill corrected"))
                .post(BASE + "/customer-contacted", id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("CUSTOMER_CONTACTED"))
                .body("customerContactedAt", equalTo(later.toString()))
                .body("acknowledgedBy", equalTo("mia.jones@acme.example"));
        mia().header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("outcome", "RECOVERED", "note", "Happy again"))
                .post(BASE + "/resolve", id)
                .then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("RECOVERED"))
                .body("resolvedAt", equalTo(later.toString()))
                .body("resolvedBy", equalTo("mia.jones@acme.example"));

        admin().get(BASE, id)
                .then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("RECOVERED"))
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED", "CUSTOMER_CONTACTED", "RESOLVED"))
                .body("timeline.actor", contains("escalation-engine", "mia.jones@acme.example",
                        "admin@acme.example", "mia.jones@acme.example"))
                .body("timeline[1].at", equalTo(NOW.toString()))
                .body("timeline[1].detail", equalTo("Looking into it"))
                .body("timeline[2].at", equalTo(later.toString()))
                .body("timeline[2].detail", equalTo("Called Dana, bill corrected"))
                .body("timeline[3].at", equalTo(later.toString()))
                .body("timeline[3].detail", equalTo("RECOVERED: Happy again"));
    }

    @Test
    void contactingTheCustomerOfAnOpenEscalationAcknowledgesItToo() {
        String id = raise(negativeFeedback(), "NEGATIVE_FEEDBACK");

        mia().header("If-Match", "\"0\"").post(BASE + "/customer-contacted", id)
                .then().statusCode(200)
                .body("status", equalTo("CUSTOMER_CONTACTED"))
                .body("acknowledgedBy", equalTo("mia.jones@acme.example"))
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED", "CUSTOMER_CONTACTED"))
                .body("timeline[1].detail", equalTo("acknowledged by recording the customer contact"));
    }

    @Test
    void acknowledgingTwiceOrAfterResolvingIsAConflictNamingTheCurrentStatus() {
        String id = raise(poorScore(), "POOR_SCORE");
        admin().header("If-Match", "\"0\"").post(BASE + "/acknowledge", id).then().statusCode(200);
        admin().header("If-Match", "\"1\"").post(BASE + "/acknowledge", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("ACKNOWLEDGED"))
                .body("detail", equalTo("escalation is ACKNOWLEDGED already; it cannot be acknowledged twice"));

        admin().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("outcome", "NO_ACTION_NEEDED"))
                .post(BASE + "/resolve", id)
                .then().statusCode(200).header("ETag", "\"2\"");
        admin().header("If-Match", "\"2\"").post(BASE + "/acknowledge", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("currentStatus", equalTo("RESOLVED"))
                .body("detail", equalTo("escalation is RESOLVED; it cannot be acknowledged"));
        admin().header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of("managerId", "carlos-ruiz"))
                .post(BASE + "/reassign", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("currentStatus", equalTo("RESOLVED"))
                .body("detail", equalTo("escalation is RESOLVED; it cannot be reassigned"));
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"2\"")
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED", "RESOLVED"));
    }

    @Test
    void recoveredBeforeTheCustomerWasContactedIsAConflict() {
        String id = raise(poorScore(), "POOR_SCORE");

        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("outcome", "RECOVERED"))
                .post(BASE + "/resolve", id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("currentStatus", equalTo("OPEN"))
                .body("detail", equalTo("escalation is OPEN; RECOVERED needs the customer contact recorded first"));
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"0\"").body("status", equalTo("OPEN"));
    }

    @Test
    void anOpenEscalationCanBeResolvedStraightAwayWithAFittingOutcome() {
        String id = raise(allFives(), "ALL_FIVES");

        mia().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("outcome", "RECOGNISED"))
                .post(BASE + "/resolve", id)
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("RECOGNISED"))
                .body("acknowledgedBy", equalTo("mia.jones@acme.example"))
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED", "RESOLVED"))
                .body("timeline[2].detail", equalTo("RECOGNISED"));
    }

    @Test
    void aWrongPolarityUnknownOrMissingOutcomeIsBadInput() {
        String id = raise(poorScore(), "POOR_SCORE");

        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("outcome", "LEAD_WON"))
                .post(BASE + "/resolve", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("outcome"))
                .body("errors[0].message", equalTo("LEAD_WON does not fit a POOR_SCORE escalation: a POOR_SCORE "
                        + "escalation takes RECOVERED, NOT_RECOVERED, NO_CONTACT_POSSIBLE, NO_ACTION_NEEDED"));
        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("outcome", "DELIGHTED"))
                .post(BASE + "/resolve", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("outcome"));
        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("note", "no outcome"))
                .post(BASE + "/resolve", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("outcome"));
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"0\"").body("status", equalTo("OPEN"));
    }

    @Test
    void everyChangeWithoutIfMatchIs428() {
        String id = raise(poorScore(), "POOR_SCORE");

        for (Map.Entry<String, Map<String, String>> change : changes().entrySet()) {
            admin().contentType(ContentType.JSON).body(change.getValue()).post(BASE + "/" + change.getKey(), id)
                    .then().statusCode(428).contentType(PROBLEM)
                    .body("status", equalTo(428))
                    .body("detail", startsWith("If-Match"));
        }
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"0\"")
                .body("timeline.kind", contains("RAISED"));
    }

    @Test
    void aStaleETagIs412WithTheCurrentVersionAndChangesNothing() {
        String id = raise(poorScore(), "POOR_SCORE");
        admin().header("If-Match", "\"0\"").post(BASE + "/acknowledge", id).then().statusCode(200);

        for (Map.Entry<String, Map<String, String>> change : changes().entrySet()) {
            admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change.getValue())
                    .post(BASE + "/" + change.getKey(), id)
                    .then().statusCode(412).contentType(PROBLEM)
                    .header("ETag", "\"1\"")
                    .body("status", equalTo(412))
                    .body("currentStatus", equalTo("ACKNOWLEDGED"))
                    .body("etag", equalTo("\"1\""))
                    .body("version", equalTo(1));
        }
        admin().header("If-Match", "\"not-a-version\"").contentType(ContentType.JSON).body(Map.of("text", "x"))
                .post(BASE + "/notes", id)
                .then().statusCode(412);
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("assignee", nullValue())
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED"));
    }

    @Test
    void ofTwoConcurrentAcknowledgesWithTheSameETagExactlyOneWins() throws Exception {
        String id = raise(poorScore(), "POOR_SCORE");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> acknowledge = () -> {
                start.await();
                return admin().header("If-Match", "\"0\"").post(BASE + "/acknowledge", id).statusCode();
            };
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(pool.submit(acknowledge));
            answers.add(pool.submit(acknowledge));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"1\"")
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED"));
    }

    @Test
    void notesGoOnInAnyStatusAndReassignNamesADirectoryContact() {
        String id = raise(poorScore(), "POOR_SCORE");

        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("managerId", "carlos-ruiz"))
                .post(BASE + "/reassign", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("OPEN"))
                .body("assignee", equalTo(Map.of("managerId", "carlos-ruiz", "name", "Carlos Ruiz",
                        "email", "carlos.ruiz@acme.example")));
        admin().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("managerId", "nobody"))
                .post(BASE + "/reassign", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("managerId"))
                .body("errors[0].message", equalTo("is not a manager in this tenant's directory"));
        admin().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("managerId", "gus-grant"))
                .post(BASE + "/reassign", id)
                .then().statusCode(400).body("errors[0].field", equalTo("managerId"));
        admin().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("managerId", "priya-shah"))
                .post(BASE + "/reassign", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("assignee.managerId", equalTo("priya-shah"));

        admin().header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of("outcome", "NO_ACTION_NEEDED"))
                .post(BASE + "/resolve", id).then().statusCode(200);
        mia().header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(Map.of("text", "Customer wrote again to say thanks"))
                .post(BASE + "/notes", id)
                .then().statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("RESOLVED"))
                .body("timeline.kind", contains("RAISED", "REASSIGNED", "REASSIGNED", "ACKNOWLEDGED", "RESOLVED",
                        "NOTE_ADDED"))
                .body("timeline[1].detail", equalTo("reassigned to Carlos Ruiz <carlos.ruiz@acme.example>"))
                .body("timeline[1].actor", equalTo("admin@acme.example"))
                .body("timeline[5].detail", equalTo("Customer wrote again to say thanks"))
                .body("timeline[5].actor", equalTo("mia.jones@acme.example"));

        admin().header("If-Match", "\"4\"").contentType(ContentType.JSON).body(Map.of("text", " "))
                .post(BASE + "/notes", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("text"));
        admin().header("If-Match", "\"4\"").contentType(ContentType.JSON).body(Map.of("text", "x".repeat(2001)))
                .post(BASE + "/notes", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("text"));
        admin().header("If-Match", "\"4\"").contentType(ContentType.JSON).body(Map.of("text", "x".repeat(2000)))
                .post(BASE + "/notes", id)
                .then().statusCode(200).header("ETag", "\"5\"");
    }

    @Test
    void anotherTenantsEscalationIsNotFoundForEveryChange() {
        String id = raise(poorScore(), "POOR_SCORE");

        for (Map.Entry<String, Map<String, String>> change : changes().entrySet()) {
            Map<String, String> body = change.getKey().equals("reassign") ? Map.of("managerId", "gus-grant")
                    : change.getValue();
            globexAdmin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                    .post(BASE + "/" + change.getKey(), id)
                    .then().statusCode(404).contentType(PROBLEM)
                    .body("detail", equalTo("there is no escalation with this id"));
        }
        admin().get(BASE, id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("timeline.kind", contains("RAISED"));
    }

    @Test
    void theListFiltersByEveryStatusAndShowsTheLifecycle() {
        Survey survey = survey(newSurveyId(), "billing-uk", new Survey.CsrFlags(true, "Angry", true, "SALES",
                "Wants fibre"), 1);
        String surveyId = raiseAll(survey, 3);
        String negative = idOf(surveyId, "NEGATIVE_FEEDBACK");
        String poor = idOf(surveyId, "POOR_SCORE");
        String lead = idOf(surveyId, "LEAD");
        admin().header("If-Match", "\"0\"").post(BASE + "/acknowledge", negative).then().statusCode(200);
        admin().header("If-Match", "\"0\"").post(BASE + "/customer-contacted", poor).then().statusCode(200);
        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("outcome", "LEAD_WON"))
                .post(BASE + "/resolve", lead).then().statusCode(200);

        for (String[] expected : new String[][] { { "ACKNOWLEDGED", negative }, { "CUSTOMER_CONTACTED", poor },
                { "RESOLVED", lead } }) {
            admin().queryParam("surveyId", surveyId).queryParam("status", expected[0]).get("/api/v1/escalations")
                    .then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(expected[1]))
                    .body("items[0].status", equalTo(expected[0]))
                    .body("items[0].acknowledgedBy", equalTo("admin@acme.example"));
        }
        admin().queryParam("surveyId", surveyId).queryParam("status", "OPEN").get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(0));
        admin().queryParam("surveyId", surveyId).queryParam("status", "RESOLVED").get("/api/v1/escalations")
                .then().statusCode(200)
                .body("items[0].outcome", equalTo("LEAD_WON"))
                .body("items[0].resolvedAt", equalTo(admin().get(BASE, lead).path("resolvedAt").toString()))
                .body("items[0].assignee", nullValue());
    }

    @Test
    void theOpenApiDocumentDescribesEveryChangeAndItsAnswers() {
        String document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        for (String change : changes().keySet()) {
            assertThat(document).contains("\"/api/v1/escalations/{id}/" + change + "\"");
        }
        assertThat(document).contains("\"428\"", "\"412\"", "\"409\"", "If-Match", "currentStatus");
    }

    /** Each change with a body that would be accepted. */
    private static Map<String, Map<String, String>> changes() {
        Map<String, Map<String, String>> changes = new java.util.LinkedHashMap<>();
        changes.put("acknowledge", Map.of());
        changes.put("customer-contacted", Map.of("note", "called"));
        changes.put("resolve", Map.of("outcome", "NO_ACTION_NEEDED"));
        changes.put("notes", Map.of("text", "a note"));
        changes.put("reassign", Map.of("managerId", "carlos-ruiz"));
        return changes;
    }

    private static Survey negativeFeedback() {
        return survey(newSurveyId(), "billing-uk", new Survey.CsrFlags(true, "Wants a call back", false, null, null));
    }

    private static Survey poorScore() {
        return survey(newSurveyId(), "billing-uk", NO_FLAGS, 1);
    }

    private static Survey allFives() {
        return survey(newSurveyId(), "billing-uk", NO_FLAGS, 5, 5);
    }

    /** Sends the survey as survey-intake would and returns the id of its one escalation once it can be read. */
    private String raise(Survey survey, String type) {
        raiseAll(survey, 1);
        return idOf(survey.surveyId(), type);
    }

    private String raiseAll(Survey survey, int count) {
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().queryParam("surveyId", survey.surveyId())
                .get("/api/v1/escalations").then().statusCode(200).extract().<Integer>path("total") == count);
        return survey.surveyId();
    }

    private static String idOf(String surveyId, String type) {
        Response found = admin().queryParam("surveyId", surveyId).queryParam("type", type).get("/api/v1/escalations");
        return found.then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }

    private static RequestSpecification mia() {
        return given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager");
    }

    private static RequestSpecification globexAdmin() {
        return given().auth().preemptive().basic("admin@globex.example", "globex-admin");
    }
}
