package dev.closeloop.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.localstack.VapidKeyPair;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.MailSinkTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import dev.closeloop.notification.TestAlerts;
import dev.closeloop.localstack.testing.push.FakePushService;
import dev.closeloop.notification.push.PushMessage;
import dev.closeloop.localstack.testing.push.TestBrowser;
import dev.closeloop.localstack.testing.push.VapidToken;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Browser push against real PostgreSQL and Artemis, and a push service on localhost ({@link FakePushService}) that
 * checks each request the way a browser vendor's would: the VAPID token's ES256 signature, audience and expiry,
 * the RFC 8030 headers, and the aes128gcm body, which {@link TestBrowser} decrypts with the browser's private key.
 */
@QuarkusTest
@TestProfile(PushDeliveryTest.PushOn.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(MailSinkTestResource.class)
class PushDeliveryTest extends AbstractDeliveryTest {

    /** A fresh VAPID pair, as ./closeloop up makes one. */
    public static class PushOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            VapidKeyPair pair = VapidKeyPair.generate();
            return Map.of("closeloop.push.vapid.public-key", pair.publicKey(),
                    "closeloop.push.vapid.private-key", pair.privateKey(),
                    "closeloop.push.vapid.subject", "mailto:push-test@closeloop.local");
        }
    }

    static FakePushService pushService;

    @ConfigProperty(name = "closeloop.push.vapid.public-key")
    String vapidPublicKey;

    @BeforeAll
    static void startPushService() throws Exception {
        pushService = new FakePushService();
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    @Test
    void negativeFeedbackForASubscribedManagerIsPushedOnceWithHighUrgencyAndReportedSent() throws Exception {
        String managerId = "mgr-" + UUID.randomUUID();
        TestBrowser browser = new TestBrowser();
        String endpoint = subscribe(managerId, browser);
        String surveyId = "tel-" + UUID.randomUUID();
        RaisedEscalation negative = new RaisedEscalation(UUID.randomUUID().toString(),
                EscalationType.NEGATIVE_FEEDBACK, List.of("CSR: Customer threatens to cancel"));
        AlertReady alert = TestAlerts.withAcknowledgeLinks(new AlertReady(TestAlerts.survey(surveyId, "Third call."),
                List.of(negative), pushRecipient(managerId), 1, "http://localhost:8084/r/tok-" + surveyId,
                TestAlerts.LINK_EXPIRES));
        EventEnvelope<AlertReady> envelope = EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED, alert);

        traffic.send(envelope);

        await().atMost(ARRIVES).until(() -> pushService.receivedAt(endpoint).size() == 1);
        FakePushService.Received push = pushService.receivedAt(endpoint).get(0);
        VapidToken vapid = VapidToken.verify(push.header("Authorization"));
        assertThat(vapid.publicKey()).isEqualTo(vapidPublicKey);
        assertThat(vapid.header().path("alg").asText()).isEqualTo("ES256");
        assertThat(vapid.isFor(endpoint)).as("aud is the endpoint's origin: %s", vapid.claims()).isTrue();
        assertThat(vapid.expiresAt()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(24 * 3600));
        assertThat(vapid.claims().path("sub").asText()).isEqualTo("mailto:push-test@closeloop.local");
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("86400");
        assertThat(push.header("Urgency")).isEqualTo("high");
        assertThat(push.header("Topic")).matches("[A-Za-z0-9_-]{32}");

        byte[] plaintext = browser.decrypt(push.body());
        assertThat(plaintext.length).isLessThanOrEqualTo(PushMessage.MAX_PAYLOAD);
        JsonObject payload = new JsonObject(new String(plaintext, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload.getString("title")).isEqualTo("Negative feedback — Dana Smith");
        assertThat(payload.getString("body")).contains("CSR: Customer threatens to cancel", "Sam Lee", "Third call.");
        assertThat(payload.getString("surveyId")).isEqualTo(surveyId);
        assertThat(payload.getJsonArray("escalationIds").getList()).containsExactly(negative.escalationId());
        assertThat(payload.getString("type")).isEqualTo("NEGATIVE_FEEDBACK");
        assertThat(payload.getString("acknowledgeUrl")).isEqualTo(TestAlerts.acknowledgeUrl(negative.escalationId()));
        assertThat(payload.getString("recordingUrl")).isEqualTo("http://localhost:8084/r/tok-" + surveyId);

        await().atMost(ARRIVES).until(() -> delivered(surveyId, "PUSH").size() == 1);
        AlertDelivered reported = delivered(surveyId, "PUSH").get(0);
        assertThat(reported.status()).isEqualTo(AlertDelivered.SENT);
        assertThat(reported.attempts()).isEqualTo(1);
        assertThat(reported.managerId()).isEqualTo(managerId);
        assertThat(reported.escalationIds()).containsExactly(negative.escalationId());
        await().atMost(ARRIVES).until(() -> delivered(surveyId, "EMAIL").size() == 1);

        // the broker redelivers the same event; the recording-service re-publishes the alert under a new id
        EventEnvelope<AlertReady> republished = new EventEnvelope<>(UUID.randomUUID(), envelope.type(),
                envelope.tenant(), envelope.aggregateId(), envelope.occurredAt(), envelope.payload());
        traffic.send(envelope);
        traffic.send(republished);

        await().atMost(ARRIVES).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = $1",
                republished.eventId()) == 1);
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> pushService.receivedAt(endpoint).size() == 1
                && delivered(surveyId, "PUSH").size() == 1);
        assertThat(count("SELECT count(*) FROM delivery WHERE survey_id = $1 AND channel = 'PUSH'", surveyId))
                .isEqualTo(1);
    }

    @Test
    void aBrowserItsPushServiceSaysIsGoneIsForgottenAndTheDeliveryFailsWithoutRetry() throws Exception {
        String managerId = "mgr-" + UUID.randomUUID();
        String endpoint = subscribe(managerId, new TestBrowser());
        pushService.answer(endpoint, 410);
        String surveyId = "tel-" + UUID.randomUUID();

        traffic.send(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED, alertFor(surveyId, managerId)));

        await().atMost(ARRIVES).until(() -> delivered(surveyId, "PUSH").size() == 1);
        AlertDelivered reported = delivered(surveyId, "PUSH").get(0);
        assertThat(reported.status()).isEqualTo(AlertDelivered.FAILED);
        assertThat(reported.attempts()).isEqualTo(1);
        assertThat(subscriptionsOf(managerId)).isZero();
        await().during(STAYS).atMost(STAYS.plusSeconds(5)).until(() -> pushService.receivedAt(endpoint).size() == 1);
        // email is another channel: it still goes
        await().atMost(ARRIVES).until(() -> delivered(surveyId, "EMAIL").size() == 1);
    }

    @Test
    void aPushServiceThatFailsIsTriedAgainUntilItTakesThePush() throws Exception {
        String managerId = "mgr-" + UUID.randomUUID();
        String endpoint = subscribe(managerId, new TestBrowser());
        pushService.answer(endpoint, 500);
        String surveyId = "tel-" + UUID.randomUUID();

        traffic.send(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED, alertFor(surveyId, managerId)));

        await().atMost(ARRIVES).until(() -> delivered(surveyId, "PUSH").size() == 1);
        AlertDelivered reported = delivered(surveyId, "PUSH").get(0);
        assertThat(reported.status()).isEqualTo(AlertDelivered.SENT);
        assertThat(reported.attempts()).isEqualTo(2);
        assertThat(pushService.receivedAt(endpoint)).hasSize(2);
        assertThat(subscriptionsOf(managerId)).isOne();
    }

    @Test
    void aManagerWithoutASubscribedBrowserGetsEmailAlone() {
        String managerId = "mgr-" + UUID.randomUUID();
        String surveyId = "tel-" + UUID.randomUUID();

        traffic.send(EventEnvelope.of("acme", surveyId, TestAlerts.CALL_STARTED, alertFor(surveyId, managerId)));

        await().atMost(ARRIVES).until(() -> delivered(surveyId, "EMAIL").size() == 1);
        assertThat(count("SELECT count(*) FROM delivery WHERE survey_id = $1 AND channel = 'PUSH'", surveyId))
                .isZero();
    }

    @Test
    void anUnsubscribedBrowserIsForgottenAndAnOlderChangeNeverOverwritesANewerOne() throws Exception {
        String managerId = "mgr-" + UUID.randomUUID();
        TestBrowser browser = new TestBrowser();
        String endpoint = pushService.newEndpoint();
        Instant subscribedAt = Instant.parse("2026-12-04T10:00:00Z");
        change(managerId, new PushSubscriptionChanged(managerId, endpoint, browser.p256dh(), browser.auth(), true),
                subscribedAt);
        await().atMost(ARRIVES).until(() -> subscriptionsOf(managerId) == 1);

        TestBrowser older = new TestBrowser();
        EventEnvelope<PushSubscriptionChanged> stale = change(managerId,
                new PushSubscriptionChanged(managerId, endpoint, older.p256dh(), older.auth(), true),
                subscribedAt.minusSeconds(60));
        await().atMost(ARRIVES).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = $1",
                stale.eventId()) == 1);
        assertThat(count("SELECT count(*) FROM push_subscription WHERE endpoint = $1 AND p256dh = '"
                + browser.p256dh() + "'", endpoint)).isOne();

        change(managerId, new PushSubscriptionChanged(managerId, endpoint, null, null, false),
                subscribedAt.plusSeconds(60));
        await().atMost(ARRIVES).until(() -> subscriptionsOf(managerId) == 0);
    }

    private String subscribe(String managerId, TestBrowser browser) {
        String endpoint = pushService.newEndpoint();
        change(managerId, new PushSubscriptionChanged(managerId, endpoint, browser.p256dh(), browser.auth(), true),
                Instant.now());
        await().atMost(ARRIVES).until(() -> subscriptionsOf(managerId) == 1);
        return endpoint;
    }

    private EventEnvelope<PushSubscriptionChanged> change(String managerId, PushSubscriptionChanged change,
            Instant at) {
        EventEnvelope<PushSubscriptionChanged> envelope = EventEnvelope.of("acme", managerId, at, change);
        traffic.sendTo(Channels.PUSH_SUBSCRIPTIONS, EventCodec.encode(envelope));
        return envelope;
    }

    private long subscriptionsOf(String managerId) {
        return count("SELECT count(*) FROM push_subscription WHERE manager_id = $1", managerId);
    }

    private static List<AlertDelivered> delivered(String surveyId, String channel) {
        return traffic.deliveredFor(surveyId).stream().map(EventEnvelope::payload)
                .filter(d -> d.channel().equals(channel)).toList();
    }

    private static Recipient pushRecipient(String managerId) {
        return new Recipient(managerId, "Mia Jones", managerId + "@acme.example", "Europe/London",
                List.of("EMAIL", "PUSH"), List.of());
    }

    private static AlertReady alertFor(String surveyId, String managerId) {
        AlertReady alert = TestAlerts.alert(surveyId, managerId + "@acme.example");
        return new AlertReady(alert.survey(), alert.escalations(), pushRecipient(managerId), 1, alert.recordingUrl(),
                alert.recordingUrlExpiresAt());
    }
}
