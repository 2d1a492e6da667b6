package dev.closeloop.escalation.sla;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.localstack.testing.MovableClock;
import dev.closeloop.escalation.TestSurveys;
import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Quiet hours, as the engine decides them: praise and leads raised outside a manager's working hours
 * are announced with {@code holdUntil} (the notification-service holds them and sends one digest);
 * negative escalations are announced for at once, day and night, and take along what goes to the same
 * manager. The clock is set by the test.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class DeliveryTimingTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Saturday noon in London: Bill Lumbergh (initech, Mon-Fri 09:00-17:00 Europe/London by default) is off. */
    static final Instant SATURDAY_NOON = Instant.parse("2026-12-05T12:00:00Z");

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @Inject
    EscalationService escalations;
    @Inject
    Pool pool;

    EngineBroker broker;
    MovableClock clock;

    @BeforeEach
    void setUp() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
        clock = new MovableClock(SATURDAY_NOON);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void praiseOutsideWorkingHoursIsHeldUntilTheManagersDayStarts() throws Throwable {
        Survey survey = raise("initech", survey(newSurveyId(), "tps", NO_FLAGS, 5, 5));

        Recipient bill = only(announced(survey));
        assertThat(bill.email()).isEqualTo("bill@initech.example");
        assertThat(bill.holdUntil()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(raisedDetail(survey, "admin@initech.example"))
                .endsWith("The alert to Bill Lumbergh waits for their working hours: 2026-12-07T09:00:00Z.");
    }

    @Test
    void praiseInWorkingHoursGoesAtOnce() throws Throwable {
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        Survey survey = raise("initech", survey(newSurveyId(), "tps", NO_FLAGS, 5));

        assertThat(only(announced(survey)).holdUntil()).isNull();
    }

    @Test
    void negativeFeedbackGoesAtOnceAtNightAndTakesThePraiseForTheSameManagerAlong() throws Throwable {
        clock.set(Instant.parse("2026-12-06T02:00:00Z"));
        // all 5s and the CSR's flag: NEGATIVE_FEEDBACK and ALL_FIVES, both to the team manager Mia
        Survey survey = raise("acme", survey(newSurveyId(), "billing-uk",
                new Survey.CsrFlags(true, "Asked for a call back", false, null, null), 5, 5));

        Recipient mia = only(announced(survey));
        assertThat(mia.email()).isEqualTo("mia.jones@acme.example");
        assertThat(mia.escalationIds()).hasSize(2);
        assertThat(mia.holdUntil()).isNull();
    }

    private Survey raise(String tenant, Survey survey) throws Throwable {
        assertThat(VertxContextSupport.subscribeAndAwait(
                () -> escalations.raise(TestSurveys.submitted(tenant, survey)))).isNotEmpty();
        return survey;
    }

    private EventEnvelope<EscalationsRaised> announced(Survey survey) {
        return await().atMost(PATIENCE).until(() -> broker.raisedFor(survey.surveyId()), list -> list.size() == 1)
                .get(0);
    }

    private static Recipient only(EventEnvelope<EscalationsRaised> event) {
        List<Recipient> recipients = event.payload().recipients();
        assertThat(recipients).hasSize(1);
        return recipients.get(0);
    }

    private String raisedDetail(Survey survey, String admin) {
        String id = pool.preparedQuery("SELECT id::text FROM escalation WHERE survey_id = $1")
                .execute(Tuple.of(survey.surveyId())).await().indefinitely().iterator().next().getString(0);
        return given().auth().preemptive().basic(admin, "closeloop-admin").get("/api/v1/escalations/{id}", id)
                .then().statusCode(200).extract().jsonPath().getString("timeline[0].detail");
    }
}
