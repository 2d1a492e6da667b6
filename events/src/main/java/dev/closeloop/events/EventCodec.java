package dev.closeloop.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns envelopes into JSON text and back. Every service uses this one codec, so a message always
 * reads the same on both sides of the broker. Unknown fields are ignored: producers may add fields
 * before consumers know them.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventCodec() {
    }

    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode event " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope whose payload must be of {@code payloadType}.
     *
     * @throws MalformedEventException when the text is not such an envelope; a consumer should
     *                                 dead-letter it rather than retry
     */
    public static <P> EventEnvelope<P> decode(String json, Class<P> payloadType) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
        try {
            EventEnvelope<P> envelope = MAPPER.readValue(json, type);
            if (envelope == null) {
                throw new MalformedEventException("empty message", null);
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a " + payloadType.getSimpleName() + " envelope", e);
        }
    }

    /** Raised when a message cannot be read; retrying will not help. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
