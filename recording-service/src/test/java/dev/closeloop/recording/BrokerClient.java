package dev.closeloop.recording;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A plain AMQP 1.0 client playing the neighbours: the escalation-engine sending {@code escalations.raised}
 * the way its outbox relay does (an AmqpValue string, application/json), and the notification-service
 * receiving {@code alerts.ready}, and the escalation-engine receiving {@code recordings.accessed}. It is the
 * only consumer of those addresses in these tests.
 */
public final class BrokerClient implements AutoCloseable {

    private final AmqpClient client;
    private final AmqpConnection connection;
    private final Queue<EventEnvelope<AlertReady>> alerts = new ConcurrentLinkedQueue<>();
    private final Queue<EventEnvelope<RecordingAccessed>> accesses = new ConcurrentLinkedQueue<>();

    public BrokerClient(Vertx vertx, int port) {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(port));
        connection = await(client.connect());
    }

    public void send(String address, String json) {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create().withBody(json).contentType("application/json")
                    .durable(true).build()));
        } finally {
            sender.close();
        }
    }

    public void receiveAlerts(String address) {
        await(connection.createReceiver(address)).handler(message -> alerts
                .add(EventCodec.decode(message.bodyAsString(), AlertReady.class)));
    }

    public List<EventEnvelope<AlertReady>> alertsFor(String surveyId) {
        return alerts.stream().filter(alert -> surveyId.equals(alert.aggregateId())).collect(Collectors.toList());
    }

    public void receiveAccesses(String address) {
        await(connection.createReceiver(address)).handler(message -> accesses
                .add(EventCodec.decode(message.bodyAsString(), RecordingAccessed.class)));
    }

    /** The uses of links announced for the survey, in the order they arrived. */
    public List<EventEnvelope<RecordingAccessed>> accessesFor(String surveyId) {
        return accesses.stream().filter(access -> surveyId.equals(access.aggregateId())).collect(Collectors.toList());
    }

    @Override
    public void close() {
        await(client.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed", e);
        }
    }
}
