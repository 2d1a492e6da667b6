package dev.closeloop.escalation;

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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LocalStackComponent;
import dev.closeloop.localstack.testing.PostgresTestResource;
import dev.closeloop.platform.outbox.OutboxRelay;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The engine between real brokers and a real database: surveys arrive on surveys.submitted as
 * survey-intake sends them, escalations are read back through the API, and what is published on
 * escalations.raised is caught by the test's own receiver, the only consumer of that address.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class EscalationFlowTest {

    static final String ADMIN = "admin@acme.example";
    static final String ADMIN_PASSWORD = "closeloop-admin";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @LocalStackComponent
    LocalBroker localBroker;

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
    }

    @Test
    void aSurveyRaisesEachTypeOnceAndAnnouncesThemAllInOneMessage() {
        String surveyId = newSurveyId();
        Survey survey = survey(surveyId, "billing-uk",
                new Survey.CsrFlags(true, "Customer threatens to cancel", false, null, null), 1, 1, 3);
        EventEnvelope<?> event = submitted("acme", survey);

        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(event));

        JsonPath list = awaitEscalations(surveyId, 2);
        assertThat(list.getList("items.type")).containsExactlyInAnyOrder("NEGATIVE_FEEDBACK", "POOR_SCORE");
        assertThat(list.getList("items.status")).containsOnly("OPEN");
        assertThat(list.getList("items.tenant")).containsOnly("acme");
        assertThat(list.getList("items.findAll { it.type == 'POOR_SCORE' }.reasons[0]", String.class)).containsExactly(
                "q1: How satisfied were you with the call overall? = 1",
                "q2: How would you rate the agent's technical ability? = 1");
        assertThat(list.getList("items.findAll { it.type == 'NEGATIVE_FEEDBACK' }.reasons[0]", String.class))
                .containsExactly("Customer threatens to cancel");
        assertThat(list.<Map<String, Object>>getList("items[0].recipients")).containsExactly(
                Map.of("managerId", "mia-jones", "name", "Mia Jones", "email", "mia.jones@acme.example"));

        EventEnvelope<EscalationsRaised> announced = awaitOneAnnouncement(surveyId);
        assertThat(announced.type()).isEqualTo(EscalationsRaised.TYPE);
        assertThat(announced.tenant()).isEqualTo("acme");
        assertThat(announced.aggregateId()).isEqualTo(surveyId);
        assertThat(announced.payload().level()).isEqualTo(1);
        assertThat(announced.payload().survey()).isEqualTo(survey);
        assertThat(announced.payload().escalations()).extracting(RaisedEscalation::type)
                .containsExactly(EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE);
        assertThat(announced.payload().escalations()).extracting(RaisedEscalation::escalationId)
                .containsExactlyInAnyOrderElementsOf(list.getList("items.id"));
        List<String> ids = announced.payload().escalations().stream().map(RaisedEscalation::escalationId).toList();
        Map<String, String> links = announced.payload().recipients().get(0).acknowledgeUrls();
        assertThat(announced.payload().recipients()).containsExactly(new Recipient("mia-jones", "Mia Jones",
                "mia.jones@acme.example", "Europe/London", List.of("EMAIL"), ids, links, null, null));
        assertThat(links).as("Mia's own acknowledge link for each").containsOnlyKeys(ids)
                .allSatisfy((id, url) -> assertThat(url).startsWith("http://localhost:8082/a/"));
        assertThat(links.values()).doesNotHaveDuplicates();
    }

    @Test
    void aRedeliveredEventAndTheSameSurveyUnderANewEventIdRaiseNothingMore() {
        String surveyId = newSurveyId();
        Survey survey = survey(surveyId, "billing-uk", NO_FLAGS, 1, 4);
        EventEnvelope<?> first = submitted("acme", survey);
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(first));
        List<Object> ids = awaitEscalations(surveyId, 1).getList("items.id");
        awaitOneAnnouncement(surveyId);

        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(first));
        EventEnvelope<?> replay = submitted("acme", survey);
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(replay));

        await().atMost(PATIENCE).until(() -> processed(replay.eventId()));
        awaitQuiet();
        assertThat(escalations(surveyId).getList("items.id")).isEqualTo(ids);
        assertThat(broker.raisedFor(surveyId)).hasSize(1);
    }

    @Test
    void aLeadGoesToTheTeamAndToTheSalesContactWhoHearsOfTheLeadOnly() {
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey(surveyId, "billing-uk",
                new Survey.CsrFlags(false, null, true, "RENEWAL", "Contract ends in March"), 5, 5))));

        JsonPath list = awaitEscalations(surveyId, 2);
        assertThat(list.getList("items.findAll { it.type == 'LEAD' }.recipients[0].email", String.class))
                .containsExactly("mia.jones@acme.example", "priya.shah@acme.example");
        assertThat(list.getList("items.findAll { it.type == 'ALL_FIVES' }.recipients[0].email", String.class))
                .containsExactly("mia.jones@acme.example");
        assertThat(list.getList("items.findAll { it.type == 'LEAD' }.reasons[0]", String.class))
                .containsExactly("Lead (RENEWAL): Contract ends in March");

        EscalationsRaised announced = awaitOneAnnouncement(surveyId).payload();
        String leadId = idOf(announced, EscalationType.LEAD);
        String fivesId = idOf(announced, EscalationType.ALL_FIVES);
        assertThat(announced.recipients()).extracting(Recipient::managerId).containsExactly("mia-jones", "priya-shah");
        assertThat(announced.recipients().get(0).escalationIds()).containsExactly(leadId, fivesId);
        assertThat(announced.recipients().get(1).escalationIds()).containsExactly(leadId);
    }

    @Test
    void anUnknownTeamGoesToTheTenantsFallbackContact() {
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED,
                EventCodec.encode(submitted("acme", survey(surveyId, "night-shift", NO_FLAGS, 2, 1))));

        JsonPath list = awaitEscalations(surveyId, 1);
        assertThat(list.getList("items[0].recipients.email")).containsExactly("cx-desk@acme.example");
        assertThat(list.getString("items[0].agent.team")).isEqualTo("night-shift");

        EscalationsRaised announced = awaitOneAnnouncement(surveyId).payload();
        assertThat(announced.recipients()).extracting(Recipient::email).containsExactly("cx-desk@acme.example");
    }

    @Test
    void eachTenantRoutesThroughItsOwnDirectory() {
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED,
                EventCodec.encode(submitted("globex", survey(surveyId, "helpdesk", NO_FLAGS, 1))));

        EscalationsRaised announced = awaitOneAnnouncement(surveyId).payload();
        assertThat(announced.recipients()).extracting(Recipient::email).containsExactly("gus.grant@globex.example");
        given().auth().preemptive().basic("admin@globex.example", "globex-admin")
                .queryParam("surveyId", surveyId)
                .get("/api/v1/escalations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].tenant", equalTo("globex"));
    }

    @Test
    void aSurveyThatCallsForNothingRaisesAndPublishesNothing() {
        String surveyId = newSurveyId();
        EventEnvelope<?> event = submitted("acme", survey(surveyId, "billing-uk", NO_FLAGS, 5, 5, 4));

        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(event));

        await().atMost(PATIENCE).until(() -> processed(event.eventId()));
        awaitQuiet();
        assertThat(escalations(surveyId).getInt("total")).isZero();
        assertThat(broker.raisedFor(surveyId)).isEmpty();
    }

    @Test
    void deliveryReportsShowOnTheTimelineOncePerReport() {
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey(surveyId, "billing-uk",
                new Survey.CsrFlags(true, null, false, null, null), 1))));
        EscalationsRaised announced = awaitOneAnnouncement(surveyId).payload();
        List<String> ids = announced.escalations().stream().map(RaisedEscalation::escalationId).toList();
        String poorId = idOf(announced, EscalationType.POOR_SCORE);

        EventEnvelope<AlertDelivered> sent = TestSurveys.delivered("acme", surveyId, ids, "mia-jones",
                "mia.jones@acme.example", AlertDelivered.SENT);
        broker.send(Channels.ALERTS_DELIVERED, EventCodec.encode(sent));
        broker.send(Channels.ALERTS_DELIVERED, EventCodec.encode(sent));
        broker.send(Channels.ALERTS_DELIVERED, EventCodec.encode(TestSurveys.delivered("acme", surveyId,
                List.of(poorId), "priya-shah", "priya.shah@acme.example", AlertDelivered.FAILED)));

        await().atMost(PATIENCE).untilAsserted(() -> detail(poorId)
                .body("timeline.kind", contains("RAISED", "NOTIFIED", "NOTIFICATION_FAILED")));
        awaitQuiet();
        detail(poorId)
                .body("timeline", hasSize(3))
                .body("timeline[0].actor", equalTo("escalation-engine"))
                .body("timeline[1].actor", equalTo("notification-service"))
                .body("timeline[1].channel", equalTo("EMAIL"))
                .body("timeline[1].recipientEmail", equalTo("mia.jones@acme.example"))
                .body("timeline[1].level", equalTo(1))
                .body("timeline[1].detail", equalTo("EMAIL alert (level 1) accepted for mia.jones@acme.example"))
                .body("timeline[2].recipientEmail", equalTo("priya.shah@acme.example"));
        String negativeId = idOf(announced, EscalationType.NEGATIVE_FEEDBACK);
        detail(negativeId).body("timeline.kind", contains("RAISED", "NOTIFIED"));
    }

    @Test
    void aDeliveryReportNeverTouchesAnotherTenantsEscalation() {
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED,
                EventCodec.encode(submitted("acme", survey(surveyId, "billing-uk", NO_FLAGS, 1))));
        String id = awaitOneAnnouncement(surveyId).payload().escalations().get(0).escalationId();

        EventEnvelope<AlertDelivered> foreign = TestSurveys.delivered("globex", surveyId, List.of(id, "not-a-uuid"),
                "gus-grant", "gus.grant@globex.example", AlertDelivered.SENT);
        broker.send(Channels.ALERTS_DELIVERED, EventCodec.encode(foreign));

        await().atMost(PATIENCE).until(() -> processed(foreign.eventId()));
        detail(id).body("timeline.kind", contains("RAISED"));
    }

    @Test
    void unreadableMessagesAndUnknownTenantsAreParkedOnTheDeadLetterAddressNotLost() {
        long parked = localBroker.messageCount("DLQ." + Channels.SURVEYS_SUBMITTED);

        broker.send(Channels.SURVEYS_SUBMITTED, "{ this is not an event");
        broker.send(Channels.SURVEYS_SUBMITTED,
                EventCodec.encode(submitted("hooli", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1))));
        // meanwhile the consumer goes on with good messages
        String surveyId = newSurveyId();
        broker.send(Channels.SURVEYS_SUBMITTED,
                EventCodec.encode(submitted("acme", survey(surveyId, "billing-uk", NO_FLAGS, 1))));
        await().atMost(PATIENCE).until(() -> broker.raisedFor(surveyId).size() == 1);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> localBroker.messageCount("DLQ." + Channels.SURVEYS_SUBMITTED) == parked + 2);
    }

    // --- helpers ------------------------------------------------------------------------------

    static JsonPath escalations(String surveyId) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .queryParam("surveyId", surveyId)
                .get("/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitEscalations(String surveyId, int count) {
        return await().atMost(PATIENCE).until(() -> escalations(surveyId), list -> list.getInt("total") == count);
    }

    static io.restassured.response.ValidatableResponse detail(String id) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .get("/api/v1/escalations/{id}", id)
                .then().statusCode(200);
    }

    EventEnvelope<EscalationsRaised> awaitOneAnnouncement(String surveyId) {
        await().atMost(PATIENCE).until(() -> !broker.raisedFor(surveyId).isEmpty());
        awaitQuiet();
        assertThat(broker.raisedFor(surveyId)).hasSize(1);
        return broker.raisedFor(surveyId).get(0);
    }

    static String idOf(EscalationsRaised raised, EscalationType type) {
        return raised.escalations().stream().filter(e -> e.type() == type).findFirst().orElseThrow().escalationId();
    }

    boolean processed(UUID eventId) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0) == 1;
    }

    /**
     * Waits until nothing is in flight: every message sent to the engine acknowledged (so its
     * transaction committed), the outbox drained, and everything published received by the test.
     */
    void awaitQuiet() {
        await().atMost(PATIENCE).until(() -> localBroker.messageCount(Channels.SURVEYS_SUBMITTED) == 0
                && localBroker.messageCount(Channels.ALERTS_DELIVERED) == 0
                && relay.pending().await().atMost(Duration.ofSeconds(10)) == 0
                && localBroker.messageCount(Channels.ESCALATIONS_RAISED) == 0);
    }
}
