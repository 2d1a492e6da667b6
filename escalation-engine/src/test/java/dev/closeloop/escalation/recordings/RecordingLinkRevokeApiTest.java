package dev.closeloop.escalation.recordings;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** An admin revokes every recording link of an escalation, through the recording-service's internal API. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(FakeRecordingService.class)
class RecordingLinkRevokeApiTest {

    static final String REVOKE = "/api/v1/escalations/{id}/recording-links/revoke";

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @Inject
    ObjectMapper json;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
        FakeRecordingService.forget();
        FakeRecordingService.answer(200, "{\"revoked\": 2}");
    }

    @AfterEach
    void releaseHeldRequests() {
        FakeRecordingService.release();
    }

    @Test
    void anAdminRevokesEveryLinkOfTheEscalationAndTheTimelineSaysWhoAndHowMany() throws Exception {
        String id = raise();

        admin().post(REVOKE, id).then().statusCode(200).contentType("application/json").body("revoked", equalTo(2));

        List<FakeRecordingService.Received> received = FakeRecordingService.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("POST");
        assertThat(received.get(0).path()).isEqualTo("/internal/v1/tenants/acme/escalations/" + id + "/links/revoke");
        assertThat(received.get(0).authorization()).isEqualTo("Bearer test-only-internal-token-not-for-production");
        assertThat(json.readTree(received.get(0).body()).get("revokedBy").asText()).isEqualTo("admin@acme.example");
        Response detail = admin().get("/api/v1/escalations/{id}", id);
        detail.then().statusCode(200).header("ETag", "\"0\"").body("status", equalTo("OPEN"));
        assertThat(detail.jsonPath().getList("timeline.kind")).containsExactly("RAISED", "RECORDING_LINKS_REVOKED");
        assertThat(detail.jsonPath().getString("timeline[1].actor")).isEqualTo("admin@acme.example");
        assertThat(detail.jsonPath().getString("timeline[1].detail")).isEqualTo("2 recording links revoked");

        FakeRecordingService.answer(200, "{\"revoked\": 1}");
        admin().post(REVOKE, id).then().statusCode(200).body("revoked", equalTo(1));
        assertThat(admin().get("/api/v1/escalations/{id}", id).jsonPath().getString("timeline[2].detail"))
                .isEqualTo("1 recording link revoked");
    }

    @Test
    void managersAndOtherTenantsCannotRevokeAndNothingIsAsked() {
        String id = raise();

        given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager").post(REVOKE, id)
                .then().statusCode(403);
        given().auth().preemptive().basic("admin@globex.example", "globex-admin").post(REVOKE, id)
                .then().statusCode(404).contentType("application/problem+json");
        admin().post(REVOKE, UUID.randomUUID().toString()).then().statusCode(404);
        admin().post(REVOKE, "not-an-id").then().statusCode(404);
        given().post(REVOKE, id).then().statusCode(401);

        assertThat(FakeRecordingService.received()).isEmpty();
        assertThat(admin().get("/api/v1/escalations/{id}", id).jsonPath().getList("timeline.kind"))
                .containsExactly("RAISED");
    }

    @Test
    void aRecordingServiceThatFailsRefusesOrHangsIs503AndNothingIsRecorded() throws Exception {
        String id = raise();

        for (int status : new int[] { 500, 401, 404 }) {
            FakeRecordingService.answer(status, "{\"status\": " + status + "}");
            unavailable(id).body("detail", containsString("answered " + status));
        }
        FakeRecordingService.answer(200, "{}");
        unavailable(id);
        FakeRecordingService.answer(200, "not json");
        unavailable(id);
        FakeRecordingService.hang();
        unavailable(id);
        FakeRecordingService.release();
        FakeRecordingService.close();
        try {
            unavailable(id).body("detail", containsString("cannot be reached"));
        } finally {
            FakeRecordingService.reopen();
        }

        assertThat(admin().get("/api/v1/escalations/{id}", id).jsonPath().getList("timeline.kind"))
                .containsExactly("RAISED");
        FakeRecordingService.answer(200, "{\"revoked\": 0}");
        admin().post(REVOKE, id).then().statusCode(200).body("revoked", equalTo(0));
        assertThat(admin().get("/api/v1/escalations/{id}", id).jsonPath().getString("timeline[1].detail"))
                .isEqualTo("0 recording links revoked");
    }

    private static io.restassured.response.ValidatableResponse unavailable(String id) {
        return admin().post(REVOKE, id).then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503));
    }

    /** Sends a survey as survey-intake would and returns the id of its one escalation once it can be read. */
    private String raise() {
        Survey survey = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1);
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().queryParam("surveyId", survey.surveyId())
                .get("/api/v1/escalations").then().statusCode(200).extract().<Integer>path("total") == 1);
        return admin().queryParam("surveyId", survey.surveyId()).get("/api/v1/escalations")
                .then().extract().path("items[0].id");
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }
}
