package dev.closeloop.platform.messaging;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MessageConverter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Hands consumers the JSON text whatever AMQP body section carried it. The outbox relays send an
 * {@code AmqpValue} string, which arrives as a String; a producer sending a {@code Data} section with
 * {@code application/json} (another client, a replay from the dead-letter queue) arrives as a JsonObject or
 * bytes, which this turns back into text.
 */
@ApplicationScoped
public class JsonTextConverter implements MessageConverter {

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
        if (payload instanceof byte[]) {
            text = new String((byte[]) payload, StandardCharsets.UTF_8);
        } else if (payload instanceof JsonObject) {
            text = ((JsonObject) payload).encode();
        } else {
            text = ((JsonArray) payload).encode();
        }
        return in.withPayload(text);
    }
}
