package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The escalation API: HTTP Basic over the directory's accounts, tenant scoping, filters and their errors. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class EscalationApiTest {

    static final String PROBLEM = "application/problem+json";

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
    void withoutCredentialsTheAnswerIs401WithABasicChallenge() {
        given().get("/api/v1/escalations")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic realm=\"closeloop\""))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        given().get("/api/v1/escalations/{id}", "6f1c0000-0000-0000-0000-000000000000")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void healthNeedsNoCredentials() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aWrongPasswordOrUnknownAccountIs401() {
        as("admin@acme.example", "closeloop-admim").get("/api/v1/escalations")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("detail", equalTo("the username or password is not valid"));
        as("nobody@acme.example", "closeloop-admin").get("/api/v1/escalations")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aManagerAndAnAdminBothReadTheirTenantsEscalations() {
        String surveyId = raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));

        as("mia.jones@acme.example", "closeloop-manager").queryParam("surveyId", surveyId)
                .get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].type", equalTo("POOR_SCORE"));
        as("ADMIN@acme.example", "closeloop-admin").queryParam("surveyId", surveyId)
                .get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anotherTenantsEscalationIsNotFoundAndNeverListed() {
        String surveyId = raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        String id = acmeAdmin().queryParam("surveyId", surveyId).get("/api/v1/escalations")
                .then().statusCode(200).extract().path("items[0].id");

        globexAdmin().get("/api/v1/escalations/{id}", id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("detail", equalTo("there is no escalation with this id"));
        globexAdmin().queryParam("surveyId", surveyId).get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        globexAdmin().queryParam("size", 200).get("/api/v1/escalations")
                .then().statusCode(200)
                .body("items.tenant", everyItem(equalTo("globex")))
                .body("items.id", not(contains(id)));
        acmeAdmin().get("/api/v1/escalations/{id}", id).then().statusCode(200);
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        acmeAdmin().get("/api/v1/escalations/{id}", "6f1c0000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(PROBLEM);
        acmeAdmin().get("/api/v1/escalations/{id}", "not-an-id")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theDetailCarriesTheSurveyAndTheTimeline() {
        Survey survey = survey(newSurveyId(), "support-us",
                new Survey.CsrFlags(true, "Wants a call back today", false, null, null));
        String surveyId = raise("acme", survey);
        JsonPath list = acmeAdmin().queryParam("surveyId", surveyId).get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath();

        acmeAdmin().get("/api/v1/escalations/{id}", list.getString("items[0].id"))
                .then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(list.getString("items[0].id")))
                .body("tenant", equalTo("acme"))
                .body("surveyId", equalTo(surveyId))
                .body("type", equalTo("NEGATIVE_FEEDBACK"))
                .body("status", equalTo("OPEN"))
                .body("reasons", contains("Wants a call back today"))
                .body("raisedAt", equalTo(list.getString("items[0].raisedAt")))
                .body("recipients", contains(java.util.Map.of("managerId", "carlos-ruiz", "name", "Carlos Ruiz",
                        "email", "carlos.ruiz@acme.example")))
                .body("agent.name", equalTo("Sam Lee"))
                .body("customerName", equalTo("Dana Smith"))
                .body("survey.surveyId", equalTo(surveyId))
                .body("survey.customer.phone", equalTo("+441632960001"))
                .body("survey.call.recordingId", equalTo("rec-" + surveyId))
                .body("survey.completedAt", equalTo(survey.completedAt().toString()))
                .body("survey.comment", equalTo("Third call about the same bill."))
                .body("survey.csr.attentionReason", equalTo("Wants a call back today"))
                .body("timeline", hasSize(1))
                .body("timeline[0].kind", equalTo("RAISED"))
                .body("timeline[0].actor", equalTo("escalation-engine"))
                .body("timeline[0].at", notNullValue())
                .body("timeline[0].level", equalTo(1))
                .body("timeline[0].detail", startsWith("Negative feedback: Wants a call back today. "
                        + "Routed by rule 'unhappy-customers' to level 1: Carlos Ruiz <carlos.ruiz@acme.example>. "
                        + "Level 2 is alerted at "))
                .body("timeline[0].detail", endsWith(" unless someone acknowledges."));
    }

    @Test
    void theListFiltersByTypeStatusAndTimeAndPages() {
        String surveyId = raise("acme", survey(newSurveyId(), "billing-uk",
                new Survey.CsrFlags(true, null, true, "SALES", "Wants fibre"), 1));
        JsonPath all = acmeAdmin().queryParam("surveyId", surveyId).get("/api/v1/escalations")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.type", containsInAnyOrder("NEGATIVE_FEEDBACK", "POOR_SCORE", "LEAD"))
                .extract().jsonPath();
        Instant raisedAt = Instant.parse(all.getString("items[0].raisedAt"));

        acmeAdmin().queryParam("surveyId", surveyId).queryParam("type", "LEAD").get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].type", equalTo("LEAD"));
        acmeAdmin().queryParam("surveyId", surveyId).queryParam("status", "OPEN").get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(3));
        acmeAdmin().queryParam("surveyId", surveyId).queryParam("from", raisedAt.toString())
                .queryParam("to", raisedAt.plusMillis(1).toString()).get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(3));
        acmeAdmin().queryParam("surveyId", surveyId).queryParam("from", raisedAt.plusMillis(1).toString())
                .get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(0));
        acmeAdmin().queryParam("surveyId", surveyId).queryParam("to", raisedAt.toString()).get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(0));

        List<String> pageOne = acmeAdmin().queryParam("surveyId", surveyId).queryParam("size", 2)
                .get("/api/v1/escalations")
                .then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(3))
                .extract().path("items.id");
        List<String> pageTwo = acmeAdmin().queryParam("surveyId", surveyId).queryParam("size", 2)
                .queryParam("page", 1).get("/api/v1/escalations")
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2))
                .extract().path("items.id");
        assertThat(pageOne).doesNotContainAnyElementsOf(pageTwo);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertInvalid("type", "BAD", "type", "must be one of NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES");
        assertInvalid("type", "poor_score", "type", "must be one of NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES");
        assertInvalid("status", "CLOSED", "status",
                "must be one of OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED, RESOLVED");
        assertInvalid("from", "yesterday", "from", "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z");
        assertInvalid("to", "2026-13-01T00:00:00Z", "to", "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z");
        assertInvalid("size", "0", "size", "must be an integer from 1 to 200");
        assertInvalid("size", "201", "size", "must be an integer from 1 to 200");
        assertInvalid("size", "ten", "size", "must be an integer from 1 to 200");
        assertInvalid("page", "-1", "page", "must be an integer of 0 or more");
        assertInvalid("page", "1.5", "page", "must be an integer of 0 or more");
        assertInvalid("page", "2147483647", "page", "is beyond the last possible page");
    }

    @Test
    void everyBadFilterIsNamedAtOnce() {
        acmeAdmin().queryParam("type", "BAD").queryParam("size", "0")
                .queryParam("from", "2026-12-05T00:00:00Z").queryParam("to", "2026-12-04T00:00:00Z")
                .get("/api/v1/escalations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", containsInAnyOrder("type", "size", "to"))
                .body("errors.find { it.field == 'to' }.message", equalTo("must be after from"));
    }

    @Test
    void theLargestPageSizeIsAccepted() {
        acmeAdmin().queryParam("size", 200).queryParam("page", 0).get("/api/v1/escalations")
                .then().statusCode(200).body("size", equalTo(200));
    }

    private static void assertInvalid(String parameter, String value, String field, String message) {
        acmeAdmin().queryParam(parameter, value).get("/api/v1/escalations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    /** Sends the survey as survey-intake would and waits until its escalations can be read. */
    private String raise(String tenant, Survey survey) {
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted(tenant, survey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.raisedFor(survey.surveyId()).isEmpty());
        return survey.surveyId();
    }

    private static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    private static RequestSpecification acmeAdmin() {
        return as("admin@acme.example", "closeloop-admin");
    }

    private static RequestSpecification globexAdmin() {
        return as("admin@globex.example", "globex-admin");
    }
}
