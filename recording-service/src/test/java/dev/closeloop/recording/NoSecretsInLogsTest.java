package dev.closeloop.recording;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LogCapture;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Link tokens, tenant API keys and the internal token open recordings: none of them is ever written to the log,
 * not even at debug level, whether the request carrying it succeeds or is refused.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class NoSecretsInLogsTest {

    private static final String API_KEY = "acme-local-key";
    private static final String INTERNAL_TOKEN = "test-only-internal-token-not-for-production";
    private static final String WRONG_INTERNAL_TOKEN = "wrong-internal-token-" + UUID.randomUUID();
    private static final String WRONG_API_KEY = "wrong-api-key-" + UUID.randomUUID();

    @Test
    void noTokenOrKeyReachesTheLogWhateverTheRequestComesTo() {
        String token;
        String tampered;
        String escalationId = UUID.randomUUID().toString();
        try (LogCapture log = LogCapture.start(Map.of("dev.closeloop", Level.FINE, "io.quarkus.vertx.http", Level.FINE,
                "org.jboss.resteasy.reactive", Level.FINE))) {
            String recordingId = RecordingUploadTest.newId();
            RecordingUploadTest.upload("Bearer " + API_KEY, recordingId, "audio/wav", TestWav.tone(440, 800))
                    .then().statusCode(201);
            RecordingUploadTest.upload("Bearer " + API_KEY, RecordingUploadTest.newId(), "audio/mpeg",
                    TestWav.tone(440, 800)).then().statusCode(415);
            RecordingUploadTest.upload("Bearer " + WRONG_API_KEY, recordingId, "audio/wav", TestWav.tone(440, 800))
                    .then().statusCode(401);

            token = ConsoleLinkTest.token(ConsoleLinkTest.mint("acme", recordingId,
                    ConsoleLinkTest.body("tel-" + UUID.randomUUID(), List.of(escalationId))));
            tampered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
            given().get("/r/{token}", token).then().statusCode(200);
            given().header("Range", "bytes=0-9").get("/r/{token}/audio", token).then().statusCode(206);
            given().get("/r/{token}", tampered).then().statusCode(404);
            given().get("/r/{token}/audio", tampered).then().statusCode(404);
            given().header("Authorization", "Bearer " + WRONG_INTERNAL_TOKEN).contentType(ContentType.JSON)
                    .body(ConsoleLinkTest.body("tel-1", List.of("esc-1")))
                    .post("/internal/v1/tenants/acme/recordings/{id}/links", recordingId).then().statusCode(401);
            LinkSecurityTest.revoke("acme", escalationId, "admin@acme.example").then().statusCode(200);
            given().get("/r/{token}/audio", token).then().statusCode(410);

            String logged = log.text();
            assertThat(log.size()).as("the log was captured").isPositive();
            assertThat(logged).contains(escalationId);
            for (String secret : List.of(API_KEY, WRONG_API_KEY, INTERNAL_TOKEN, WRONG_INTERNAL_TOKEN, token, tampered,
                    token.substring(0, 16), tampered.substring(27))) {
                assertThat(log.recordsContaining(secret)).as("log records naming a secret").isEmpty();
            }
        }
    }
}
