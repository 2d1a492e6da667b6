package dev.closeloop.escalation.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes a tenant directory as YAML (import, export, the seed file) and JSON (the API and
 * the database column). Unknown keys are refused: a misspelt {@code emial} must not silently leave a
 * manager without an address.
 */
public final class DirectoryDocuments {

    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private DirectoryDocuments() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** @throws UnreadableDirectoryException naming the field or line that could not be read */
    public static TenantDirectory fromYaml(String yaml) {
        return read(YAML, yaml, "YAML");
    }

    /** @throws UnreadableDirectoryException naming the field that could not be read */
    public static TenantDirectory fromJson(String json) {
        return read(JSON, json, "JSON");
    }

    /** One part of a directory (a site, a manager...) as JSON, as strictly as a whole document. */
    public static <T> T fromJson(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new UnreadableDirectoryException("the body is empty");
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableDirectoryException(describe(e, "JSON"));
        }
    }

    public static String toYaml(TenantDirectory directory) {
        return write(YAML, directory);
    }

    public static String toJson(TenantDirectory directory) {
        return write(JSON, directory);
    }

    static ObjectMapper yamlMapper() {
        return YAML;
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableDirectoryException(describe(e, "YAML"));
        }
    }

    private static TenantDirectory read(ObjectMapper mapper, String text, String format) {
        if (text == null || text.isBlank()) {
            throw new UnreadableDirectoryException("the document is empty");
        }
        try {
            return mapper.readValue(text, TenantDirectory.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableDirectoryException(describe(e, format));
        }
    }

    private static String write(ObjectMapper mapper, TenantDirectory directory) {
        try {
            return mapper.writeValueAsString(directory);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A directory record could not be written", e);
        }
    }

    /** "teams[0].managr: unknown field (line 12)": where, what, and never a Java class name. */
    static String describe(JsonProcessingException e, String format) {
        String line = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ")";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            String what = e instanceof UnrecognizedPropertyException ? "unknown field" : "has an unreadable value";
            return path + ": " + what + line;
        }
        return "not valid " + format + line;
    }

    /** The document could not even be read into a directory; the message says where. */
    public static class UnreadableDirectoryException extends RuntimeException {
        public UnreadableDirectoryException(String message) {
            super(message);
        }
    }
}
