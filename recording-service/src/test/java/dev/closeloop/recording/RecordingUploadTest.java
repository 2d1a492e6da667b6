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
        upload(ACME, id, "audio/mpeg", TestAudio.mp3Frames()).then().statusCode(409)
                .contentType("application/problem+json");

        given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id)
                .then().statusCode(200).body("sha256", equalTo(Hashes.sha256Hex(first)))
                .body("contentType", equalTo("audio/wav"));
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void eachOfTheFourAudioTypesIsAcceptedParametersAside() {
        upload(ACME, newId(), "audio/mpeg", TestAudio.mp3WithId3()).then().statusCode(201)
                .body("contentType", equalTo("audio/mpeg"));
        upload(ACME, newId(), "audio/mpeg", TestAudio.mp3Frames()).then().statusCode(201)
                .body("contentType", equalTo("audio/mpeg"));
        upload(ACME, newId(), "audio/ogg; codecs=opus", TestAudio.ogg()).then().statusCode(201)
                .body("contentType", equalTo("audio/ogg"));
        upload(ACME, newId(), "audio/mp4", TestAudio.m4a()).then().statusCode(201)
                .body("contentType", equalTo("audio/mp4"));
    }

    @Test
    void bytesThatAreNotTheDeclaredTypeAreRefusedWith415NamingBothAndNothingIsStored() throws Exception {
        long filesBefore = storedFiles();
        record Lie(String declared, byte[] bytes, String lookLike) {
        }
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Lie> lies = List.of(
                new Lie("audio/mpeg", TestWav.tone(440, 800), "audio/wav"),
                new Lie("audio/wav", TestAudio.mp3WithId3(), "audio/mpeg"),
                new Lie("audio/ogg", TestAudio.m4a(), "audio/mp4"),
                new Lie("audio/mp4", TestAudio.ogg(), "audio/ogg"),
                new Lie("audio/wav", html, "none of the accepted audio types"),
                new Lie("audio/mpeg", new byte[] { (byte) 0xFF }, "none of the accepted audio types"),
                new Lie("audio/ogg", new byte[0], "none of the accepted audio types"));
        for (Lie lie : lies) {
            String id = newId();
            upload(ACME, id, lie.declared(), lie.bytes()).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("detail", containsString("Content-Type is " + lie.declared()))
                    .body("detail", containsString("bytes look like " + lie.lookLike()));
            given().header("Authorization", ACME).get("/api/v1/recordings/{id}", id).then().statusCode(404);
            assertThat(rows("SELECT count(*) FROM recording WHERE recording_id = $1", id)).isZero();
        }
        assertThat(storedFiles()).as("no file left behind, staged or stored").isEqualTo(filesBefore);
        assertThat(stagedFiles()).isZero();
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
    void idsThatLookLikePathsAreRefusedOnEveryEndpointAndNeverTouchTheFileSystem() throws Exception {
        // as they come on the wire, percent-encoded or not: the client must not normalise them first
        List<String> rawIds = List.of("..", ".", "%2e%2e", "%2E%2E%2Fx", "../x", "..%2Fx", "..%2F..%2Fescaped",
                "..%5Cx", "a/b", "a%2Fb", "a%5Cb", "%00", "a%00b", "x".repeat(1500), ".hidden", "%2ehidden",
                "rec%E2%80%901", "r%D0%B5c-1", "%EF%BD%92ec-1", "rec%E2%80%A4%E2%80%A4%2Fx", "rec%C2%A0x");
        Path outside = storageRoot.getParent();
        List<String> before = tree(storageRoot);
        List<String> besideBefore = tree(outside, 1);
        HttpClient client = HttpClient.newHttpClient();
        for (String rawId : rawIds) {
            URI uri = URI.create(recordingsUri + "/" + rawId);
            URI internal = URI.create(recordingsUri.resolve("/internal/v1/tenants/acme/recordings/") + rawId + "/links");
            List<HttpResponse<String>> answers = List.of(
                    client.send(HttpRequest.newBuilder(uri).header("Authorization", ACME).header("Content-Type", "audio/wav")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(TestWav.tone(440, 100))).build(),
                            HttpResponse.BodyHandlers.ofString()),
                    client.send(HttpRequest.newBuilder(uri).header("Authorization", ACME).GET().build(),
                            HttpResponse.BodyHandlers.ofString()),
                    client.send(HttpRequest.newBuilder(internal).header("Authorization", ConsoleLinkTest.INTERNAL)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"viewerEmail\": \"mia.jones@acme.example\", "
                                    + "\"surveyId\": \"tel-1\", \"escalationIds\": [\"esc-1\"]}"))
                            .build(), HttpResponse.BodyHandlers.ofString()));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.request().method() + " " + shortly(rawId)).isIn(400, 404);
            }
        }
        assertThat(rows("SELECT count(*) FROM recording WHERE recording_id !~ $1", "^[A-Za-z0-9][A-Za-z0-9._:-]*$"))
                .isZero();
        assertThat(rows("SELECT count(*) FROM recording_link WHERE recording_id !~ $1", "^[A-Za-z0-9][A-Za-z0-9._:-]*$"))
                .isZero();
        assertThat(tree(storageRoot)).as("nothing written under the recordings directory").isEqualTo(before);
        assertThat(tree(outside, 1)).as("nor beside it").isEqualTo(besideBefore);
        for (String escape : List.of("x", "escaped", "../x", "../escaped", "../../escaped", "a/b", "a", "b")) {
            assertThat(storageRoot.resolve(escape)).doesNotExist();
        }
    }

    private static String shortly(String rawId) {
        return rawId.length() > 40 ? rawId.substring(0, 10) + "... (" + rawId.length() + " characters)" : rawId;
    }

    private static List<String> tree(Path root) throws java.io.IOException {
        return tree(root, Integer.MAX_VALUE);
    }

    private static List<String> tree(Path root, int depth) throws java.io.IOException {
        try (var paths = Files.walk(root, depth)) {
            return paths.map(path -> root.relativize(path).toString()).sorted().toList();
        }
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

    /** Every file under the recordings directory, staging included. */
    private long storedFiles() throws java.io.IOException {
        try (var files = Files.walk(storageRoot)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long stagedFiles() {
        try (var files = Files.list(storageRoot.resolve(".staging"))) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
