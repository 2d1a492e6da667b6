package dev.closeloop.escalation.repository;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.directory.Route;
import dev.closeloop.events.Survey;

/**
 * JSON kept in text columns: lists read together with their escalation and never queried inside,
 * and the survey snapshot. Text rather than jsonb keeps the reactive driver's binding simple.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<NotifiedContact>> CONTACTS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getType(), e);
        }
    }

    public static Survey survey(String json) {
        return read(json, new TypeReference<Survey>() {
        });
    }

    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> attribute) {
            return write(attribute == null ? List.of() : attribute);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null ? List.of() : List.copyOf(read(column, STRINGS));
        }
    }

    @Converter
    public static class RouteColumn implements AttributeConverter<Route, String> {
        @Override
        public String convertToDatabaseColumn(Route attribute) {
            return attribute == null ? null : write(attribute);
        }

        @Override
        public Route convertToEntityAttribute(String column) {
            return column == null ? null : read(column, new TypeReference<Route>() {
            });
        }
    }

    @Converter
    public static class ContactList implements AttributeConverter<List<NotifiedContact>, String> {
        @Override
        public String convertToDatabaseColumn(List<NotifiedContact> attribute) {
            return write(attribute == null ? List.of() : attribute);
        }

        @Override
        public List<NotifiedContact> convertToEntityAttribute(String column) {
            return column == null ? List.of() : List.copyOf(read(column, CONTACTS));
        }
    }
}
