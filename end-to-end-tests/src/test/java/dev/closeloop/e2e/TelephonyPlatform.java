package dev.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.Stack;
import io.restassured.response.Response;

/**
 * What the telephony platform does to a running stack: upload recordings and post surveys, as tenant acme unless
 * another tenant's API key is given.
 */
final class TelephonyPlatform {

    static final String API_KEY = "acme-local-key";
    static final ObjectMapper JSON = new ObjectMapper();

    private TelephonyPlatform() {
    }

    /** Posts the survey and checks intake accepted it (202). */
    static void submit(Stack stack, ObjectNode body) {
        submit(stack, body, API_KEY, "acme");
    }

    /** Posts the survey with the tenant's API key and checks intake accepted it (202) for that tenant. */
    static void submit(Stack stack, ObjectNode body, String apiKey, String tenant) {
        String surveyId = body.get("surveyId").asText();
        given().contentType("application/json").header("Authorization", "Bearer " + apiKey).body(body.toString())
                .post(stack.url(Service.SURVEY_INTAKE) + "/api/v1/surveys")
                .then().statusCode(202)
                .header("Location", "/api/v1/surveys/" + surveyId)
                .body("surveyId", equalTo(surveyId)).body("tenant", equalTo(tenant));
    }

    static Response uploadRecording(Stack stack, String recordingId, byte[] bytes) {
        return uploadRecording(stack, recordingId, bytes, API_KEY);
    }

    static Response uploadRecording(Stack stack, String recordingId, byte[] bytes, String apiKey) {
        return given().contentType("audio/wav").header("Authorization", "Bearer " + apiKey).body(bytes)
                .put(stack.url(Service.RECORDING_SERVICE) + "/api/v1/recordings/" + recordingId);
    }

    /** One of the public contract's example bodies, to change and post. */
    static ObjectNode contractExample(Path repoRoot, String file) throws IOException {
        Path path = repoRoot.resolve("survey-intake/src/test/resources/contract").resolve(file);
        return (ObjectNode) JSON.readTree(Files.readString(path));
    }
}
