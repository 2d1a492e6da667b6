package dev.closeloop.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.MailSinkTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import dev.closeloop.notification.AlertTraffic;
import dev.closeloop.notification.TestAlerts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Digests and burst grouping against real PostgreSQL, Artemis and GreenMail. The test sets the service's clock
 * (each test in its own far-future stretch of time, each with its own recipient) and lets the worker's poll
 * find what fell due: no waiting for hours, no sleeping.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(MailSinkTestResource.class)
class HeldAndGroupedDeliveryTest extends AbstractDeliveryTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Survey.Agent SAM = new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester");
    private static final Survey.Agent ANA = new Survey.Agent("csr-42", "Ana Ruiz", "billing-uk", "leeds");

    @Inject
    AlertIntake intake;

    @Test
    void alertsHeldForWorkingHoursGoOutAsOneDigestWhenTheyStartAndEachIsReportedDelivered() throws Exception {
        Instant evening = Instant.parse("2101-03-04T19:00:00Z");
        Instant morning = Instant.parse("2101-03-05T08:00:00Z");
        String mia = newRecipient();
        at(evening);
        List<EventEnvelope<AlertReady>> held = threeHeldUntil(morning, mia);
        assertThat(rowsOf(mia)).extracting(row -> row.getString("batch")).containsOnly("DIGEST").hasSize(3);

        // an alert that cannot wait reaches her at once, on its own
        EventEnvelope<AlertReady> urgent = accepted(TestAlerts.alert(newSurveyId(), mia));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 1);
        assertThat(mail.receivedBy(mia).get(0).getSubject()).startsWith("[Closeloop] Poor score + Negative feedback");

        // the broker redelivers a held alert; the recording-service re-publishes another under a new id
        traffic.send(held.get(0));
        accepted(republished(held.get(1)));

        at(morning.minusSeconds(1));
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(mia).size() == 1);
        assertThat(rowsOf(mia)).hasSize(4);
        assertThat(rowsOf(mia)).filteredOn(row -> "DIGEST".equals(row.getString("batch")))
                .allSatisfy(row -> assertThat(row.getString("status")).isEqualTo("PENDING"));

        at(morning);
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 2);
        MimeMessage digest = mail.receivedBy(mia).get(1);
        assertThat(digest.getSubject()).isEqualTo("[Closeloop] 3 alerts held for your working hours");
        assertThat(digest.getMessageID()).startsWith("<digest-").endsWith("@closeloop.local>");
        String text = AlertTraffic.part(digest, "text/plain");
        String html = AlertTraffic.part(digest, "text/html");
        for (EventEnvelope<AlertReady> alert : held) {
            String surveyId = surveyOf(alert);
            assertThat(text).contains("Survey " + surveyId, "Listen:    " + linkOf(surveyId));
            assertThat(html).contains("href=\"" + linkOf(surveyId) + "\"");
        }
        assertThat(text).contains("Dana Smith", "Lee Brown", "Kim Park", "CSR: Customer threatens to cancel")
                .doesNotContain(surveyOf(urgent));
        assertThat(html).as("reasons escaped in the shared escalations tag too")
                .contains("the agent&#39;s technical ability").doesNotContain("the agent's technical ability");

        for (EventEnvelope<AlertReady> alert : held) {
            awaitReportedSentOnce(alert);
        }
        awaitReportedSentOnce(urgent);
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(mia).size() == 2);
        assertThat(rowsOf(mia)).hasSize(4).allSatisfy(row -> {
            assertThat(row.getString("status")).isEqualTo("SENT");
            assertThat(row.getInteger("attempts")).isEqualTo(1);
        });
    }

    @Test
    void aDigestThatCannotBeSentIsRetriedAsAWholeAndSentOnce() throws Exception {
        Instant evening = Instant.parse("2101-06-10T19:00:00Z");
        Instant morning = Instant.parse("2101-06-11T08:00:00Z");
        String mia = newRecipient();
        at(evening);
        List<EventEnvelope<AlertReady>> held = threeHeldUntil(morning, mia);

        mail.stop();
        try {
            at(morning);
            await().atMost(ARRIVES).until(() -> rowsOf(mia).stream().allMatch(row -> row.getInteger("attempts") == 1));
            List<Row> waiting = rowsOf(mia);
            assertThat(waiting).allSatisfy(row -> {
                assertThat(row.getString("status")).isEqualTo("PENDING");
                assertThat(row.getString("last_error")).isNotBlank();
            });
            Instant dueAgain = waiting.get(0).getOffsetDateTime("next_attempt_at").toInstant();
            assertThat(dueAgain).isAfter(morning);
            assertThat(waiting).extracting(row -> row.getOffsetDateTime("next_attempt_at").toInstant())
                    .as("due again together, so they stay one email").containsOnly(dueAgain);
            assertThat(held).allSatisfy(alert -> assertThat(traffic.deliveredFor(surveyOf(alert))).isEmpty());
        } finally {
            mail.start();
        }

        at(morning.plus(Duration.ofMinutes(1)));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 1);
        assertThat(mail.receivedBy(mia).get(0).getSubject()).isEqualTo("[Closeloop] 3 alerts held for your working hours");
        for (EventEnvelope<AlertReady> alert : held) {
            assertThat(awaitReportedSentOnce(alert).attempts()).isEqualTo(2);
        }
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(mia).size() == 1);
    }

    @Test
    void aBurstAboutOneAgentIsTheFirstAlertAtOnceAndTheRestInOneGroupedEmailWhenTheWindowCloses() throws Exception {
        Instant start = Instant.parse("2102-06-01T10:00:00Z");
        String mia = newRecipient();
        Recipient grouping = TestAlerts.groupedWithin(mia, TEN_MINUTES);

        at(start);
        EventEnvelope<AlertReady> first = accepted(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer 1"));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 1);
        assertThat(mail.receivedBy(mia).get(0).getSubject())
                .isEqualTo("[Closeloop] Poor score + Negative feedback — Customer 1 (billing-uk)");

        at(start.plus(Duration.ofMinutes(2)));
        EventEnvelope<AlertReady> second = accepted(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer 2"));
        at(start.plus(Duration.ofMinutes(3)));
        EventEnvelope<AlertReady> aboutAna = accepted(TestAlerts.alert(newSurveyId(), grouping, ANA, "Customer A1"));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 2);
        assertThat(mail.receivedBy(mia).get(1).getSubject()).as("another agent's alert is not held for Sam's burst")
                .isEqualTo("[Closeloop] Poor score + Negative feedback — Customer A1 (billing-uk)");
        at(start.plus(Duration.ofMinutes(5)));
        EventEnvelope<AlertReady> third = accepted(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer 3"));
        at(start.plus(Duration.ofMinutes(6)));
        EventEnvelope<AlertReady> againAboutAna = accepted(
                TestAlerts.alert(newSurveyId(), grouping, ANA, "Customer A2"));
        at(start.plus(Duration.ofMinutes(9)));
        EventEnvelope<AlertReady> fourth = accepted(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer 4"));

        at(start.plus(TEN_MINUTES).minusSeconds(1));
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(mia).size() == 2);

        at(start.plus(TEN_MINUTES));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 3);
        MimeMessage grouped = mail.receivedBy(mia).get(2);
        assertThat(grouped.getSubject())
                .isEqualTo("[Closeloop] 3 more alerts about Sam Lee (agent csr-17) in the last 10 minutes");
        assertThat(grouped.getMessageID()).startsWith("<group-");
        String text = AlertTraffic.part(grouped, "text/plain");
        assertThat(text).contains("Customer 2", "Customer 3", "Customer 4", linkOf(surveyOf(second)),
                linkOf(surveyOf(third)), linkOf(surveyOf(fourth)))
                .doesNotContain("Customer 1", "Customer A1", "Customer A2");
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(mia).size() == 3);

        // Sam's window has closed: the next alert about him opens a new one, and goes at once
        at(start.plus(Duration.ofMinutes(11)));
        EventEnvelope<AlertReady> fifth = accepted(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer 5"));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 4);
        assertThat(mail.receivedBy(mia).get(3).getSubject()).endsWith("— Customer 5 (billing-uk)");

        at(start.plus(Duration.ofMinutes(13)));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 5);
        MimeMessage anaGrouped = mail.receivedBy(mia).get(4);
        assertThat(anaGrouped.getSubject())
                .isEqualTo("[Closeloop] 1 more alert about Ana Ruiz (agent csr-42) in the last 10 minutes");
        assertThat(AlertTraffic.part(anaGrouped, "text/plain")).contains("Customer A2").doesNotContain("Sam Lee");

        for (EventEnvelope<AlertReady> alert : List.of(first, second, third, fourth, fifth, aboutAna, againAboutAna)) {
            awaitReportedSentOnce(alert);
        }
    }

    @Test
    void alertsAboutOneAgentArrivingAtOnceOpenOneWindowNotSeveral() throws Exception {
        Instant start = Instant.parse("2103-01-05T10:00:00Z");
        String mia = newRecipient();
        Recipient grouping = TestAlerts.groupedWithin(mia, TEN_MINUTES);
        at(start);
        List<EventEnvelope<AlertReady>> alerts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            alerts.add(envelope(TestAlerts.alert(newSurveyId(), grouping, SAM, "Customer " + i)));
        }

        // Each intake on its own thread and transaction (as on several replicas), made to race at their worst:
        // the test holds the delivery table so that none can write its row until every one is under way (has
        // looked for an open window, or waits for the lock that guards looking).
        SqlConnection tableHolder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        ExecutorService threads = Executors.newFixedThreadPool(alerts.size());
        try {
            tableHolder.query("BEGIN").execute().await().atMost(Duration.ofSeconds(10));
            tableHolder.query("LOCK TABLE delivery IN EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(10));
            List<Future<Boolean>> accepted = new ArrayList<>();
            for (EventEnvelope<AlertReady> alert : alerts) {
                accepted.add(threads.submit(() -> accept(alert)));
            }
            await().atMost(ARRIVES).until(() -> intakesWaitingForALock() == alerts.size());
            tableHolder.query("COMMIT").execute().await().atMost(Duration.ofSeconds(10));
            for (Future<Boolean> each : accepted) {
                assertThat(each.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
            tableHolder.close().await().atMost(Duration.ofSeconds(10));
        }

        List<Row> rows = rowsOf(mia);
        assertThat(rows).filteredOn(row -> row.getValue("group_window_ends_at") != null).as("heads").hasSize(1);
        assertThat(rows).filteredOn(row -> "GROUP".equals(row.getString("batch"))).hasSize(3)
                .allSatisfy(row -> assertThat(row.getOffsetDateTime("next_attempt_at").toInstant())
                        .isEqualTo(start.plus(TEN_MINUTES)));

        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 1);
        at(start.plus(TEN_MINUTES));
        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 2);
        assertThat(mail.receivedBy(mia).get(1).getSubject()).startsWith("[Closeloop] 3 more alerts about Sam Lee");
        for (EventEnvelope<AlertReady> alert : alerts) {
            awaitReportedSentOnce(alert);
        }
    }

    private Boolean accept(EventEnvelope<AlertReady> alert) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> intake.accept(alert));
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Backends of this database waiting for a lock, but for the worker's claim (it may wait too). */
    private long intakesWaitingForALock() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query NOT LIKE $1", "WITH first AS%");
    }

    /** Three alerts for the recipient that wait for her working hours, accepted at the clock's current time. */
    private List<EventEnvelope<AlertReady>> threeHeldUntil(Instant holdUntil, String recipient) {
        List<EventEnvelope<AlertReady>> held = new ArrayList<>();
        for (String customer : List.of("Dana Smith", "Lee Brown", "Kim Park")) {
            held.add(accepted(TestAlerts.alert(newSurveyId(), TestAlerts.heldUntil(recipient, holdUntil), SAM,
                    customer)));
        }
        return held;
    }

    /** Sets the service's clock: what is due, and when held and grouped alerts fall due, follows it. */
    private static void at(Instant now) {
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);
    }

    /** Sends the alert and waits until the service has recorded it (at the clock's current time). */
    private EventEnvelope<AlertReady> accepted(AlertReady alert) {
        return accepted(envelope(alert));
    }

    private EventEnvelope<AlertReady> accepted(EventEnvelope<AlertReady> alert) {
        traffic.send(alert);
        await().atMost(ARRIVES).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = $1",
                alert.eventId()) == 1);
        return alert;
    }

    private static EventEnvelope<AlertReady> envelope(AlertReady alert) {
        return EventEnvelope.of("acme", alert.survey().surveyId(), TestAlerts.CALL_STARTED, alert);
    }

    private static EventEnvelope<AlertReady> republished(EventEnvelope<AlertReady> alert) {
        return new EventEnvelope<>(UUID.randomUUID(), alert.type(), alert.tenant(), alert.aggregateId(),
                alert.occurredAt(), alert.payload());
    }

    /** Exactly one AlertDelivered SENT for the alert, naming each of its escalations; returns it. */
    private static AlertDelivered awaitReportedSentOnce(EventEnvelope<AlertReady> alert) {
        String surveyId = surveyOf(alert);
        await().atMost(ARRIVES).until(() -> traffic.deliveredFor(surveyId).size() == 1);
        AlertDelivered delivered = traffic.deliveredFor(surveyId).get(0).payload();
        assertThat(delivered.status()).isEqualTo(AlertDelivered.SENT);
        assertThat(delivered.escalationIds()).containsExactlyElementsOf(
                alert.payload().escalations().stream().map(RaisedEscalation::escalationId).toList());
        assertThat(delivered.recipientEmail()).isEqualTo(alert.payload().recipient().email());
        return delivered;
    }

    private List<Row> rowsOf(String recipient) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT survey_id, status, batch, attempts, next_attempt_at, group_window_ends_at, "
                + "last_error FROM delivery WHERE recipient_email = $1 ORDER BY created_at")
                .execute(Tuple.of(recipient)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    private static String surveyOf(EventEnvelope<AlertReady> alert) {
        return alert.payload().survey().surveyId();
    }

    private static String linkOf(String surveyId) {
        return "http://localhost:8084/r/tok-" + surveyId;
    }

    private static String newSurveyId() {
        return "tel-" + UUID.randomUUID();
    }

    private static String newRecipient() {
        return "mia." + UUID.randomUUID() + "@acme.example";
    }
}
