package dev.closeloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    static Survey survey() {
        return new Survey("tel-1", Instant.parse("2026-12-04T10:15:00Z"),
                new Survey.Call("c-1", Instant.parse("2026-12-04T10:02:11Z"), 312, "billing", "rec-1"),
                new Survey.Customer("CUST-1", "Dana Smith", "+441632960001", "dana@example.com"),
                new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester"),
                List.of(new Survey.Answer("q1", "Overall?", 1)), "Third call.",
                new Survey.CsrFlags(true, "Threatens to cancel", false, null, null));
    }

    @Test
    void envelopeSurvivesTheRoundTrip() {
        EventEnvelope<SurveySubmitted> sent = EventEnvelope.of("acme", "tel-1", Instant.parse("2026-12-04T10:15:01Z"),
                new SurveySubmitted(survey(), Instant.parse("2026-12-04T10:15:01Z")));

        EventEnvelope<SurveySubmitted> read = EventCodec.decode(EventCodec.encode(sent), SurveySubmitted.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo("SurveySubmitted.v1");
    }

    @Test
    void aRecordingAccessSurvivesTheRoundTrip() {
        EventEnvelope<RecordingAccessed> sent = EventEnvelope.of("acme", "tel-1", Instant.parse("2026-12-04T11:00:00Z"),
                new RecordingAccessed("tel-1", List.of("esc-1", "esc-2"), "mia-jones", "mia.jones@acme.example",
                        "rec-1", RecordingAccessed.PLAYED, 1, Instant.parse("2026-12-04T11:00:00Z")));

        EventEnvelope<RecordingAccessed> read = EventCodec.decode(EventCodec.encode(sent), RecordingAccessed.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo("RecordingAccessed.v1");
    }

    @Test
    void aPushSubscriptionChangeSurvivesTheRoundTrip() {
        EventEnvelope<PushSubscriptionChanged> sent = EventEnvelope.of("acme", "mia-jones",
                Instant.parse("2026-12-04T11:00:00Z"), new PushSubscriptionChanged("mia-jones",
                        "https://push.example.net/send/abc", "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                        "tBHItJI5svbpez7KI4CCXg", true));

        EventEnvelope<PushSubscriptionChanged> read = EventCodec.decode(EventCodec.encode(sent),
                PushSubscriptionChanged.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo("PushSubscriptionChanged.v1");
        assertThat(read.aggregateId()).isEqualTo("mia-jones");
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        String json = EventCodec.encode(EventEnvelope.of("acme", "tel-1", Instant.parse("2026-12-04T10:15:01Z"),
                new SurveySubmitted(survey(), Instant.parse("2026-12-04T10:15:01Z"))));

        assertThat(json).contains("\"occurredAt\":\"2026-12-04T10:15:01Z\"");
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        String json = EventCodec.encode(EventEnvelope.of("acme", "tel-1", Instant.now(),
                new SurveySubmitted(survey(), Instant.now())));
        String withExtra = json.replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(EventCodec.decode(withExtra, SurveySubmitted.class).payload().survey().surveyId())
                .isEqualTo("tel-1");
    }

    @Test
    void aRecipientsAcknowledgeLinksHoldAndGroupingSurviveTheRoundTrip() {
        Recipient mia = new Recipient("mia-jones", "Mia Jones", "mia@acme.example", "Europe/London",
                List.of("EMAIL"), List.of("e-1", "e-2"),
                Map.of("e-1", "https://closeloop.example/a/t1", "e-2", "https://closeloop.example/a/t2"),
                Instant.parse("2026-12-07T09:00:00Z"), Duration.ofMinutes(10));
        EventEnvelope<EscalationsRaised> sent = EventEnvelope.of("acme", "tel-1", Instant.parse("2026-12-04T10:15:01Z"),
                new EscalationsRaised(survey(), List.of(new RaisedEscalation("e-1", EscalationType.POOR_SCORE,
                        List.of("q1 = 1"))), List.of(mia), 1));

        EventEnvelope<EscalationsRaised> read = EventCodec.decode(EventCodec.encode(sent), EscalationsRaised.class);

        assertThat(read.payload().recipients()).containsExactly(mia);
        assertThat(EventCodec.encode(sent)).contains("\"holdUntil\":\"2026-12-07T09:00:00Z\"", "\"groupWithin\":\"PT10M\"");
    }

    @Test
    void aRecipientFromBeforeAcknowledgeLinksReadsWithNone() {
        Recipient old = new Recipient("mia-jones", "Mia Jones", "mia@acme.example", "Europe/London", null,
                List.of("e-1"));
        String json = EventCodec.encode(EventEnvelope.of("acme", "tel-1", Instant.parse("2026-12-04T10:15:01Z"),
                new EscalationsRaised(survey(), List.of(), List.of(old), 1)))
                .replace(",\"acknowledgeUrls\":{}", "").replace(",\"holdUntil\":null,\"groupWithin\":null", "");

        EventEnvelope<EscalationsRaised> read = EventCodec.decode(json, EscalationsRaised.class);

        assertThat(json).doesNotContain("acknowledgeUrls", "holdUntil", "groupWithin");
        assertThat(read.payload().recipients().get(0).acknowledgeUrls()).isEmpty();
        assertThat(read.payload().recipients().get(0)).isEqualTo(old);
    }

    @Test
    void garbageIsReportedAsMalformedNotRetried() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", SurveySubmitted.class))
                .isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"eventId\":\"" + java.util.UUID.randomUUID() + "\"}",
                SurveySubmitted.class))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
