package dev.closeloop.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class RecordingLinkFlowTest extends LinkTestSupport {

    @Test
    void eachRecipientGetsOneAlertWithItsOwnLinkThatPlaysTheRecording() {
        String recordingId = RecordingUploadTest.newId();
        byte[] wav = TestWav.tone(440, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        Survey survey = survey(recordingId);
        RaisedEscalation poorScore = new RaisedEscalation("esc-" + UUID.randomUUID(), EscalationType.POOR_SCORE,
                List.of("q1: How satisfied were you with the call overall? = 1"));
        RaisedEscalation lead = new RaisedEscalation("esc-" + UUID.randomUUID(), EscalationType.LEAD,
                List.of("SALES: wants a quote"));
        Recipient mia = new Recipient("mgr-mia", "Mia Jones", "mia.jones@acme.example", "Europe/London",
                List.of("EMAIL"), List.of(poorScore.escalationId(), lead.escalationId()));
        // a lead can wait for Priya's working hours: the notification-service needs to know until when
        Instant before = Instant.now();
        Instant priyasDayStarts = before.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Recipient priya = new Recipient("sales-priya", "Priya Shah", "priya.shah@acme.example", "America/Chicago",
                List.of("EMAIL"), List.of(lead.escalationId()), null, priyasDayStarts, Duration.ofMinutes(10));

        raise(survey, List.of(poorScore, lead), List.of(mia, priya));

        List<EventEnvelope<AlertReady>> alerts = awaitAlerts(survey.surveyId(), 2);
        AlertReady forMia = alertFor(alerts, "mgr-mia");
        AlertReady forPriya = alertFor(alerts, "sales-priya");
        assertThat(forMia.escalations()).extracting(RaisedEscalation::escalationId)
                .containsExactly(poorScore.escalationId(), lead.escalationId());
        assertThat(forPriya.escalations()).extracting(RaisedEscalation::escalationId)
                .containsExactly(lead.escalationId());
        assertThat(forMia.recipient()).isEqualTo(mia);
        assertThat(forPriya.recipient()).as("delivery timing passed through").isEqualTo(priya);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertReady.TYPE);
            assertThat(alert.tenant()).isEqualTo("acme");
            assertThat(alert.payload().level()).isEqualTo(1);
            assertThat(alert.payload().survey()).isEqualTo(survey);
            assertThat(alert.payload().recordingUrl()).matches("http://recordings\\.test/r/[A-Za-z0-9_-]{43}");
        });
        assertThat(forMia.recordingUrlExpiresAt())
                .isBetween(before.plus(Duration.ofHours(72)), Instant.now().plus(Duration.ofHours(72)));
        assertThat(forPriya.recordingUrlExpiresAt()).as("72 h from when her held digest goes out")
                .isEqualTo(priyasDayStarts.plus(Duration.ofHours(72)));
        assertThat(forMia.recordingUrl()).isNotEqualTo(forPriya.recordingUrl());

        for (AlertReady alert : List.of(forMia, forPriya)) {
            String token = token(alert);
            given().when().get("/r/{token}", token)
                    .then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .body(containsString("<audio controls"))
                    .body(containsString("src=\"/r/" + token + "/audio\""))
                    .body(containsString(survey.surveyId()))
                    .body(containsString("Sam Lee"));
            byte[] played = given().when().get("/r/{token}/audio", token)
                    .then().statusCode(200)
                    .contentType("audio/wav")
                    .header("Accept-Ranges", "bytes")
                    .header("Content-Length", String.valueOf(wav.length))
                    .extract().asByteArray();
            assertThat(played).isEqualTo(wav);
        }

        // the tokens live only in the URLs: the database keeps their hashes
        List<Row> links = rows("SELECT * FROM recording_link WHERE survey_id = $1", survey.surveyId());
        assertThat(links).hasSize(2);
        assertThat(links).extracting(row -> row.getString("token_hash"))
                .containsExactlyInAnyOrder(LinkTokens.hash(token(forMia)), LinkTokens.hash(token(forPriya)));
        Row priyasLink = links.stream().filter(row -> row.getString("manager_id").equals("sales-priya")).findFirst()
                .orElseThrow();
        assertThat(priyasLink.getString("tenant")).isEqualTo("acme");
        assertThat(priyasLink.getString("recording_id")).isEqualTo(recordingId);
        assertThat(priyasLink.getString("recipient_email")).isEqualTo("priya.shah@acme.example");
        assertThat(priyasLink.getString("escalation_ids")).isEqualTo("[\"" + lead.escalationId() + "\"]");
        await().atMost(WAIT).until(() -> rows("SELECT count(*) FROM outbox WHERE aggregate_id = $1",
                survey.surveyId()).get(0).getLong(0) == 0);
    }

    @Test
    void theAudioHonoursASingleByteRange() {
        String recordingId = RecordingUploadTest.newId();
        byte[] wav = TestWav.tone(440, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        String token = token(mintOneLink(survey(recordingId)));
        int size = wav.length;

        assertThat(range(token, "bytes=0-99", 206, "bytes 0-99/" + size)).isEqualTo(Arrays.copyOfRange(wav, 0, 100));
        assertThat(range(token, "bytes=1000-1999", 206, "bytes 1000-1999/" + size))
                .isEqualTo(Arrays.copyOfRange(wav, 1000, 2000));
        assertThat(range(token, "bytes=16000-", 206, "bytes 16000-" + (size - 1) + "/" + size))
                .isEqualTo(Arrays.copyOfRange(wav, 16000, size));
        assertThat(range(token, "bytes=-44", 206, "bytes " + (size - 44) + "-" + (size - 1) + "/" + size))
                .isEqualTo(Arrays.copyOfRange(wav, size - 44, size));
        assertThat(range(token, "bytes=100-999999", 206, "bytes 100-" + (size - 1) + "/" + size))
                .isEqualTo(Arrays.copyOfRange(wav, 100, size));

        given().header("Range", "bytes=" + size + "-").when().get("/r/{token}/audio", token)
                .then().statusCode(416)
                .header("Content-Range", "bytes */" + size)
                .contentType("application/problem+json");
        // several ranges are not served piecewise: the whole recording comes back
        assertThat(given().header("Range", "bytes=0-1,5-6").when().get("/r/{token}/audio", token)
                .then().statusCode(200).extract().asByteArray()).isEqualTo(wav);

        List<Row> audit = audit(token);
        assertThat(audit).extracting(row -> row.getString("what")).containsOnly("AUDIO");
        assertThat(audit).extracting(row -> row.getInteger("http_status"))
                .containsExactly(206, 206, 206, 206, 206, 416, 200);
        assertThat(audit).extracting(row -> row.getString("outcome"))
                .containsExactly("GRANTED", "GRANTED", "GRANTED", "GRANTED", "GRANTED", "RANGE_NOT_SATISFIABLE",
                        "GRANTED");
        assertThat(audit.get(0).getString("requested_range")).isEqualTo("bytes=0-99");
        assertThat(audit.get(0).getString("manager_id")).isEqualTo("mgr-mia");
        assertThat(audit.get(0).getString("recipient_email")).isEqualTo("mia.jones@acme.example");
        assertThat(audit.get(0).getString("tenant")).isEqualTo("acme");
        assertThat(audit.get(0).getString("remote_address")).isNotBlank();
        assertThat(audit.get(0).getOffsetDateTime("at")).isNotNull();
    }

    @Test
    void aLinkMintedBeforeTheRecordingArrivesWorksOnceItIsUploaded() {
        String recordingId = RecordingUploadTest.newId();
        String token = token(mintOneLink(survey(recordingId)));

        given().when().get("/r/{token}", token)
                .then().statusCode(200)
                .body(containsString("has not arrived yet"))
                .body(not(containsString("<audio")));
        given().when().get("/r/{token}/audio", token)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("not been uploaded yet"));

        byte[] wav = TestWav.tone(330, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);

        given().when().get("/r/{token}", token).then().statusCode(200).body(containsString("<audio controls"));
        assertThat(given().when().get("/r/{token}/audio", token).then().statusCode(200).extract().asByteArray())
                .isEqualTo(wav);
        assertThat(audit(token)).extracting(row -> row.getString("outcome"))
                .containsExactly("NOT_YET_AVAILABLE", "NOT_YET_AVAILABLE", "GRANTED", "GRANTED");
    }

    @Test
    void anotherTenantsRecordingUnderTheSameIdIsNeverPlayedThroughALink() {
        String recordingId = RecordingUploadTest.newId();
        String token = token(mintOneLink(survey(recordingId)));
        // globex uploads under acme's id: acme's link must not play it
        RecordingUploadTest.upload("Bearer globex-local-key", recordingId, "audio/wav", TestWav.tone(220, 8000))
                .then().statusCode(201);

        given().when().get("/r/{token}/audio", token).then().statusCode(404);
        given().when().get("/r/{token}", token).then().statusCode(200).body(containsString("has not arrived yet"));
    }

    @Test
    void anExpiredLinkAnswers410AndTheAttemptIsAudited() {
        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", TestWav.tone(440, 8000)).then().statusCode(201);
        String token = token(mintOneLink(survey(recordingId)));
        execute("UPDATE recording_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1",
                LinkTokens.hash(token));

        given().when().get("/r/{token}", token).then().statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString("expired"))
                .body(not(containsString("<audio")));
        given().when().get("/r/{token}/audio", token).then().statusCode(410)
                .contentType("application/problem+json");

        assertThat(audit(token)).extracting(row -> row.getString("what") + " " + row.getString("outcome") + " "
                + row.getInteger("http_status")).containsExactly("PAGE EXPIRED 410", "AUDIO EXPIRED 410");
    }

    @Test
    void unknownAndMalformedLinksAnswer404AndRevokedOnes410SayingSo() {
        String unknown = LinkTokens.newToken();
        given().when().get("/r/{token}", unknown).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Link not found"));
        given().when().get("/r/{token}/audio", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/r/{token}", "not-a-token").then().statusCode(404);
        given().when().get("/r/{token}/audio", "x".repeat(43) + "=").then().statusCode(404);

        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", TestWav.tone(440, 8000)).then().statusCode(201);
        String revoked = token(mintOneLink(survey(recordingId)));
        execute("UPDATE recording_link SET revoked_at = now(), revoked_by = 'admin' WHERE token_hash = $1",
                LinkTokens.hash(revoked));

        given().when().get("/r/{token}", revoked).then().statusCode(410).body(containsString("has been revoked"))
                .body(not(containsString("<audio")));
        given().when().get("/r/{token}/audio", revoked).then().statusCode(410)
                .contentType("application/problem+json");
        assertThat(audit(revoked)).extracting(row -> row.getString("outcome")).containsExactly("REVOKED", "REVOKED");
    }

    @Test
    void aRecordingPlayedInManyRangesIsAnnouncedOnceBesideItsPageView() {
        String recordingId = RecordingUploadTest.newId();
        byte[] wav = TestWav.tone(440, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        Survey survey = survey(recordingId);
        AlertReady alert = mintOneLink(survey);
        String token = token(alert);
        Instant before = Instant.now();

        given().when().get("/r/{token}", token).then().statusCode(200);
        given().when().get("/r/{token}", token).then().statusCode(200);
        int requests = 2;
        // the way a player streams: one range after another, then a seek back to the start
        for (int first = 0; first < wav.length; first += 4000) {
            given().header("Range", "bytes=" + first + "-" + (first + 3999)).when().get("/r/{token}/audio", token)
                    .then().statusCode(206);
            requests++;
        }
        given().when().get("/r/{token}/audio", token).then().statusCode(200);
        given().header("Range", "bytes=" + wav.length + "-").when().get("/r/{token}/audio", token)
                .then().statusCode(416);
        requests += 2;

        List<EventEnvelope<RecordingAccessed>> announced = awaitAnnounced(survey.surveyId());
        assertThat(announced).extracting(event -> event.payload().access()).containsExactly("VIEWED", "PLAYED");
        assertThat(announced).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(RecordingAccessed.TYPE);
            assertThat(event.tenant()).isEqualTo("acme");
            assertThat(event.aggregateId()).isEqualTo(survey.surveyId());
            RecordingAccessed access = event.payload();
            assertThat(access.surveyId()).isEqualTo(survey.surveyId());
            assertThat(access.escalationIds()).containsExactly(alert.escalations().get(0).escalationId());
            assertThat(access.managerId()).isEqualTo("mgr-mia");
            assertThat(access.recipientEmail()).isEqualTo("mia.jones@acme.example");
            assertThat(access.recordingId()).isEqualTo(recordingId);
            assertThat(access.level()).isEqualTo(1);
            assertThat(access.accessedAt()).isBetween(before, Instant.now());
        });
        // every request is audited all the same
        assertThat(audit(token)).hasSize(requests);
    }

    @Test
    void aPlayersParallelRangeRequestsAreAnnouncedOnce() throws Exception {
        String recordingId = RecordingUploadTest.newId();
        byte[] wav = TestWav.tone(440, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        Survey survey = survey(recordingId);
        String token = token(mintOneLink(survey));

        ExecutorService player = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String range = "bytes=" + (i * 2000) + "-" + (i * 2000 + 1999);
                requests.add(CompletableFuture.supplyAsync(() -> given().header("Range", range).when()
                        .get("/r/{token}/audio", token).statusCode(), player));
            }
            for (CompletableFuture<Integer> request : requests) {
                assertThat(request.get()).isEqualTo(206);
            }
        } finally {
            player.shutdown();
        }

        assertThat(awaitAnnounced(survey.surveyId())).extracting(event -> event.payload().access())
                .containsExactly("PLAYED");
        assertThat(audit(token)).hasSize(8);
    }

    @Test
    void comingBackAfterTheGapIsAnnouncedAgain() {
        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", TestWav.tone(440, 8000)).then().statusCode(201);
        Survey survey = survey(recordingId);
        String token = token(mintOneLink(survey));
        given().when().get("/r/{token}/audio", token).then().statusCode(200);
        given().header("Range", "bytes=0-99").when().get("/r/{token}/audio", token).then().statusCode(206);
        assertThat(awaitAnnounced(survey.surveyId())).hasSize(1);

        // the last use lies further back than the gap (10 minutes)
        execute("UPDATE access_audit SET at = at - interval '11 minutes' WHERE link_id = "
                + "(SELECT id FROM recording_link WHERE token_hash = $1)", LinkTokens.hash(token));
        given().header("Range", "bytes=100-199").when().get("/r/{token}/audio", token).then().statusCode(206);

        assertThat(awaitAnnounced(survey.surveyId())).extracting(event -> event.payload().access())
                .containsExactly("PLAYED", "PLAYED");
    }

    @Test
    void attemptsWithExpiredOrRevokedLinksAreAnnouncedAsRefused() {
        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", TestWav.tone(440, 8000)).then().statusCode(201);
        Survey expiredSurvey = survey(recordingId);
        String expired = token(mintOneLink(expiredSurvey));
        execute("UPDATE recording_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1",
                LinkTokens.hash(expired));
        Survey revokedSurvey = survey(recordingId);
        String revoked = token(mintOneLink(revokedSurvey));
        execute("UPDATE recording_link SET revoked_at = now(), revoked_by = 'admin' WHERE token_hash = $1",
                LinkTokens.hash(revoked));

        // the recipient tries the page, the audio, then the page again
        for (int attempt = 0; attempt < 2; attempt++) {
            given().when().get("/r/{token}", expired).then().statusCode(410);
            given().when().get("/r/{token}/audio", expired).then().statusCode(410);
            given().when().get("/r/{token}", revoked).then().statusCode(410);
            given().when().get("/r/{token}/audio", revoked).then().statusCode(410);
        }

        assertThat(awaitAnnounced(expiredSurvey.surveyId())).extracting(event -> event.payload().access())
                .containsExactly("EXPIRED");
        assertThat(awaitAnnounced(revokedSurvey.surveyId())).extracting(event -> event.payload().access())
                .containsExactly("REVOKED");
    }

    @Test
    void aRedeliveredEventMintsNothingAndSendsNothingTwice() {
        Survey survey = survey(RecordingUploadTest.newId());
        RaisedEscalation escalation = new RaisedEscalation("esc-" + UUID.randomUUID(), EscalationType.POOR_SCORE,
                List.of("q1 = 1"));
        EventEnvelope<EscalationsRaised> event = EventEnvelope.of("acme", survey.surveyId(), Instant.now(),
                new EscalationsRaised(survey, List.of(escalation), List.of(mia(escalation)), 1));
        String json = EventCodec.encode(event);
        broker.send(Channels.ESCALATIONS_RAISED, json);
        awaitAlerts(survey.surveyId(), 1);

        broker.send(Channels.ESCALATIONS_RAISED, json);
        // a later event is processed after the redelivered one: once its alert is out, the copy was handled
        Survey later = survey(RecordingUploadTest.newId());
        mintOneLink(later);

        assertThat(broker.alertsFor(survey.surveyId())).hasSize(1);
        assertThat(rows("SELECT count(*) FROM recording_link WHERE survey_id = $1", survey.surveyId()).get(0)
                .getLong(0)).isEqualTo(1);
        assertThat(rows("SELECT consumer FROM processed_event WHERE event_id = $1", event.eventId())
                .get(0).getString("consumer")).isEqualTo("recording-service");
    }

    @Test
    void aCallWithoutRecordingGetsAlertsWithoutLink() {
        Survey survey = survey(null);
        RaisedEscalation escalation = new RaisedEscalation("esc-" + UUID.randomUUID(), EscalationType.ALL_FIVES,
                List.of());

        raise(survey, List.of(escalation), List.of(mia(escalation)));

        AlertReady alert = awaitAlerts(survey.surveyId(), 1).get(0).payload();
        assertThat(alert.recordingUrl()).isNull();
        assertThat(alert.recordingUrlExpiresAt()).isNull();
        assertThat(alert.escalations()).containsExactly(escalation);
        assertThat(rows("SELECT count(*) FROM recording_link WHERE survey_id = $1", survey.surveyId()).get(0)
                .getLong(0)).isZero();
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheConsumerCarriesOn() {
        broker.send(Channels.ESCALATIONS_RAISED, "{\"this is\": \"not an envelope\"}");

        Survey survey = survey(RecordingUploadTest.newId());
        mintOneLink(survey);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> localBroker.messageCount("DLQ." + Channels.ESCALATIONS_RAISED) == 1);
    }

    // --- helpers ---

    private AlertReady mintOneLink(Survey survey) {
        RaisedEscalation escalation = new RaisedEscalation("esc-" + UUID.randomUUID(), EscalationType.POOR_SCORE,
                List.of("q1 = 1"));
        raise(survey, List.of(escalation), List.of(mia(escalation)));
        return awaitAlerts(survey.surveyId(), 1).get(0).payload();
    }

    private static Recipient mia(RaisedEscalation escalation) {
        return new Recipient("mgr-mia", "Mia Jones", "mia.jones@acme.example", "Europe/London", List.of("EMAIL"),
                List.of(escalation.escalationId()));
    }

    private void raise(Survey survey, List<RaisedEscalation> escalations, List<Recipient> recipients) {
        EventEnvelope<EscalationsRaised> event = EventEnvelope.of("acme", survey.surveyId(), Instant.now(),
                new EscalationsRaised(survey, escalations, recipients, 1));
        broker.send(Channels.ESCALATIONS_RAISED, EventCodec.encode(event));
    }

    private List<EventEnvelope<AlertReady>> awaitAlerts(String surveyId, int count) {
        await().atMost(WAIT).until(() -> broker.alertsFor(surveyId).size() >= count);
        List<EventEnvelope<AlertReady>> alerts = broker.alertsFor(surveyId);
        assertThat(alerts).hasSize(count);
        return alerts;
    }

    private static AlertReady alertFor(List<EventEnvelope<AlertReady>> alerts, String managerId) {
        List<AlertReady> matching = new ArrayList<>();
        alerts.forEach(alert -> {
            if (alert.payload().recipient().managerId().equals(managerId)) {
                matching.add(alert.payload());
            }
        });
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static String token(AlertReady alert) {
        assertThat(alert.recordingUrl()).startsWith(BASE_URL);
        return alert.recordingUrl().substring(BASE_URL.length());
    }

    private static byte[] range(String token, String range, int status, String contentRange) {
        Response response = given().header("Range", range).when().get("/r/{token}/audio", token);
        response.then().statusCode(status)
                .header("Content-Range", contentRange)
                .header("Accept-Ranges", "bytes")
                .contentType("audio/wav");
        byte[] body = response.asByteArray();
        response.then().header("Content-Length", equalTo(String.valueOf(body.length)));
        return body;
    }

    private static Survey survey(String recordingId) {
        String surveyId = "tel-" + UUID.randomUUID();
        return new Survey(surveyId, Instant.parse("2026-12-04T10:15:00Z"),
                new Survey.Call("c-88812", Instant.parse("2026-12-04T10:02:11Z"), 312, "billing", recordingId),
                new Survey.Customer("CUST-991", "Dana Smith", "+441632960001", "dana.smith@example.com"),
                new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester"),
                List.of(new Survey.Answer("q1", "How satisfied were you with the call overall?", 1)),
                "Third call about the same bill.",
                new Survey.CsrFlags(true, "Customer threatens to cancel", false, null, null));
    }
}
