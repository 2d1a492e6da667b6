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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.localstack.testing.MovableClock;
import dev.closeloop.escalation.TestSurveys;
import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.escalation.service.SlaTimers;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * SLA re-escalation against real PostgreSQL and the broker, with the clock moved by hand: the
 * engine's own check is off in tests, so each test decides when the database is asked for overdue
 * levels ({@link SlaTimers#fireOverdue()}), as the scheduled check would after any delay or downtime.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class SlaEscalationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @Inject
    EscalationService escalations;
    @Inject
    SlaTimers timers;
    @Inject
    Pool pool;

    EngineBroker broker;
    MovableClock clock;

    @BeforeEach
    void setUp() throws Throwable {
        broker = EngineBroker.connect(amqpHost, amqpPort);
        // escalations other tests left open are overdue at any later time: take every one of them to its last level
        // (or to a deadline after 2200) first, so that what a test counts is its own
        clock = new MovableClock(Instant.parse("2200-01-01T00:00:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);
        while (fire() > 0) {
            // until nothing is overdue at 2200
        }
    }

    @Test
    void theNextLevelIsAlertedOnceWhenNobodyAcknowledgesInTime() throws Throwable {
        Instant raisedAt = Instant.parse("2101-03-02T10:00:00Z");
        clock.set(raisedAt);
        Survey survey = raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 4));
        String id = escalationId(survey, EscalationType.POOR_SCORE);
        assertThat(column(id, "level")).isEqualTo("1");
        assertThat(column(id, "overdue_at")).startsWith("2101-03-02T10:30");

        clock.set(raisedAt.plus(Duration.ofMinutes(29)));
        assertThat(fire()).isZero();
        clock.set(raisedAt.plus(Duration.ofMinutes(30)));
        assertThat(fire()).isEqualTo(1);
        assertThat(fire()).as("the same deadline never fires twice").isZero();

        EventEnvelope<EscalationsRaised> level2 = awaitLevel(survey, 2);
        assertThat(level2.payload().recipients()).extracting(Recipient::email).containsExactly("hana.sato@acme.example");
        assertThat(level2.payload().escalations()).extracting(RaisedEscalation::escalationId).containsExactly(id);
        assertThat(column(id, "level")).isEqualTo("2");
        assertThat(column(id, "overdue_at")).startsWith("2101-03-02T11:30");
        JsonPath detail = detail(id);
        assertThat(detail.getList("timeline.kind", String.class)).containsExactly("RAISED", "ESCALATED");
        assertThat(detail.getString("timeline[1].detail"))
                .startsWith("Nobody acknowledged within PT30M (wall clock) at level 1; escalated to level 2: "
                        + "Hana Sato <hana.sato@acme.example>.");
        assertThat(detail.getString("timeline[1].at")).isEqualTo("2101-03-02T10:30:00Z");

        clock.set(raisedAt.plus(Duration.ofMinutes(90)));
        assertThat(fire()).isEqualTo(1);
        assertThat(awaitLevel(survey, 3).payload().recipients()).extracting(Recipient::email)
                .containsExactly("omar.haddad@acme.example");
        assertThat(column(id, "overdue_at")).as("the last level has nobody after it").isNull();
        clock.set(raisedAt.plus(Duration.ofDays(3)));
        assertThat(fire()).isZero();
    }

    @Test
    void acknowledgingStopsTheReEscalation() throws Throwable {
        Instant raisedAt = Instant.parse("2101-04-06T08:00:00Z");
        clock.set(raisedAt);
        Survey survey = raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        String id = escalationId(survey, EscalationType.POOR_SCORE);
        awaitLevel(survey, 1);

        clock.set(raisedAt.plus(Duration.ofMinutes(10)));
        given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager")
                .header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/escalations/{id}/acknowledge", id)
                .then().statusCode(200);
        assertThat(column(id, "overdue_at")).isNull();

        clock.set(raisedAt.plus(Duration.ofHours(5)));
        assertThat(fire()).isZero();
        assertThat(detail(id).getList("timeline.kind", String.class)).containsExactly("RAISED", "ACKNOWLEDGED");
        assertThat(column(id, "level")).isEqualTo("1");
    }

    @Test
    void aDeadlinePassedDuringDowntimeFiresLateAtTheFirstCheckAndTheNextLevelCountsFromThen() throws Throwable {
        Instant raisedAt = Instant.parse("2101-05-03T09:00:00Z");
        clock.set(raisedAt);
        Survey survey = raise("acme", survey(newSurveyId(), "support-us", NO_FLAGS, 1));
        String id = escalationId(survey, EscalationType.POOR_SCORE);

        // nothing checked for five hours (the engine was down): both deadlines would have passed by now
        Instant backUp = raisedAt.plus(Duration.ofHours(5));
        clock.set(backUp);
        assertThat(fire()).isEqualTo(1);
        assertThat(column(id, "level")).isEqualTo("2");
        assertThat(column(id, "overdue_at")).as("level 2 gets its full hour from when it was alerted")
                .startsWith("2101-05-03T15:00");
        assertThat(awaitLevel(survey, 2).payload().recipients()).extracting(Recipient::email)
                .containsExactly("hana.sato@acme.example");
    }

    @Test
    void twoEnginesCheckingAtOnceAlertEachOverdueLevelExactlyOnce() throws Throwable {
        Instant raisedAt = Instant.parse("2101-06-01T12:00:00Z");
        clock.set(raisedAt);
        List<Survey> surveys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            surveys.add(raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 2)));
        }
        clock.set(raisedAt.plus(Duration.ofMinutes(31)));

        // two checks on two threads, each with its own transaction and connection: two replicas racing
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> check = () -> {
                try {
                    return fire();
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<Integer> first = replicas.submit(check);
            Future<Integer> second = replicas.submit(check);
            assertThat(first.get() + second.get()).isEqualTo(surveys.size());
        } finally {
            replicas.shutdownNow();
        }
        for (Survey survey : surveys) {
            String id = escalationId(survey, EscalationType.POOR_SCORE);
            await().atMost(PATIENCE).until(() -> broker.raisedFor(survey.surveyId()).size() == 2);
            assertThat(broker.raisedFor(survey.surveyId())).extracting(e -> e.payload().level()).containsExactly(1, 2);
            assertThat(detail(id).getList("timeline.kind", String.class)).containsExactly("RAISED", "ESCALATED");
        }
    }

    @Test
    void escalationsOfOneSurveyFallingDueTogetherReachTheNextLevelAsOneAlert() throws Throwable {
        Instant raisedAt = Instant.parse("2101-07-01T12:00:00Z");
        clock.set(raisedAt);
        Survey survey = raise("acme", survey(newSurveyId(), "billing-uk",
                new Survey.CsrFlags(true, "Wants a call back", false, null, null), 1, 3));
        clock.set(raisedAt.plus(Duration.ofMinutes(30)));
        assertThat(fire()).isEqualTo(2);

        EventEnvelope<EscalationsRaised> level2 = awaitLevel(survey, 2);
        assertThat(level2.payload().escalations()).extracting(RaisedEscalation::type)
                .containsExactlyInAnyOrder(EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE);
        assertThat(level2.payload().recipients()).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo("hana.sato@acme.example");
            assertThat(r.escalationIds()).hasSize(2);
        });
        assertThat(broker.raisedFor(survey.surveyId())).extracting(e -> e.payload().level()).containsExactly(1, 2);
    }

    @Test
    void aSurveysEscalationsStayInOneAlertWhenTheBatchLimitFallsBetweenThem() throws Throwable {
        // found by ./closeloop chaos: after an engine restart a backlog of overdue levels is fired in batches of
        // closeloop.sla.batch-size (50) escalations; one survey's two escalations must not be split over two alerts
        Instant raisedAt = Instant.parse("2101-08-01T12:00:00Z");
        clock.set(raisedAt);
        raise("acme", survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 3));
        List<Survey> twoEach = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            // one second apart, so the 25th survey's escalations are the 50th and 51st overdue
            clock.set(raisedAt.plusSeconds(i));
            twoEach.add(raise("acme", survey(newSurveyId(), "billing-uk",
                    new Survey.CsrFlags(true, "Wants a call back", false, null, null), 1, 3)));
        }
        clock.set(raisedAt.plus(Duration.ofHours(1)));
        assertThat(fire()).isEqualTo(51);
        for (Survey survey : twoEach) {
            EventEnvelope<EscalationsRaised> level2 = awaitLevel(survey, 2);
            assertThat(level2.payload().escalations()).as(survey.surveyId()).hasSize(2);
            assertThat(broker.raisedFor(survey.surveyId())).extracting(e -> e.payload().level())
                    .containsExactly(1, 2);
        }
    }

    @Test
    void businessHoursSkipTheHolidaysAndWeekendOfTheSlowestRecipientsSite() throws Throwable {
        // Thursday 24 Dec 2026 16:30 in London (GMT). Level 1 is Lena (London, 09-17, closed 25 and 28 Dec) and Kenji
        // (Tokyo, 09-18) with 2 business hours each. Lena: 30 min on the 24th, then nothing until Tuesday 29th
        // 09:00, + 1 h 30 = 10:30Z. Kenji: it is already Friday 01:30 in Tokyo; 09:00-11:00 JST = 00:00-02:00Z on the
        // 25th. The level is overdue when both have had their time: 29 Dec 10:30Z.
        Instant raisedAt = Instant.parse("2026-12-24T16:30:00Z");
        clock.set(raisedAt);
        Survey survey = raise("initech", survey(newSurveyId(), "tps", NO_FLAGS, 1));
        String id = escalationId(survey, EscalationType.POOR_SCORE);
        assertThat(column(id, "overdue_at")).startsWith("2026-12-29T10:30");

        clock.set(Instant.parse("2026-12-29T10:29:59Z"));
        assertThat(fire()).isZero();
        clock.set(Instant.parse("2026-12-29T10:30:00Z"));
        assertThat(fire()).isEqualTo(1);
        assertThat(awaitLevel(survey, 2).payload().recipients()).extracting(Recipient::email)
                .containsExactly("bill@initech.example");
        assertThat(detail(id, "admin@initech.example").getString("timeline[1].detail"))
                .startsWith("Nobody acknowledged within PT2H (business hours) at level 1; escalated to level 2");
    }

    private Survey raise(String tenant, Survey survey) throws Throwable {
        List<RaisedEscalation> raised = VertxContextSupport.subscribeAndAwait(
                () -> escalations.raise(TestSurveys.submitted(tenant, survey)));
        assertThat(raised).isNotEmpty();
        return survey;
    }

    private int fire() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> timers.fireOverdue());
    }

    private EventEnvelope<EscalationsRaised> awaitLevel(Survey survey, int level) {
        return await().atMost(PATIENCE).until(() -> broker.raisedFor(survey.surveyId()).stream()
                .filter(e -> e.payload().level() == level).findFirst().orElse(null), e -> e != null);
    }

    private String escalationId(Survey survey, EscalationType type) {
        return pool.preparedQuery("SELECT id::text FROM escalation WHERE survey_id = $1 AND type = $2")
                .execute(Tuple.of(survey.surveyId(), type.name())).await().indefinitely()
                .iterator().next().getString(0);
    }

    private String column(String id, String column) {
        Object value = pool.preparedQuery("SELECT " + column + " FROM escalation WHERE id = $1::uuid")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getValue(0);
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant().toString();
        }
        return value == null ? null : value.toString();
    }

    private JsonPath detail(String id) {
        return detail(id, "admin@acme.example");
    }

    private JsonPath detail(String id, String admin) {
        return given().auth().preemptive().basic(admin, "closeloop-admin")
                .get("/api/v1/escalations/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }
}
