package dev.closeloop.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;

/** Links the escalation-engine's console asks for, through the internal API, and how they are used. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class ConsoleLinkTest extends LinkTestSupport {

    static final String INTERNAL = "Bearer test-only-internal-token-not-for-production";

    @Test
    void aConsoleLinkPlaysTheRecordingAndItsUseReachesTheTimelineAsTheViewers() {
        String recordingId = RecordingUploadTest.newId();
        byte[] wav = TestWav.tone(440, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        String surveyId = newSurveyId();
        Instant before = Instant.now();

        Response minted = mint("acme", recordingId, body(surveyId, List.of("esc-1", "esc-2")));

        minted.then().statusCode(201).contentType(ContentType.JSON).header("Cache-Control", "no-store");
        JsonPath link = minted.jsonPath();
        String url = link.getString("url");
        assertThat(url).matches("http://recordings\\.test/r/[A-Za-z0-9_-]{43}");
        assertThat(minted.header("Location")).isEqualTo(url);
        assertThat(link.getString("audioUrl")).isEqualTo(url + "/audio");
        assertThat(Instant.parse(link.getString("expiresAt"))).as("closeloop.links.console-ttl, 2 h")
                .isBetween(before.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS),
                        Instant.now().plus(Duration.ofHours(2)));
        String token = url.substring(BASE_URL.length());

        given().when().get("/r/{token}", token).then().statusCode(200).body(containsString("<audio controls"))
                .body(containsString(surveyId));
        assertThat(given().when().get("/r/{token}/audio", token).then().statusCode(200).contentType("audio/wav")
                .extract().asByteArray()).isEqualTo(wav);

        List<EventEnvelope<RecordingAccessed>> announced = awaitAnnounced(surveyId);
        assertThat(announced).extracting(event -> event.payload().access()).containsExactly("VIEWED", "PLAYED");
        assertThat(announced).allSatisfy(event -> {
            assertThat(event.tenant()).isEqualTo("acme");
            RecordingAccessed access = event.payload();
            assertThat(access.recipientEmail()).isEqualTo("mia.jones@acme.example");
            assertThat(access.managerId()).isEqualTo("mgr-mia");
            assertThat(access.escalationIds()).containsExactly("esc-1", "esc-2");
            assertThat(access.recordingId()).isEqualTo(recordingId);
            assertThat(access.level()).as("console links are level 0").isZero();
        });
        Row row = rows("SELECT * FROM recording_link WHERE survey_id = $1", surveyId).get(0);
        assertThat(row.getString("origin")).isEqualTo("CONSOLE");
        assertThat(row.getInteger("level")).isZero();
        assertThat(row.getUUID("event_id")).isNull();
        assertThat(row.getString("token_hash")).isEqualTo(LinkTokens.hash(token));
        assertThat(row.getString("recipient_time_zone")).isEqualTo("Europe/London");
        assertThat(audit(token)).extracting(audit -> audit.getString("recipient_email"))
                .containsOnly("mia.jones@acme.example");
    }

    @Test
    void aViewerWithoutDirectoryIdIsNamedByEmailAndALinkMintedBeforeTheUploadWorksOnceItArrives() {
        String recordingId = RecordingUploadTest.newId();
        Map<String, Object> body = body(newSurveyId(), List.of("esc-9"));
        body.put("managerId", null);
        body.put("timeZone", null);
        String token = token(mint("acme", recordingId, body));

        given().when().get("/r/{token}", token).then().statusCode(200).body(containsString("has not arrived yet"))
                .body(not(containsString("<audio")));
        given().when().get("/r/{token}/audio", token).then().statusCode(404);

        byte[] wav = TestWav.tone(330, 8000);
        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", wav).then().statusCode(201);
        assertThat(given().when().get("/r/{token}/audio", token).then().statusCode(200).extract().asByteArray())
                .isEqualTo(wav);
        assertThat(audit(token)).extracting(audit -> audit.getString("manager_id"))
                .containsOnly("mia.jones@acme.example");
    }

    @Test
    void aLinkForOneTenantsRecordingIdNeverPlaysAnotherTenantsRecordingOfThatId() {
        String recordingId = RecordingUploadTest.newId();
        byte[] acmes = TestWav.tone(440, 8000);
        byte[] globexs = TestWav.tone(220, 8000);
        RecordingUploadTest.upload("Bearer globex-local-key", recordingId, "audio/wav", globexs).then().statusCode(201);

        String acmeToken = token(mint("acme", recordingId, body(newSurveyId(), List.of("esc-1"))));
        given().when().get("/r/{token}/audio", acmeToken).then().statusCode(404)
                .body("detail", containsString("not been uploaded yet"));

        RecordingUploadTest.upload(ACME, recordingId, "audio/wav", acmes).then().statusCode(201);
        String globexToken = token(mint("globex", recordingId, body(newSurveyId(), List.of("esc-2"))));
        assertThat(given().when().get("/r/{token}/audio", acmeToken).then().statusCode(200).extract().asByteArray())
                .isEqualTo(acmes);
        assertThat(given().when().get("/r/{token}/audio", globexToken).then().statusCode(200).extract()
                .asByteArray()).isEqualTo(globexs);
    }

    @Test
    void withoutTheInternalTokenNothingIsMintedAndTenantApiKeysOpenNothing() {
        String surveyId = newSurveyId();
        String recordingId = RecordingUploadTest.newId();
        List<String> refused = List.of("", "Bearer wrong-token", ACME, "Basic dGVzdDp0ZXN0",
                "Bearer test-only-internal-token-not-for-productio");
        for (String authorization : refused) {
            var request = given().contentType(ContentType.JSON).body(body(surveyId, List.of("esc-1")));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            request.when().post("/internal/v1/tenants/{tenant}/recordings/{recordingId}/links", "acme", recordingId)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401));
        }
        assertThat(rows("SELECT count(*) FROM recording_link WHERE survey_id = $1", surveyId).get(0).getLong(0))
                .isZero();
    }

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        String recordingId = RecordingUploadTest.newId();
        String surveyId = newSurveyId();
        assertRefused("acme", "no spaces in ids", body(surveyId, List.of("esc-1")), "recordingId");
        assertRefused("ac/me".replace("/", "%2F"), recordingId, body(surveyId, List.of("esc-1")), "tenant");

        Map<String, Object> noEmail = body(surveyId, List.of("esc-1"));
        noEmail.remove("viewerEmail");
        assertRefused("acme", recordingId, noEmail, "viewerEmail");
        Map<String, Object> notAnEmail = body(surveyId, List.of("esc-1"));
        notAnEmail.put("viewerEmail", "mia");
        assertRefused("acme", recordingId, notAnEmail, "viewerEmail");
        assertRefused("acme", recordingId, body(surveyId, List.of()), "escalationIds");
        Map<String, Object> noEscalations = body(surveyId, List.of("esc-1"));
        noEscalations.remove("escalationIds");
        assertRefused("acme", recordingId, noEscalations, "escalationIds");
        assertRefused("acme", recordingId, body("survey with spaces", List.of("esc-1")), "surveyId");
        assertRefused("acme", recordingId, body(surveyId, List.of("esc-1", " ")), "escalationIds[1]");

        given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body("{\"viewerEmail\": ")
                .when().post("/internal/v1/tenants/acme/recordings/{recordingId}/links", recordingId)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(rows("SELECT count(*) FROM recording_link WHERE recording_id = $1", recordingId).get(0)
                .getLong(0)).isZero();
    }

    @Test
    void theInternalEndpointIsDocumentedUnderItsOwnTag() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/internal/v1/tenants/{tenant}/recordings/{recordingId}/links'.post.tags",
                        org.hamcrest.Matchers.contains("internal"));
    }

    // --- helpers ---

    static Response mint(String tenant, String recordingId, Map<String, Object> body) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/tenants/{tenant}/recordings/{recordingId}/links", tenant, recordingId);
    }

    static Map<String, Object> body(String surveyId, List<String> escalationIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("viewerEmail", "mia.jones@acme.example");
        body.put("viewerName", "Mia Jones");
        body.put("managerId", "mgr-mia");
        body.put("surveyId", surveyId);
        body.put("escalationIds", escalationIds);
        body.put("timeZone", "Europe/London");
        return body;
    }

    private static void assertRefused(String tenant, String recordingId, Map<String, Object> body, String field) {
        given().urlEncodingEnabled(false).header("Authorization", INTERNAL).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/tenants/" + tenant + "/recordings/" + recordingId.replace(" ", "%20")
                        + "/links")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains(field));
    }

    static String token(Response minted) {
        minted.then().statusCode(201);
        String url = minted.jsonPath().getString("url");
        assertThat(url).startsWith(BASE_URL);
        return url.substring(BASE_URL.length());
    }

    private static String newSurveyId() {
        return "tel-" + UUID.randomUUID();
    }
}
