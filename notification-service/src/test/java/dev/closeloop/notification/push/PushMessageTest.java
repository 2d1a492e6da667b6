package dev.closeloop.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Survey;
import dev.closeloop.notification.TestAlerts;
import dev.closeloop.notification.config.PushConfig;
import io.vertx.core.json.JsonObject;

class PushMessageTest {

    @Test
    void aLongCommentIsCutToFitThePayloadCapButNoIdOrLinkIs() {
        Survey survey = TestAlerts.survey("tel-long", "ü".repeat(10_000));
        AlertReady alert = TestAlerts.withAcknowledgeLinks(new AlertReady(survey,
                TestAlerts.poorScoreAndNegativeFeedback(), TestAlerts.recipient("mia@acme.example", "Europe/London"),
                1, "https://recordings.example/r/" + "t".repeat(200), TestAlerts.LINK_EXPIRES));

        PushMessage message = PushMessage.of("acme", alert);

        assertThat(message.payload().length).isLessThanOrEqualTo(PushMessage.MAX_PAYLOAD)
                .isGreaterThan(PushMessage.MAX_PAYLOAD - 8);
        JsonObject json = new JsonObject(new String(message.payload(), StandardCharsets.UTF_8));
        assertThat(json.getString("body")).endsWith("…").contains("Customer threatens to cancel");
        assertThat(json.getString("surveyId")).isEqualTo("tel-long");
        assertThat(json.getString("recordingUrl")).isEqualTo(alert.recordingUrl());
        String negativeId = alert.escalations().get(1).escalationId();
        assertThat(json.getJsonArray("escalationIds").getList())
                .containsExactly(negativeId, alert.escalations().get(0).escalationId());
        assertThat(json.getString("type")).isEqualTo("NEGATIVE_FEEDBACK");
        assertThat(json.getString("acknowledgeUrl")).isEqualTo(TestAlerts.acknowledgeUrl(negativeId));
    }

    @Test
    void aShortAlertIsSentWhole() {
        AlertReady alert = TestAlerts.alert("tel-short", "mia@acme.example");

        JsonObject json = new JsonObject(new String(PushMessage.of("acme", alert).payload(), StandardCharsets.UTF_8));

        assertThat(json.getString("body")).doesNotEndWith("…").endsWith("“Third call about the same bill.”");
        assertThat(json.getValue("acknowledgeUrl")).isNull();
    }

    @Test
    void urgencyFollowsTheMostUrgentType() {
        assertThat(PushMessage.of("acme", alertOf(EscalationType.ALL_FIVES, EscalationType.LEAD)).urgency())
                .isEqualTo("normal");
        assertThat(PushMessage.of("acme", alertOf(EscalationType.ALL_FIVES)).urgency()).isEqualTo("low");
        assertThat(PushMessage.of("acme", alertOf(EscalationType.LEAD, EscalationType.POOR_SCORE)).urgency())
                .isEqualTo("high");
        assertThat(PushMessage.of("acme", alertOf(EscalationType.NEGATIVE_FEEDBACK)).urgency()).isEqualTo("high");
    }

    @Test
    void theTopicIsOnePerSurveyAndTenantIn32Base64UrlCharacters() {
        assertThat(PushMessage.topic("acme", "tel-1")).matches("[A-Za-z0-9_-]{32}")
                .isEqualTo(PushMessage.topic("acme", "tel-1"))
                .isNotEqualTo(PushMessage.topic("acme", "tel-2"))
                .isNotEqualTo(PushMessage.topic("globex", "tel-1"));
    }

    @Test
    void pushIsOffWithoutKeysAndAHalfOrWrongPairStopsTheStart() {
        var pair = dev.closeloop.localstack.VapidKeyPair.generate();
        var other = dev.closeloop.localstack.VapidKeyPair.generate();

        assertThat(WebPush.keyPairOf(vapid(null, null))).isEmpty();
        assertThat(WebPush.keyPairOf(vapid("", " "))).isEmpty();
        assertThat(WebPush.keyPairOf(vapid(pair.publicKey(), pair.privateKey()))).isPresent();
        assertThatThrownBy(() -> WebPush.keyPairOf(vapid(pair.publicKey(), null)))
                .hasMessageContaining("closeloop.push.vapid.private-key is missing");
        assertThatThrownBy(() -> WebPush.keyPairOf(vapid(pair.publicKey(), other.privateKey())))
                .hasMessageContaining("not one pair");
        assertThatThrownBy(() -> WebPush.keyPairOf(vapid(pair.privateKey(), pair.privateKey())))
                .hasMessageContaining("65-byte uncompressed P-256 point");
    }

    private static PushConfig.Vapid vapid(String publicKey, String privateKey) {
        return new PushConfig.Vapid() {
            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }

            @Override
            public Optional<String> privateKey() {
                return Optional.ofNullable(privateKey);
            }

            @Override
            public String subject() {
                return "mailto:test@closeloop.local";
            }
        };
    }

    private static AlertReady alertOf(EscalationType... types) {
        List<RaisedEscalation> escalations = java.util.Arrays.stream(types)
                .map(type -> new RaisedEscalation("esc-" + type, type, List.of("because"))).toList();
        AlertReady alert = TestAlerts.alert("tel-1", "mia@acme.example");
        return new AlertReady(alert.survey(), escalations, alert.recipient(), 1, null, null);
    }
}
