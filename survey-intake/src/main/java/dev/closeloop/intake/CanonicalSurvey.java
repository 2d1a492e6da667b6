package dev.closeloop.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.closeloop.events.Survey;

/**
 * A validated survey in one fixed textual form, and the SHA-256 of that text. Two submissions are the
 * same survey exactly when their canonical forms are equal: whitespace, key order, an offset written as
 * {@code +01:00} rather than {@code Z}, or {@code "csr"} left out rather than sent all false do not make a
 * replay a different survey.
 *
 * @param json the canonical JSON: properties sorted, instants in UTC ISO-8601, absent values as null
 * @param hash the lower-case hex SHA-256 of {@code json}
 */
public record CanonicalSurvey(String json, String hash) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static CanonicalSurvey of(Survey survey) {
        String json;
        try {
            json = MAPPER.writeValueAsString(survey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write survey " + survey.surveyId(), e);
        }
        return new CanonicalSurvey(json, sha256(json));
    }

    /** Reads a canonical form back. */
    public static Survey read(String json) {
        try {
            return MAPPER.readValue(json, Survey.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey is not readable", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
