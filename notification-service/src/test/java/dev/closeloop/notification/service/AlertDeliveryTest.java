package dev.closeloop.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LocalStackComponent;
import dev.closeloop.localstack.testing.MailSinkTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import dev.closeloop.notification.AlertTraffic;
import dev.closeloop.notification.TestAlerts;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.amqp.AmqpMessage;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service against real PostgreSQL, Artemis and GreenMail: alerts go in on {@code alerts.ready} through
 * a plain AMQP sender, emails come out in the mail sink, outcomes on {@code alerts.delivered} are read by
 * a plain AMQP receiver (the only consumer of that address in these tests), see {@link AlertTraffic}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(MailSinkTestResource.class)
class AlertDeliveryTest extends AbstractDeliveryTest {

    @LocalStackComponent
    LocalBroker broker;

    @Test
    void anAlertBecomesExactlyOneEmailWithHtmlAndTextAndIsReportedSent() throws Exception {
        String surveyId = "tel-" + UUID.randomUUID();
        String recipient = "mia." + UUID.randomUUID() + "@acme.example";
        EventEnvelope<AlertReady> alert = EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED,
                TestAlerts.alert(surveyId, recipient));

        send(EventCodec.encode(alert));

        await().atMost(ARRIVES).until(() -> mail.receivedBy(recipient).size() == 1);
        MimeMessage email = mail.receivedBy(recipient).get(0);
        assertThat(email.getSubject()).isEqualTo("[Closeloop] Poor score + Negative feedback — Dana Smith (billing-uk)");
        assertThat(email.getFrom()[0].toString()).contains("alerts@closeloop.local");
        String link = "http://localhost:8084/r/tok-" + surveyId;
        assertThat(part(email, "text/plain")).contains(link, "1/5 ⚠", "Dana Smith", "Customer threatens to cancel");
        assertThat(part(email, "text/html")).contains("href=\"" + link + "\"", "class=\"score-one\"");
        Row delivery = deliveryOf(surveyId);
        assertThat(email.getMessageID()).isEqualTo("<delivery-" + delivery.getUUID("id") + "@closeloop.local>");

        await().atMost(ARRIVES).until(() -> deliveredFor(surveyId).size() == 1);
        AlertDelivered delivered = deliveredFor(surveyId).get(0).payload();
        assertThat(delivered.status()).isEqualTo(AlertDelivered.SENT);
        assertThat(delivered.recipientEmail()).isEqualTo(recipient);
        assertThat(delivered.channel()).isEqualTo("EMAIL");
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.level()).isEqualTo(1);
        assertThat(delivered.managerId()).isEqualTo("mgr-mia");
        assertThat(delivered.escalationIds()).containsExactlyElementsOf(
                alert.payload().escalations().stream().map(e -> e.escalationId()).toList());
        assertThat(deliveredFor(surveyId).get(0).aggregateId()).isEqualTo(surveyId);
        assertThat(deliveredFor(surveyId).get(0).tenant()).isEqualTo("acme");

        // the broker redelivers the same event; the recording-service re-publishes the alert under a new id
        EventEnvelope<AlertReady> republished = new EventEnvelope<>(UUID.randomUUID(), alert.type(), alert.tenant(),
                alert.aggregateId(), alert.occurredAt(), alert.payload());
        send(EventCodec.encode(alert));
        send(EventCodec.encode(republished));

        await().atMost(ARRIVES).until(() -> processed(republished.eventId()));
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(recipient).size() == 1
                && deliveredFor(surveyId).size() == 1);
        assertThat(count("SELECT count(*) FROM delivery WHERE survey_id = $1", surveyId)).isEqualTo(1);
        assertThat(deliveryOf(surveyId).getString("status")).isEqualTo("SENT");
        assertThat(deliveryOf(surveyId).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void aNewLevelOrAnotherRecipientIsAnotherEmail() throws Exception {
        String surveyId = "tel-" + UUID.randomUUID();
        String mia = "mia." + UUID.randomUUID() + "@acme.example";
        String carlos = "carlos." + UUID.randomUUID() + "@acme.example";
        AlertReady toMia = TestAlerts.alert(surveyId, mia);
        AlertReady toMiaLevel2 = new AlertReady(toMia.survey(), toMia.escalations(), toMia.recipient(), 2,
                toMia.recordingUrl(), toMia.recordingUrlExpiresAt());
        AlertReady toCarlos = new AlertReady(toMia.survey(), toMia.escalations(),
                TestAlerts.recipient(carlos, "America/Chicago"), 1, null, null);

        for (AlertReady alert : List.of(toMia, toMiaLevel2, toCarlos)) {
            send(EventCodec.encode(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED, alert)));
        }

        await().atMost(ARRIVES).until(() -> mail.receivedBy(mia).size() == 2 && mail.receivedBy(carlos).size() == 1);
        assertThat(part(mail.receivedBy(carlos).get(0), "text/plain"))
                .contains("04:02 CST", "No recording for this call.");
        await().atMost(ARRIVES).until(() -> deliveredFor(surveyId).size() == 3);
    }

    @Test
    void whileSmtpIsDownTheEmailWaitsAndIsSentOnceItIsBack() {
        String surveyId = "tel-" + UUID.randomUUID();
        String recipient = "mia." + UUID.randomUUID() + "@acme.example";
        mail.stop();
        try {
            send(EventCodec.encode(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED,
                    TestAlerts.alert(surveyId, recipient))));

            await().atMost(ARRIVES).until(() -> {
                Row delivery = deliveryOfOrNull(surveyId);
                return delivery != null && delivery.getInteger("attempts") >= 2;
            });
            Row waiting = deliveryOf(surveyId);
            assertThat(waiting.getString("status")).isEqualTo("PENDING");
            assertThat(waiting.getString("last_error")).isNotBlank();
            assertThat(deliveredFor(surveyId)).isEmpty();
        } finally {
            mail.start();
        }

        await().atMost(ARRIVES).until(() -> mail.receivedBy(recipient).size() == 1);
        await().atMost(ARRIVES).until(() -> "SENT".equals(deliveryOf(surveyId).getString("status")));
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> mail.receivedBy(recipient).size() == 1);
        int attempts = deliveryOf(surveyId).getInteger("attempts");
        assertThat(attempts).isGreaterThanOrEqualTo(3);
        await().atMost(ARRIVES).until(() -> deliveredFor(surveyId).size() == 1);
        assertThat(deliveredFor(surveyId).get(0).payload().status()).isEqualTo(AlertDelivered.SENT);
        assertThat(deliveredFor(surveyId).get(0).payload().attempts()).isEqualTo(attempts);
    }

    @Test
    void anAlertSentAsAJsonDataSectionIsReadToo() {
        String surveyId = "tel-" + UUID.randomUUID();
        String recipient = "mia." + UUID.randomUUID() + "@acme.example";
        String json = EventCodec.encode(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED,
                TestAlerts.alert(surveyId, recipient)));

        traffic.sender().sendWithAckAndAwait(AmqpMessage.create().durable(true)
                .withJsonObjectAsBody(new JsonObject(json)).build());

        await().atMost(ARRIVES).until(() -> mail.receivedBy(recipient).size() == 1);
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndAlertsBehindItStillFlow() {
        String deadLetters = LocalBroker.DEAD_LETTER_ADDRESS + "." + Channels.ALERTS_READY;
        long deadBefore = broker.messageCount(deadLetters);
        String surveyId = "tel-" + UUID.randomUUID();
        String recipient = "mia." + UUID.randomUUID() + "@acme.example";

        send("{not an envelope");
        send(EventCodec.encode(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED,
                TestAlerts.alert(surveyId, recipient))));

        await().atMost(ARRIVES).until(() -> mail.receivedBy(recipient).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(deadLetters) == deadBefore + 1);
    }

    private static void send(String body) {
        traffic.send(body);
    }

    private static List<EventEnvelope<AlertDelivered>> deliveredFor(String surveyId) {
        return traffic.deliveredFor(surveyId);
    }

    private Row deliveryOf(String surveyId) {
        Row row = deliveryOfOrNull(surveyId);
        assertThat(row).as("delivery of survey %s", surveyId).isNotNull();
        return row;
    }

    private Row deliveryOfOrNull(String surveyId) {
        var rows = pool.preparedQuery("SELECT id, status, attempts, last_error FROM delivery WHERE survey_id = $1")
                .execute(Tuple.of(surveyId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private boolean processed(UUID eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = $1", eventId) == 1;
    }

    private static String part(MimeMessage message, String mimeType) throws Exception {
        return AlertTraffic.part(message, mimeType);
    }
}
