package dev.closeloop.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class RecordingUploadTest {

    static final String ACME = "Bearer acme-local-key";
    static final String GLOBEX = "Bearer globex-local-key";

    @Inject
    Pool pool;

    @ConfigProperty(name = "closeloop.recordings.directory")
    Path storageRoot;

    @TestHTTPResource("/api/v1/recordings")
    URI recordingsUri;

    @Test
    void aFirstUploadIsStoredAndAnsweredCreatedWithItsLocation() throws Exception {
        String id = newId();
        byte[] wav = TestWav.tone(440, 8000);

        given().header("Authorization", ACME).contentType("audio/wav").body(wav)
                .when().put("/api/v1/recordings/{id}", id)
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/recordings/" + id))
                .body("recordingId", equalTo(id))
                .body("contentType", equalTo("audio/wav"))
                .body("size", equalTo(wav.length))
                .body("sha256", equalTo(Hashes.sha256Hex(wav)));

        given().header("Authorization", ACME)
                .when().get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("sha256", equalTo(Hashes.sha256Hex(wav)));

        String key = pool.preparedQuery("SELECT storage_key FROM recording WHERE tenant = $1 AND recording_id = $2")
                .execute(Tuple.of("acme", id)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("storage_key");
        assertThat(key).startsWith("acme/").doesNotContain(id);
        assertThat(Files.readAllBytes(storageRoot.resolve(key))).isEqualTo(wav);
    }

    @Test
    void theSameBytesAgainAreAnsweredOkAndChangeNothing() {
        String id = newId();
        byte[] wav = TestWav.tone(440, 8000);
        upload(ACME, id, "audio/wav", wav).then().statusCode(201);
        String uploadedAt = given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id)
                .then().extract().path("uploadedAt");

        upload(ACME, id, "audio/wav", wav).then().statusCode(200)
                .body("sha256", equalTo(Hashes.sha256Hex(wav)))
                .body("uploadedAt", equalTo(uploadedAt));
        assertThat(rows("SELECT count(*) FROM recording WHERE recording_id = $1", id)).isEqualTo(1);
    }

    @Test
    void otherBytesUnderAnIdAlreadyStoredAreAConflictAndTheFirstRecordingStays() {
        String id = newId();
        byte[] first = TestWav.tone(440, 8000);
        upload(ACME, id, "audio/wav", first).then().statusCode(201);

        upload(ACME, id, "audio/wav", TestWav.tone(880, 8000)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(id));
        upload(ACME, id, "audio/mpeg", first).then().statusCode(409).contentType("application/problem+json");

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("sha256", equalTo(Hashes.sha256Hex(first)))
                .body("contentType", equalTo("audio/wav"));
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void eachOfTheFourAudioTypesIsAcceptedParametersAside() {
        upload(ACME, newId(), "audio/mpeg", new byte[] { 1, 2, 3 }).then().statusCode(201)
                .body("contentType", equalTo("audio/mpeg"));
        upload(ACME, newId(), "audio/ogg; codecs=opus", new byte[] { 1, 2, 3 }).then().statusCode(201)
                .body("contentType", equalTo("audio/ogg"));
        upload(ACME, newId(), "audio/mp4", new byte[] { 1, 2, 3 }).then().statusCode(201)
                .body("contentType", equalTo("audio/mp4"));
    }

    @Test
    void anythingButTheFourAudioTypesIsRefusedWith415AndNothingIsStored() {
        String id = newId();
        for (String type : new String[] { "text/plain", "application/octet-stream", "audio/x-wav", "video/mp4" }) {
            upload(ACME, id, type, TestWav.tone(440, 8000)).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("detail", containsString("audio/wav"));
        }
        given().header("Authorization", ACME).body(TestWav.tone(440, 100))
                .when().put("/api/v1/recordings/{id}", id)
                .then().statusCode(415).contentType("application/problem+json");

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id).then().statusCode(404);
    }

    @Test
    void anUploadOverTheConfiguredLimitIsRefusedWith413AndNothingIsStored() {
        String id = newId();
        // %test limit is 64K: 40,000 samples are 80,044 bytes
        upload(ACME, id, "audio/wav", TestWav.tone(440, 40_000)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("65536"));

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id).then().statusCode(404);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void aStreamedUploadWithoutLengthIsCountedAndRefusedWith413OnceOverTheLimit() throws Exception {
        String id = newId();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // an InputStream publisher has no length: the body goes chunked, so only counting can stop it
        HttpRequest request = HttpRequest.newBuilder(recordingsUri.resolve("recordings/" + id))
                .header("Authorization", ACME).header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(TestWav.tone(440, 40_000))))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id).then().statusCode(404);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void aStreamedUploadWithinTheLimitIsStored() throws Exception {
        String id = newId();
        byte[] wav = TestWav.tone(523, 30_000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(recordingsUri.resolve("recordings/" + id))
                .header("Authorization", ACME).header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(wav)))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("size", equalTo(wav.length))
                .body("sha256", equalTo(Hashes.sha256Hex(wav)));
    }

    @Test
    void concurrentFirstUploadsOfOneIdStoreItOnceAndTellTheOthersApart() throws Exception {
        String same = newId();
        String different = newId();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> identical = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> conflicting = new ArrayList<>();
        byte[] wav = TestWav.tone(440, 8000);
        for (int i = 0; i < 6; i++) {
            identical.add(http.sendAsync(put(same, wav), HttpResponse.BodyHandlers.ofString()));
            conflicting.add(http.sendAsync(put(different, TestWav.tone(300 + 50 * i, 8000)),
                    HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(statuses(identical)).containsExactlyInAnyOrder(201, 200, 200, 200, 200, 200);
        assertThat(statuses(conflicting)).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        String stored = given().header("Authorization", ACME).get("/api/v1/recordings/{id}", different)
                .then().statusCode(200).extract().path("sha256");
        assertThat(Hashes.sha256Hex(Files.readAllBytes(storageRoot.resolve(StorageKeys.forRecording("acme", different)))))
                .isEqualTo(stored);
        assertThat(stagedFiles()).isZero();
    }

    private HttpRequest put(String id, byte[] body) {
        return HttpRequest.newBuilder(recordingsUri.resolve("recordings/" + id))
                .header("Authorization", ACME).header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> responses) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            statuses.add(response.get(30, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }

    @Test
    void anInvalidRecordingIdIsRefusedWith400NamingTheField() {
        for (String id : new String[] { "bad id", "x".repeat(129), "a;b", "ä" }) {
            upload(ACME, id, "audio/wav", TestWav.tone(440, 100)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("recordingId"));
        }
        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", "bad id").then().statusCode(400);
    }

    @Test
    void anIdThatLooksLikeAPathNeverReachesTheStorage() {
        Response response = given().urlEncodingEnabled(false).header("Authorization", ACME).contentType("audio/wav")
                .body(TestWav.tone(440, 100))
                .when().put("/api/v1/recordings/..%2F..%2Fescaped");
        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(Files.exists(storageRoot.resolve("../escaped"))).isFalse();
        assertThat(Files.exists(storageRoot.resolve("../../escaped"))).isFalse();
    }

    @Test
    void noKeyOrAnUnknownKeyIsRefusedWith401() {
        String id = newId();
        given().contentType("audio/wav").body(TestWav.tone(440, 100))
                .when().put("/api/v1/recordings/{id}", id)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        upload("Bearer not-a-key", id, "audio/wav", TestWav.tone(440, 100)).then().statusCode(401);
        given().get("/api/v1/recordings/{id}", id).then().statusCode(401);

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id).then().statusCode(404);
    }

    @Test
    void tenantsKeepTheirRecordingsApartEvenUnderTheSameId() throws Exception {
        String id = newId();
        byte[] acmes = TestWav.tone(440, 8000);
        byte[] globexs = TestWav.tone(660, 8000);
        upload(ACME, id, "audio/wav", acmes).then().statusCode(201);

        // globex cannot see acme's recording...
        given().header("Authorization", GLOBEX).get("/api/v1/recordings/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        // ...and its upload under the same id is its own, not a conflict that would reveal acme's
        upload(GLOBEX, id, "audio/wav", globexs).then().statusCode(201)
                .body("sha256", equalTo(Hashes.sha256Hex(globexs)));

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("sha256", equalTo(Hashes.sha256Hex(acmes)));
        given().header("Authorization", GLOBEX).get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("sha256", equalTo(Hashes.sha256Hex(globexs)));
        assertThat(Files.readAllBytes(storageRoot.resolve(StorageKeys.forRecording("acme", id)))).isEqualTo(acmes);
        assertThat(Files.readAllBytes(storageRoot.resolve(StorageKeys.forRecording("globex", id)))).isEqualTo(globexs);
    }

    static Response upload(String authorization, String id, String contentType, byte[] body) {
        return given().header("Authorization", authorization).contentType(contentType).body(body)
                .when().put("/api/v1/recordings/{id}", id);
    }

    static String newId() {
        return "rec-" + UUID.randomUUID();
    }

    private long rows(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long stagedFiles() {
        try (var files = Files.list(storageRoot.resolve(".staging"))) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
