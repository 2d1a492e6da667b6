package dev.closeloop.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;

/** Links that must not open anything: tampered with, expired, revoked; and the audit every use leaves. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class LinkSecurityTest extends LinkTestSupport {

    private static final String INTERNAL = ConsoleLinkTest.INTERNAL;

    @Test
    void aTokenChangedInOneCharacterTruncatedOrExtendedIs404ServesNothingAndIsAudited() {
        String recordingId = uploaded();
        String token = mint(recordingId, newSurveyId(), List.of("esc-" + UUID.randomUUID()));
        char first = token.charAt(0);
        List<String> tampered = List.of(
                (first == 'A' ? 'B' : 'A') + token.substring(1),
                token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A'),
                token.substring(0, 42),
                token + "A",
                token.substring(0, 20) + (token.charAt(20) == 'x' ? 'y' : 'x') + token.substring(21),
                token.toUpperCase().equals(token) ? token.toLowerCase() : token.toUpperCase());
        Instant before = Instant.now().minusSeconds(1);
        for (String wrong : tampered) {
            given().when().get("/r/{token}", wrong).then().statusCode(404)
                    .body(containsString("Link not found")).body(not(containsString("<audio")));
            given().when().get("/r/{token}/audio", wrong).then().statusCode(404)
                    .contentType("application/problem+json").header("Content-Range", (String) null);
        }

        List<Row> unknown = rows("SELECT * FROM access_audit WHERE outcome = 'UNKNOWN_LINK' AND at >= $1 "
                + "ORDER BY at, id", OffsetDateTime.parse(before.toString()));
        assertThat(unknown).hasSizeGreaterThanOrEqualTo(2 * tampered.size());
        assertThat(unknown).allSatisfy(row -> {
            assertThat(row.getUUID("link_id")).isNull();
            assertThat(row.getString("tenant")).isNull();
            assertThat(row.getInteger("http_status")).isEqualTo(404);
            assertThat(row.getString("remote_address")).isNotBlank();
        });
        assertThat(unknown).extracting(row -> row.getString("what")).contains("PAGE", "AUDIO");
        assertThat(audit(token)).as("the real link was never used").isEmpty();
        // and it still works
        given().when().get("/r/{token}/audio", token).then().statusCode(200);
    }

    @Test
    void aLinkOpensOnlyTheRecordingOfTheTenantItWasMintedFor() {
        String recordingId = RecordingUploadTest.newId();
        byte[] acmes = TestWav.tone(440, 4000);
        byte[] globexs = TestWav.tone(660, 4000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", acmes).then().statusCode(201);
        RecordingUploadTest.upload("Bearer globex-local-key", recordingId, "audio/wav", globexs).then().statusCode(201);
        String acmeToken = ConsoleLinkTest.token(ConsoleLinkTest.mint("acme", recordingId,
                ConsoleLinkTest.body(newSurveyId(), List.of("esc-1"))));
        String globexToken = ConsoleLinkTest.token(ConsoleLinkTest.mint("globex", recordingId,
                ConsoleLinkTest.body(newSurveyId(), List.of("esc-1"))));

        assertThat(given().get("/r/{token}/audio", acmeToken).then().statusCode(200).extract().asByteArray())
                .isEqualTo(acmes);
        assertThat(given().get("/r/{token}/audio", globexToken).then().statusCode(200).extract().asByteArray())
                .isEqualTo(globexs);
        // a token carries no tenant to swap: one tenant's token with a character of the other's is just unknown
        String spliced = acmeToken.substring(0, 21) + globexToken.substring(21);
        given().get("/r/{token}/audio", spliced).then().statusCode(404);
        assertThat(audit(acmeToken)).extracting(row -> row.getString("tenant")).containsOnly("acme");
        assertThat(audit(globexToken)).extracting(row -> row.getString("tenant")).containsOnly("globex");
    }

    @Test
    void anExpiredLinkIs410ServesNothingAndIsAudited() {
        String recordingId = uploaded();
        String token = mint(recordingId, newSurveyId(), List.of("esc-" + UUID.randomUUID()));
        execute("UPDATE recording_link SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
                LinkTokens.hash(token));

        given().get("/r/{token}", token).then().statusCode(410).body(containsString("expired"))
                .body(not(containsString("<audio")));
        Response audio = given().header("Range", "bytes=0-10").get("/r/{token}/audio", token);
        audio.then().statusCode(410).contentType("application/problem+json").header("Content-Range", (String) null);
        assertThat(audio.asString()).doesNotContain("RIFF");

        assertThat(audit(token)).extracting(row -> row.getString("what") + " " + row.getString("outcome") + " "
                + row.getInteger("http_status")).containsExactly("PAGE EXPIRED 410", "AUDIO EXPIRED 410");
    }

    @Test
    void revokingAnEscalationsLinksRefusesThemWith410SayingSoAndLinksMintedAfterwardsWork() {
        String recordingId = uploaded();
        String escalationId = UUID.randomUUID().toString();
        String otherEscalation = UUID.randomUUID().toString();
        String surveyId = newSurveyId();
        String first = mint(recordingId, surveyId, List.of(escalationId));
        String shared = mint(recordingId, surveyId, List.of(otherEscalation, escalationId));
        String other = mint(recordingId, surveyId, List.of(otherEscalation));
        given().get("/r/{token}", first).then().statusCode(200);

        revoke("acme", escalationId, "admin@acme.example").then().statusCode(200)
                .contentType(ContentType.JSON).body("revoked", equalTo(2));
        revoke("acme", escalationId, "admin@acme.example").then().statusCode(200).body("revoked", equalTo(0));

        for (String token : List.of(first, shared)) {
            given().get("/r/{token}", token).then().statusCode(410)
                    .contentType(containsString("text/html"))
                    .body(containsString("revoked"))
                    .body(not(containsString("<audio")))
                    .body(not(containsString(surveyId)));
            Response audio = given().get("/r/{token}/audio", token);
            audio.then().statusCode(410).contentType("application/problem+json")
                    .body("detail", containsString("revoked"));
            assertThat(audio.asString()).doesNotContain("RIFF");
        }
        given().get("/r/{token}/audio", other).then().statusCode(200);
        String after = mint(recordingId, surveyId, List.of(escalationId));
        given().get("/r/{token}/audio", after).then().statusCode(200);

        Row revoked = rows("SELECT * FROM recording_link WHERE token_hash = $1", LinkTokens.hash(first)).get(0);
        assertThat(revoked.getOffsetDateTime("revoked_at")).isNotNull();
        assertThat(revoked.getString("revoked_by")).isEqualTo("admin@acme.example");
        assertThat(audit(first)).extracting(row -> row.getString("what") + " " + row.getString("outcome") + " "
                + row.getInteger("http_status")).containsExactly("PAGE GRANTED 200", "PAGE REVOKED 410",
                        "AUDIO REVOKED 410");
        List<EventEnvelope<RecordingAccessed>> announced = awaitAnnounced(surveyId);
        assertThat(announced).extracting(event -> event.payload().access()).contains("VIEWED", "REVOKED");
        assertThat(announced).filteredOn(event -> event.payload().access().equals("REVOKED"))
                .extracting(event -> event.payload().escalationIds())
                .contains(List.of(escalationId), List.of(otherEscalation, escalationId));
    }

    @Test
    void aRevokeReachesOnlyTheTenantItNames() {
        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload("Bearer globex-local-key", recordingId, "audio/wav", TestWav.tone(440, 800))
                .then().statusCode(201);
        String escalationId = UUID.randomUUID().toString();
        String globexs = ConsoleLinkTest.token(ConsoleLinkTest.mint("globex", recordingId,
                ConsoleLinkTest.body(newSurveyId(), List.of(escalationId))));

        revoke("acme", escalationId, "admin@acme.example").then().statusCode(200).body("revoked", equalTo(0));

        given().get("/r/{token}/audio", globexs).then().statusCode(200);
    }

    @Test
    void revokingNeedsTheInternalTokenAndAValidRequest() {
        String escalationId = UUID.randomUUID().toString();
        String path = "/internal/v1/tenants/acme/escalations/{id}/links/revoke";
        given().contentType(ContentType.JSON).body(Map.of("revokedBy", "x")).post(path, escalationId)
                .then().statusCode(401).contentType("application/problem+json");
        for (String wrong : List.of("Bearer acme-local-key", "Bearer " + "x".repeat(40))) {
            given().header("Authorization", wrong).contentType(ContentType.JSON).body(Map.of("revokedBy", "x"))
                    .post(path, escalationId).then().statusCode(401);
        }
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body(Map.of("revokedBy", " "))
                .post(path, escalationId).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(
                        containsString("revokedBy")));
        given().urlEncodingEnabled(false).header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("revokedBy", "x")).post("/internal/v1/tenants/acme/escalations/%2e%2e/links/revoke")
                .then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
    }

    @Test
    void everyUseOfALinkViewedPlayedOrRefusedHasItsAuditRow() {
        String recordingId = uploaded();
        String surveyId = newSurveyId();
        String escalationId = UUID.randomUUID().toString();
        String token = mint(recordingId, surveyId, List.of(escalationId));
        Instant before = Instant.now().minusSeconds(1);

        given().header("User-Agent", "AuditTest/1").get("/r/{token}", token).then().statusCode(200);
        given().header("User-Agent", "AuditTest/1").get("/r/{token}/audio", token).then().statusCode(200);
        given().header("User-Agent", "AuditTest/1").header("Range", "bytes=0-99").get("/r/{token}/audio", token)
                .then().statusCode(206);
        given().header("Range", "bytes=999999-").get("/r/{token}/audio", token).then().statusCode(416);
        revoke("acme", escalationId, "admin@acme.example").then().statusCode(200);
        given().get("/r/{token}", token).then().statusCode(410);
        given().get("/r/{token}/audio", token).then().statusCode(410);

        List<Row> rows = audit(token);
        List<String> uses = new ArrayList<>();
        rows.forEach(row -> uses.add(row.getString("what") + " " + row.getString("outcome") + " "
                + row.getInteger("http_status")));
        assertThat(uses).containsExactly("PAGE GRANTED 200", "AUDIO GRANTED 200", "AUDIO GRANTED 206",
                "AUDIO RANGE_NOT_SATISFIABLE 416", "PAGE REVOKED 410", "AUDIO REVOKED 410");
        UUID linkId = rows("SELECT id FROM recording_link WHERE token_hash = $1", LinkTokens.hash(token)).get(0)
                .getUUID("id");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getUUID("link_id")).isEqualTo(linkId);
            assertThat(row.getString("tenant")).isEqualTo("acme");
            assertThat(row.getString("recording_id")).isEqualTo(recordingId);
            assertThat(row.getString("manager_id")).isEqualTo("mgr-mia");
            assertThat(row.getOffsetDateTime("at").toInstant()).isAfter(before).isBefore(Instant.now());
        });
        assertThat(rows.get(0).getString("user_agent")).isEqualTo("AuditTest/1");
        assertThat(rows.get(2).getString("requested_range")).isEqualTo("bytes=0-99");
        // the audit never holds the token, nor its hash
        assertThat(rows("SELECT count(*) FROM access_audit WHERE concat_ws('|', requested_range, user_agent, "
                + "remote_address, recipient_email) LIKE '%' || $1 || '%'", token.substring(0, 20)).get(0).getLong(0))
                .isZero();
    }

    // --- helpers ---

    static Response revoke(String tenant, String escalationId, String revokedBy) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("revokedBy", revokedBy))
                .when().post("/internal/v1/tenants/{tenant}/escalations/{id}/links/revoke", tenant, escalationId);
    }

    private static String uploaded() {
        String recordingId = RecordingUploadTest.newId();
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", TestWav.tone(440, 4000)).then().statusCode(201);
        return recordingId;
    }

    private static String mint(String recordingId, String surveyId, List<String> escalationIds) {
        return ConsoleLinkTest.token(ConsoleLinkTest.mint("acme", recordingId,
                ConsoleLinkTest.body(surveyId, escalationIds)));
    }

    private static String newSurveyId() {
        return "tel-" + UUID.randomUUID();
    }
}
