package dev.closeloop.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.events.Recipient;
import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.DeliveryBatch;

/** Who gets a PUSH delivery and when, and which subscriptions are accepted; no database. */
class PushIntakeRulesTest {

    private static final String P256DH =
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    private static final String AUTH = "tBHItJI5svbpez7KI4CCXg";

    @Test
    void pushIsForManagersWhoTakeItAndOnlyWhenConfigured() {
        Recipient both = recipient(List.of("EMAIL", "PUSH"));

        assertThat(AlertIntake.wantsPush(both, true)).isTrue();
        assertThat(AlertIntake.wantsPush(both, false)).as("keys absent: push is off").isFalse();
        assertThat(AlertIntake.wantsPush(recipient(List.of("EMAIL")), true)).isFalse();
    }

    @Test
    void aPushIsHeldLikeItsEmailButNeverBatched() {
        Delivery email = new Delivery();
        email.channel = Delivery.EMAIL;
        email.createdAt = Instant.parse("2026-12-04T22:00:00Z");
        email.nextAttemptAt = Instant.parse("2026-12-07T09:00:00Z");
        email.batch = DeliveryBatch.DIGEST;

        Delivery held = AlertIntake.pushBeside(email);
        assertThat(held.channel).isEqualTo(Delivery.PUSH);
        assertThat(held.nextAttemptAt).isEqualTo(email.nextAttemptAt);
        assertThat(held.batch).isNull();

        email.batch = DeliveryBatch.GROUP;
        Delivery grouped = AlertIntake.pushBeside(email);
        assertThat(grouped.nextAttemptAt).as("grouping is for email: the push goes at once").isEqualTo(email.createdAt);
        assertThat(grouped.batch).isNull();
    }

    @Test
    void aSubscriptionNeedsAnHttpsEndpointAndTheBrowsersKeys() {
        PushSubscriptions.validate(change("https://fcm.googleapis.com/fcm/send/abc", P256DH, AUTH, true));
        PushSubscriptions.validate(change("http://localhost:9999/push/1", P256DH, AUTH, true));
        PushSubscriptions.validate(change("https://push.example/1", null, null, false));

        assertMalformed(change("http://push.example/1", P256DH, AUTH, true), "not an https URL");
        assertMalformed(change("javascript:alert(1)", P256DH, AUTH, true), "not an https URL");
        assertMalformed(change("https://push.example/1", "not base64!", AUTH, true),
                "p256dh is not a 65-byte uncompressed P-256 point in base64url");
        assertMalformed(change("https://push.example/1", AUTH, AUTH, true), "65-byte uncompressed P-256 point");
        assertMalformed(change("https://push.example/1", P256DH, P256DH, true), "auth secret is not 16 bytes");
        assertMalformed(change("https://push.example/1", P256DH, null, true), "auth secret is not 16 bytes in base64url");
        assertMalformed(new EventEnvelope<>(java.util.UUID.randomUUID(), PushSubscriptionChanged.TYPE, "acme", "x",
                Instant.now(), new PushSubscriptionChanged(" ", "https://push.example/1", P256DH, AUTH, true)),
                "without a manager id");
    }

    private static void assertMalformed(EventEnvelope<PushSubscriptionChanged> envelope, String why) {
        assertThatThrownBy(() -> PushSubscriptions.validate(envelope))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageContaining(why);
    }

    private static EventEnvelope<PushSubscriptionChanged> change(String endpoint, String p256dh, String auth,
            boolean active) {
        return EventEnvelope.of("acme", "mgr-mia", Instant.now(),
                new PushSubscriptionChanged("mgr-mia", endpoint, p256dh, auth, active));
    }

    private static Recipient recipient(List<String> channels) {
        return new Recipient("mgr-mia", "Mia Jones", "mia@acme.example", "Europe/London", channels, List.of());
    }
}
