package dev.closeloop.escalation;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The test's own plain AMQP client: it plays survey-intake and notification-service by sending to
 * the engine's addresses, and plays recording-service as the only consumer of escalations.raised,
 * keeping everything published there, and as the notification-service's ear for push.subscriptions. One per test JVM, like the broker.
 */
public final class EngineBroker {

    private static EngineBroker instance;

    private final AmqpConnection connection;
    private final Queue<EventEnvelope<EscalationsRaised>> raised = new ConcurrentLinkedQueue<>();
    private final Queue<EventEnvelope<PushSubscriptionChanged>> pushSubscriptions = new ConcurrentLinkedQueue<>();

    private EngineBroker(AmqpConnection connection) {
        this.connection = connection;
    }

    public static synchronized EngineBroker connect(String host, int port) {
        if (instance == null) {
            Vertx vertx = Vertx.vertx();
            AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(host).setPort(port));
            AmqpConnection connection = await(client.connect());
            EngineBroker broker = new EngineBroker(connection);
            await(connection.createReceiver(Channels.ESCALATIONS_RAISED).map(receiver -> receiver.handler(
                    message -> broker.raised.add(EventCodec.decode(text(message), EscalationsRaised.class)))));
            await(connection.createReceiver(Channels.PUSH_SUBSCRIPTIONS).map(receiver -> receiver.handler(
                    message -> broker.pushSubscriptions.add(EventCodec.decode(text(message),
                            PushSubscriptionChanged.class)))));
            instance = broker;
        }
        return instance;
    }

    /** Sends the text as the outbox relay does, and returns once the broker has accepted it. */
    public void send(String address, String json) {
        AmqpMessage message = AmqpMessage.create().address(address).withBody(json)
                .contentType("application/json").durable(true).build();
        await(connection.createSender(address).compose(sender -> sender.sendWithAck(message)
                .eventually(ignored -> sender.close())));
    }

    /** Every EscalationsRaised published so far about this survey. */
    public List<EventEnvelope<EscalationsRaised>> raisedFor(String surveyId) {
        return raised.stream().filter(e -> e.payload().survey().surveyId().equals(surveyId)).toList();
    }

    /** Every push subscription change published so far for this browser endpoint. */
    public List<EventEnvelope<PushSubscriptionChanged>> pushSubscriptionsOf(String endpoint) {
        return pushSubscriptions.stream().filter(e -> e.payload().endpoint().equals(endpoint)).toList();
    }

    private static String text(AmqpMessage message) {
        Section body = message.unwrap().getBody();
        if (body instanceof AmqpValue value) {
            return String.valueOf(value.getValue());
        }
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            return new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("unexpected AMQP body " + body);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed", e);
        }
    }
}
