package dev.closeloop.escalation.recordings;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LogCapture;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Passwords of Basic and console logins, the console's session cookie, acknowledge-link tokens, the internal token
 * and the recording links the recording-service hands out never reach the engine's log, not even at debug level,
 * whether the request carrying them succeeds or is refused.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(FakeRecordingService.class)
class NoSecretsInLogsTest {

    private static final String ADMIN_PASSWORD = "closeloop-admin";
    private static final String MANAGER_PASSWORD = "closeloop-manager";
    private static final String WRONG_PASSWORD = "wrong-password-" + UUID.randomUUID();
    private static final String INTERNAL_TOKEN = "test-only-internal-token-not-for-production";
    private static final String RECORDING_TOKEN = "RecTok" + UUID.randomUUID().toString().replace("-", "");

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @Inject
    RecordingLinks links;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
        FakeRecordingService.forget();
    }

    @AfterEach
    void answerAgain() {
        FakeRecordingService.release();
        FakeRecordingService.answer(201, "{}");
    }

    @Test
    void noPasswordTokenOrSessionReachesTheLogWhateverTheRequestComesTo() {
        String tampered;
        String token;
        String session;
        try (LogCapture log = LogCapture.start(Map.of("dev.closeloop", Level.FINE, "io.quarkus.security",
                Level.FINE, "io.quarkus.vertx.http", Level.FINE, "org.jboss.resteasy.reactive", Level.FINE))) {
            Survey survey = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1);
            broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !broker.raisedFor(survey.surveyId()).isEmpty());
            EscalationsRaised raised = broker.raisedFor(survey.surveyId()).get(0).payload();
            String escalationId = raised.escalations().get(0).escalationId();
            Recipient mia = raised.recipients().stream().filter(r -> r.email().equals("mia.jones@acme.example"))
                    .findFirst().orElseThrow();
            String url = mia.acknowledgeUrls().get(escalationId);
            token = url.substring(url.lastIndexOf('/') + 1);
            tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

            // Basic, right and wrong
            given().auth().preemptive().basic("admin@acme.example", ADMIN_PASSWORD)
                    .get("/api/v1/escalations/{id}", escalationId).then().statusCode(200);
            given().auth().preemptive().basic("admin@acme.example", WRONG_PASSWORD)
                    .get("/api/v1/escalations/{id}", escalationId).then().statusCode(401);
            given().auth().preemptive().basic("nobody@acme.example", WRONG_PASSWORD).get("/api/v1/escalations")
                    .then().statusCode(401);
            // the console's login form, right and wrong
            session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "mia.jones@acme.example").formParam("j_password", MANAGER_PASSWORD)
                    .post("/console/j_security_check").getCookie("closeloop-session");
            assertThat(session).isNotBlank();
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "mia.jones@acme.example").formParam("j_password", WRONG_PASSWORD)
                    .post("/console/j_security_check");
            given().redirects().follow(false).cookie("closeloop-session", session).get("/console")
                    .then().statusCode(200);
            // the acknowledge link: opened, used, tampered with
            given().get("/a/" + token).then().statusCode(200);
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post("/a/" + token)
                    .then().statusCode(303);
            given().get("/a/" + tampered).then().statusCode(404);
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post("/a/" + tampered);
            // recording links: minted, refused, revoked, with the internal token on every call
            RecordingViewer viewer = new RecordingViewer("mia.jones@acme.example", "Mia Jones", "mgr-mia", null);
            FakeRecordingService.answer(201, "{\"url\": \"http://recordings.test/r/" + RECORDING_TOKEN + "\", "
                    + "\"audioUrl\": \"http://recordings.test/r/" + RECORDING_TOKEN + "/audio\", "
                    + "\"expiresAt\": \"2030-01-15T12:00:00Z\"}");
            assertThat(links.linkFor("acme", "rec-1", survey.surveyId(), List.of(escalationId), viewer)
                    .await().atMost(Duration.ofSeconds(15))).isPresent();
            FakeRecordingService.answer(401, "{\"detail\": \"" + RECORDING_TOKEN + "\"}");
            assertThat(links.linkFor("acme", "rec-1", survey.surveyId(), List.of(escalationId), viewer)
                    .await().atMost(Duration.ofSeconds(15))).isEmpty();
            FakeRecordingService.answer(201, "{\"url\": \"http://recordings.test/r/" + RECORDING_TOKEN + "\"}");
            assertThat(links.linkFor("acme", "rec-1", survey.surveyId(), List.of(escalationId), viewer)
                    .await().atMost(Duration.ofSeconds(15))).isEmpty();
            FakeRecordingService.answer(200, "{\"revoked\": 1}");
            RecordingLinkRevokeApiTest.admin().post(RecordingLinkRevokeApiTest.REVOKE, escalationId)
                    .then().statusCode(200);
            FakeRecordingService.answer(500, "{\"detail\": \"" + INTERNAL_TOKEN + "\"}");
            RecordingLinkRevokeApiTest.admin().post(RecordingLinkRevokeApiTest.REVOKE, escalationId)
                    .then().statusCode(503);

            String logged = log.text();
            assertThat(logged).as("the log was captured").contains(escalationId);
            for (String secret : List.of(ADMIN_PASSWORD, MANAGER_PASSWORD, WRONG_PASSWORD, INTERNAL_TOKEN, token,
                    tampered, token.substring(0, 24), session, RECORDING_TOKEN)) {
                assertThat(log.recordsContaining(secret)).as("log records naming a secret").isEmpty();
            }
        }
    }

    @Test
    void aPasswordTypedIntoTheUsernameFieldIsLoggedByTheEngineOnlyAsAHash() {
        String password = "typed-in-the-wrong-field-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.start(Map.of("dev.closeloop", Level.FINE, "io.quarkus.vertx.http",
                Level.FINE))) {
            given().auth().preemptive().basic(password, password).get("/api/v1/escalations").then().statusCode(401);

            // Quarkus's own Basic mechanism logs the username as sent, at DEBUG: never DEBUG on it in production
            assertThat(log.recordsContaining(password)).allSatisfy(record -> assertThat(record)
                    .startsWith("DEBUG io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism"));
            assertThat(log.text()).contains("Refused login for an unknown username (sha256 ");
        }
    }
}
