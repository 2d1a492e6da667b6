package dev.closeloop.escalation.messaging;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON text of an incoming AMQP payload. The relay sends an AMQP string value, but the connector
 * turns a data section with content type application/json into a JsonObject and other binary
 * into bytes: every form ends up as the same text for the codec.
 */
final class IncomingText {

    private IncomingText() {
    }

    static String of(Object payload) {
        if (payload == null) {
            return "";
        }
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof JsonObject json) {
            return json.encode();
        }
        if (payload instanceof JsonArray json) {
            return json.encode();
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8.name());
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return payload.toString();
    }
}
