package dev.closeloop.escalation.directory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

    /** How Jackson begins the message of a key given twice. */
    private static final String DUPLICATE = "Duplicate field '";

    private DirectoryDocuments() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                // a key given twice would otherwise silently keep the last value
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // an absent agentTeam reads as false: failing on it would refuse every level that leaves it out,
                // and every export, which leaves false out
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
            throw new UnreadableDirectoryException(describe(e, "JSON", json, List.of()));
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

    /**
     * @param yaml the document {@code node} was read from, and {@code at} where in it (field names and
     *             indexes), so that a problem names its line: a tree has no lines
     */
    static <T> T convert(JsonNode node, Class<T> type, String yaml, List<Object> at) {
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableDirectoryException(describe(e, "YAML", yaml, at));
        }
    }

    private static TenantDirectory read(ObjectMapper mapper, String text, String format) {
        if (text == null || text.isBlank()) {
            throw new UnreadableDirectoryException("the document is empty");
        }
        try {
            return mapper.readValue(text, TenantDirectory.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableDirectoryException(describe(e, format, text, List.of()));
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
        return describe(e, format, null, List.of());
    }

    /**
     * @param text the document, to find the line of the field at fault
     * @param at   where in {@code text} the value being read starts
     */
    static String describe(JsonProcessingException e, String format, String text, List<Object> at) {
        int located = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            // Jackson places a YAML syntax error after the last event it read, lines before the problem
            located = yaml.getProblemMark().getLine() + 1;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith(DUPLICATE)) {
                String message = parse.getOriginalMessage();
                String key = message.substring(DUPLICATE.length(), message.indexOf('\'', DUPLICATE.length()));
                int line = parse.getLocation() == null ? located : parse.getLocation().getLineNr();
                return "'" + key + "' is given twice in the same place" + line(line);
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            List<Object> steps = new ArrayList<>(at);
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                    steps.add(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                    steps.add(ref.getIndex());
                }
            }
            String what = e instanceof UnrecognizedPropertyException ? "unknown field" : "has an unreadable value";
            // Jackson reports a record's unknown field once the whole record is read, at its end (and a tree has no
            // lines at all), so the field's line is looked up in the text
            OptionalInt line = lineOf("JSON".equals(format) ? JSON : YAML, text, steps);
            return path + ": " + what + line(line.orElse(located));
        }
        return "not valid " + format + line(located);
    }

    /** " (line 12)" for the field or item at {@code steps} of a YAML document; empty if it is not there. */
    static String yamlLine(String yaml, List<Object> steps) {
        return line(lineOf(YAML, yaml, steps).orElse(-1));
    }

    private static String line(int line) {
        return line < 1 ? "" : " (line " + line + ")";
    }

    /** The line of the field or item at {@code steps} (field names and indexes) in {@code text}, if it is there. */
    private static OptionalInt lineOf(ObjectMapper mapper, String text, List<Object> steps) {
        if (text == null || steps.isEmpty()) {
            return OptionalInt.empty();
        }
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token = parser.nextToken();
            int line = -1;
            for (Object step : steps) {
                if (step instanceof String field && token == JsonToken.START_OBJECT) {
                    token = parser.nextToken();
                    while (token == JsonToken.FIELD_NAME && !field.equals(parser.currentName())) {
                        parser.nextToken();
                        parser.skipChildren();
                        token = parser.nextToken();
                    }
                    if (token != JsonToken.FIELD_NAME) {
                        return OptionalInt.empty();
                    }
                    line = parser.currentTokenLocation().getLineNr();
                    token = parser.nextToken();
                } else if (step instanceof Integer index && token == JsonToken.START_ARRAY) {
                    token = parser.nextToken();
                    for (int i = 0; i < index && token != JsonToken.END_ARRAY; i++) {
                        parser.skipChildren();
                        token = parser.nextToken();
                    }
                    if (token == null || token == JsonToken.END_ARRAY) {
                        return OptionalInt.empty();
                    }
                    line = parser.currentTokenLocation().getLineNr();
                } else {
                    return OptionalInt.empty();
                }
            }
            return line < 1 ? OptionalInt.empty() : OptionalInt.of(line);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** The document could not even be read into a directory; the message says where. */
    public static class UnreadableDirectoryException extends RuntimeException {
        public UnreadableDirectoryException(String message) {
            super(message);
        }
    }
}
