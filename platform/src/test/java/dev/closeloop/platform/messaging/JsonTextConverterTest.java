package dev.closeloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class JsonTextConverterTest {

    private final JsonTextConverter converter = new JsonTextConverter();

    @Test
    void jsonThatArrivedAsAnObjectOrAsBytesIsHandedOnAsText() {
        Message<JsonObject> object = Message.of(new JsonObject().put("eventId", "e-1"));
        Message<byte[]> bytes = Message.of("{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(converter.canConvert(object, String.class)).isTrue();
        assertThat(converter.convert(object, String.class).getPayload()).isEqualTo("{\"eventId\":\"e-1\"}");
        assertThat(converter.canConvert(bytes, String.class)).isTrue();
        assertThat(converter.convert(bytes, String.class).getPayload()).isEqualTo("{\"eventId\":\"e-2\"}");
    }

    @Test
    void textAndOtherTargetsAreLeftAlone() {
        assertThat(converter.canConvert(Message.of("{}"), String.class)).isFalse();
        assertThat(converter.canConvert(Message.of(new JsonObject()), JsonObject.class)).isFalse();
    }
}
