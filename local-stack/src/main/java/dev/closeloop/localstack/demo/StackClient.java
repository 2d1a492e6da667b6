package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP calls of the demo: those of the telephony platform, and of a tenant admin who reads escalations,
 * acknowledges them for their managers and changes a manager's working hours.
 */
final class StackClient {

    /** A status and body, kept for the message when something answers what it should not. */
    record Answer(int status, String body) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        String brief() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
            return status + (text.isEmpty() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    /** One escalation as the list shows it. */
    record Escalation(String id, String type, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI intake;
    private final URI engine;
    private final URI recording;
    private final String apiKey;
    private final String basicAuth;

    StackClient(URI intake, URI engine, URI recording, String apiKey, String adminUser, String adminPassword) {
        this.intake = intake;
        this.engine = engine;
        this.recording = recording;
        this.apiKey = apiKey;
        this.basicAuth = "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    Answer uploadRecording(String recordingId, byte[] wav) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(recording.resolve("/api/v1/recordings/" + recordingId))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "audio/wav")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(wav)));
    }

    Answer submitSurvey(JsonNode survey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(intake.resolve("/api/v1/surveys"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(survey))));
    }

    /** The types of the escalations the engine holds for a survey, one entry per escalation. */
    List<String> escalationTypes(String surveyId) throws IOException, InterruptedException {
        return escalations(surveyId).stream().map(Escalation::type).toList();
    }

    /** The escalations the engine holds for a survey. */
    List<Escalation> escalations(String surveyId) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(engine.resolve("/api/v1/escalations?surveyId="
                + URLEncoder.encode(surveyId, StandardCharsets.UTF_8)))
                .header("Authorization", basicAuth)
                .header("Accept", "application/json")
                .GET());
        if (answer.status() != 200) {
            throw new IOException("GET /api/v1/escalations?surveyId=" + surveyId + " answered " + answer.brief());
        }
        List<Escalation> escalations = new ArrayList<>();
        for (JsonNode item : JSON.readTree(answer.body()).path("items")) {
            escalations.add(new Escalation(item.path("id").asText(), item.path("type").asText(),
                    item.path("status").asText()));
        }
        return escalations;
    }

    /**
     * Acknowledges an escalation with the version just read; when something else changed it in between (412),
     * once more with the version that answer names.
     */
    Answer acknowledge(String escalationId, String note) throws IOException, InterruptedException {
        URI escalation = engine.resolve("/api/v1/escalations/" + URLEncoder.encode(escalationId,
                StandardCharsets.UTF_8));
        HttpResponse<String> current = sendRaw(HttpRequest.newBuilder(escalation)
                .header("Authorization", basicAuth)
                .header("Accept", "application/json")
                .GET());
        if (current.statusCode() != 200) {
            return answer(current);
        }
        String etag = current.headers().firstValue("ETag").orElse("");
        HttpResponse<String> acknowledged = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            acknowledged = sendRaw(HttpRequest.newBuilder(URI.create(escalation + "/acknowledge"))
                    .header("Authorization", basicAuth)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("note", note)))));
            if (acknowledged.statusCode() != 412) {
                break;
            }
            etag = acknowledged.headers().firstValue("ETag").orElse(etag);
        }
        return answer(acknowledged);
    }

    /** The tenant's directory as JSON. */
    Answer directory() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(engine.resolve("/api/v1/admin/directory"))
                .header("Authorization", basicAuth)
                .header("Accept", "application/json")
                .GET());
    }

    /** Adds or replaces one manager of the directory (whatever else changed in it meanwhile stays). */
    Answer putManager(String managerId, JsonNode manager) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(engine.resolve("/api/v1/admin/directory/managers/"
                + URLEncoder.encode(managerId, StandardCharsets.UTF_8)))
                .header("Authorization", basicAuth)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(manager))));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return answer(sendRaw(request));
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body());
    }
}
