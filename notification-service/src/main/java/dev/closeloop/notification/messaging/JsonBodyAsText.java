package dev.closeloop.notification.messaging;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MessageConverter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Our producers send the envelope as an AMQP string value, which arrives as a String. A producer that
 * sends it as a data section arrives as a JsonObject (content type application/json) or as bytes; this
 * hands those to the consumer as the same JSON text, so they are read rather than rejected.
 */
@ApplicationScoped
public class JsonBodyAsText implements MessageConverter {

    @Override
    public boolean canConvert(Message<?> in, Type target) {
        Object payload = in.getPayload();
        return target == String.class
                && (payload instanceof JsonObject || payload instanceof JsonArray || payload instanceof byte[]);
    }

    @Override
    public Message<?> convert(Message<?> in, Type target) {
        Object payload = in.getPayload();
        String text;
        if (payload instanceof JsonObject) {
            text = ((JsonObject) payload).encode();
        } else if (payload instanceof JsonArray) {
            text = ((JsonArray) payload).encode();
        } else {
            text = new String((byte[]) payload, StandardCharsets.UTF_8);
        }
        return in.withPayload(text);
    }
}
