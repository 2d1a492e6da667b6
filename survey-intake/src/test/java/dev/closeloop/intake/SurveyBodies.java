package dev.closeloop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Survey bodies for tests, built from the contract's examples (copied into src/test/resources/contract). */
public final class SurveyBodies {

    public static final List<String> EXAMPLES = List.of("survey-all-fives.json", "survey-lead.json",
            "survey-negative-feedback.json", "survey-poor-score.json");

    public static final String ACME_KEY = "acme-local-key";
    public static final String GLOBEX_KEY = "globex-local-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SurveyBodies() {
    }

    /** The contract example, as a tree to change. */
    public static ObjectNode example(String name) {
        try (InputStream in = SurveyBodies.class.getResourceAsStream("/contract/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The poor-score example under a surveyId no other test uses. */
    public static ObjectNode freshSurvey() {
        return example("survey-poor-score.json").put("surveyId", freshSurveyId());
    }

    public static String freshSurveyId() {
        return "test-" + UUID.randomUUID();
    }

    public static String text(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
