package dev.closeloop.escalation;

import static dev.closeloop.escalation.EscalationFlowTest.PATIENCE;
import static dev.closeloop.escalation.EscalationFlowTest.detail;
import static dev.closeloop.escalation.EscalationFlowTest.idOf;
import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LocalStackComponent;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Uses of recording links, as the recording-service announces them on recordings.accessed, read back on the
 * escalations' timelines through the API.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class RecordingAccessTimelineTest {

    static final String MIA = "mia.jones@acme.example";

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @LocalStackComponent
    LocalBroker localBroker;

    @Inject
    Pool pool;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
    }

    @Test
    void aPlayedRecordingIsOneEntryOnEachEscalationOfTheLinkEvenWhenDeliveredTwice() {
        String surveyId = newSurveyId();
        EscalationsRaised raised = raise("acme", survey(surveyId, "billing-uk",
                new Survey.CsrFlags(true, "Customer threatens to cancel", false, null, null), 1));
        List<String> ids = raised.escalations().stream().map(RaisedEscalation::escalationId).toList();
        Instant playedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<RecordingAccessed> played = accessed("acme", surveyId, ids, RecordingAccessed.PLAYED, playedAt);

        broker.send(Channels.RECORDINGS_ACCESSED, EventCodec.encode(played));
        broker.send(Channels.RECORDINGS_ACCESSED, EventCodec.encode(played));

        await().atMost(PATIENCE).until(() -> processed(played.eventId()));
        awaitQuiet();
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            JsonPath timeline = detail(id)
                    .body("timeline.kind", contains("RAISED", "RECORDING_ACCESSED"))
                    .body("timeline[1].actor", equalTo(MIA))
                    .body("timeline[1].recipientEmail", equalTo(MIA))
                    .body("timeline[1].level", equalTo(1))
                    .body("timeline[1].detail", equalTo("Recording played by " + MIA + " (level 1 link)"))
                    .extract().jsonPath();
            assertThat(Instant.parse(timeline.getString("timeline[1].at"))).isEqualTo(playedAt);
        }
        assertThat(timelineRows(played.eventId())).isEqualTo(2);
    }

    @Test
    void aRecordingAccessNeverTouchesAnotherTenantsEscalation() {
        String acmeSurvey = newSurveyId();
        String acmeId = idOf(raise("acme", survey(acmeSurvey, "billing-uk", NO_FLAGS, 1)), EscalationType.POOR_SCORE);
        String globexId = idOf(raise("globex", survey(newSurveyId(), "helpdesk", NO_FLAGS, 1)),
                EscalationType.POOR_SCORE);

        EventEnvelope<RecordingAccessed> viewed = accessed("acme", acmeSurvey, List.of(acmeId, globexId, "not-a-uuid"),
                RecordingAccessed.VIEWED, Instant.now());
        broker.send(Channels.RECORDINGS_ACCESSED, EventCodec.encode(viewed));

        await().atMost(PATIENCE).until(() -> processed(viewed.eventId()));
        detail(acmeId).body("timeline.kind", contains("RAISED", "RECORDING_ACCESSED"))
                .body("timeline[1].detail", equalTo("Recording page opened by " + MIA + " (level 1 link)"));
        given().auth().preemptive().basic("admin@globex.example", "globex-admin")
                .get("/api/v1/escalations/{id}", globexId)
                .then().statusCode(200).body("timeline.kind", contains("RAISED"));
        assertThat(timelineRows(viewed.eventId())).isEqualTo(1);
    }

    @Test
    void anAttemptWithAnExpiredLinkReadsAsRefused() {
        String surveyId = newSurveyId();
        String id = idOf(raise("acme", survey(surveyId, "billing-uk", NO_FLAGS, 1)), EscalationType.POOR_SCORE);

        EventEnvelope<RecordingAccessed> expired = accessed("acme", surveyId, List.of(id), RecordingAccessed.EXPIRED,
                Instant.now());
        broker.send(Channels.RECORDINGS_ACCESSED, EventCodec.encode(expired));

        await().atMost(PATIENCE).until(() -> processed(expired.eventId()));
        detail(id).body("timeline.kind", contains("RAISED", "RECORDING_ACCESSED"))
                .body("timeline[1].actor", equalTo(MIA))
                .body("timeline[1].detail", equalTo("Expired recording link used by " + MIA + " (level 1 link): refused"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private EscalationsRaised raise(String tenant, Survey survey) {
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted(tenant, survey)));
        await().atMost(PATIENCE).until(() -> !broker.raisedFor(survey.surveyId()).isEmpty());
        return broker.raisedFor(survey.surveyId()).get(0).payload();
    }

    private static EventEnvelope<RecordingAccessed> accessed(String tenant, String surveyId, List<String> ids,
            String access, Instant at) {
        return EventEnvelope.of(tenant, surveyId, at, new RecordingAccessed(surveyId, ids, "mia-jones", MIA,
                "rec-" + surveyId, access, 1, at));
    }

    private boolean processed(UUID eventId) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0) == 1;
    }

    private long timelineRows(UUID eventId) {
        return pool.preparedQuery("SELECT count(*) FROM timeline_entry WHERE source_event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** Every message sent to recordings.accessed acknowledged, so its transaction committed (or was skipped). */
    private void awaitQuiet() {
        await().atMost(PATIENCE).until(() -> localBroker.messageCount(Channels.RECORDINGS_ACCESSED) == 0);
    }
}
