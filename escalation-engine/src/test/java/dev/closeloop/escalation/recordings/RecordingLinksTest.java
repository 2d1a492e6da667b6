package dev.closeloop.escalation.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
@WithTestResource(FakeRecordingService.class)
class RecordingLinksTest {

    private static final RecordingViewer MIA = new RecordingViewer("mia.jones@acme.example", "Mia Jones", "mgr-mia",
            "Europe/London");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    RecordingLinks links;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void answerLikeTheRecordingService() {
        FakeRecordingService.forget();
        FakeRecordingService.answer(201, "{\"url\": \"http://recordings.test/r/tok\", "
                + "\"audioUrl\": \"http://recordings.test/r/tok/audio\", \"expiresAt\": \"2026-12-04T12:15:00Z\"}");
    }

    @AfterEach
    void releaseHeldRequests() {
        FakeRecordingService.release();
    }

    @Test
    void aMintedLinkIsAskedForWithTheInternalTokenAndComesBackForTheViewer() throws Exception {
        Optional<ViewerRecordingLink> link = linkFor("rec-42", MIA);

        assertThat(link).contains(new ViewerRecordingLink("http://recordings.test/r/tok",
                "http://recordings.test/r/tok/audio", Instant.parse("2026-12-04T12:15:00Z")));
        List<FakeRecordingService.Received> received = FakeRecordingService.received();
        assertThat(received).hasSize(1);
        FakeRecordingService.Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/internal/v1/tenants/acme/recordings/rec-42/links");
        assertThat(request.authorization()).isEqualTo("Bearer test-only-internal-token-not-for-production");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("viewerEmail").asText()).isEqualTo("mia.jones@acme.example");
        assertThat(body.get("viewerName").asText()).isEqualTo("Mia Jones");
        assertThat(body.get("managerId").asText()).isEqualTo("mgr-mia");
        assertThat(body.get("surveyId").asText()).isEqualTo("tel-1");
        assertThat(body.get("escalationIds")).extracting(JsonNode::asText).containsExactly("esc-1", "esc-2");
        assertThat(body.get("timeZone").asText()).isEqualTo("Europe/London");
    }

    @Test
    void aViewerWithoutDirectoryIdOrTimeZoneIsSentAsNulls() throws Exception {
        assertThat(linkFor("rec-42", new RecordingViewer("admin@acme.example", "Admin", null, null))).isPresent();

        JsonNode body = json.readTree(FakeRecordingService.received().get(0).body());
        assertThat(body.get("managerId").isNull()).isTrue();
        assertThat(body.get("timeZone").isNull()).isTrue();
    }

    @Test
    void noRecordingMeansNoLinkAndNoCall() {
        assertThat(linkFor(null, MIA)).isEmpty();
        assertThat(linkFor("  ", MIA)).isEmpty();
        assertThat(FakeRecordingService.received()).isEmpty();
    }

    @Test
    void aFailingOrRefusingRecordingServiceMeansNoLink() {
        FakeRecordingService.answer(500, "{\"status\": 500}");
        assertThat(linkFor("rec-42", MIA)).isEmpty();
        FakeRecordingService.answer(401, "{\"status\": 401}");
        assertThat(linkFor("rec-42", MIA)).isEmpty();
        FakeRecordingService.answer(404, "{\"status\": 404}");
        assertThat(linkFor("rec-42", MIA)).isEmpty();
        FakeRecordingService.answer(201, "{\"url\": null}");
        assertThat(linkFor("rec-42", MIA)).as("an answer without a link").isEmpty();
        FakeRecordingService.answer(201, "not json");
        assertThat(linkFor("rec-42", MIA)).isEmpty();
    }

    @Test
    void aRecordingServiceThatDoesNotAnswerMeansNoLinkWithinTheReadTimeout() {
        CountDownLatch hanging = FakeRecordingService.hang();
        long started = System.nanoTime();

        assertThat(linkFor("rec-42", MIA)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RecordingLinks.AT_MOST);
        hanging.countDown();
    }

    @Test
    void anUnreachableRecordingServiceMeansNoLink() throws Exception {
        FakeRecordingService.close();
        try {
            assertThat(linkFor("rec-42", MIA)).isEmpty();
        } finally {
            FakeRecordingService.reopen();
        }
        assertThat(linkFor("rec-42", MIA)).as("back once it listens again").isPresent();
    }

    private Optional<ViewerRecordingLink> linkFor(String recordingId, RecordingViewer viewer) {
        return links.linkFor("acme", recordingId, "tel-1", List.of("esc-1", "esc-2"), viewer)
                .await().atMost(PATIENCE);
    }
}
