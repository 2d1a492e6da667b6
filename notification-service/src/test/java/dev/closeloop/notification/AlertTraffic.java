package dev.closeloop.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.mutiny.amqp.AmqpClient;
import io.vertx.mutiny.amqp.AmqpConnection;
import io.vertx.mutiny.amqp.AmqpMessage;
import io.vertx.mutiny.amqp.AmqpSender;
import io.vertx.mutiny.core.Vertx;

/**
 * The service's addresses as the tests use them: alerts go in on {@code alerts.ready} through a plain AMQP
 * sender, outcomes on {@code alerts.delivered} are collected by a plain AMQP receiver. Open one at a time: the
 * receiver must be the only consumer of that address.
 */
public final class AlertTraffic implements AutoCloseable {

    private final AmqpClient client;
    private final AmqpConnection connection;
    private final AmqpSender sender;
    private final Queue<EventEnvelope<AlertDelivered>> delivered = new ConcurrentLinkedQueue<>();

    private AlertTraffic(Vertx vertx, String host, int port) {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(host).setPort(port));
        connection = client.connectAndAwait();
        sender = connection.createSenderAndAwait(Channels.ALERTS_READY);
        connection.createReceiverAndAwait(Channels.ALERTS_DELIVERED)
                .handler(message -> delivered.add(EventCodec.decode(message.bodyAsString(), AlertDelivered.class)));
    }

    public static AlertTraffic connect(Vertx vertx, String host, int port) {
        return new AlertTraffic(vertx, host, port);
    }

    public AmqpSender sender() {
        return sender;
    }

    /** Sends a message body as the recording-service does, durable and acknowledged by the broker. */
    public void send(String body) {
        sender.sendWithAckAndAwait(AmqpMessage.create().durable(true).contentType("application/json")
                .withBody(body).build());
    }

    /** Sends a message to another address the service consumes, as its producer would. */
    public void sendTo(String address, String body) {
        AmqpSender other = connection.createSenderAndAwait(address);
        try {
            other.sendWithAckAndAwait(AmqpMessage.create().durable(true).contentType("application/json")
                    .withBody(body).build());
        } finally {
            other.closeAndAwait();
        }
    }

    public void send(EventEnvelope<AlertReady> alert) {
        send(EventCodec.encode(alert));
    }

    /** The outcomes reported so far for the survey. */
    public List<EventEnvelope<AlertDelivered>> deliveredFor(String surveyId) {
        List<EventEnvelope<AlertDelivered>> found = new ArrayList<>();
        for (EventEnvelope<AlertDelivered> envelope : delivered) {
            if (envelope.payload().surveyId().equals(surveyId)) {
                found.add(envelope);
            }
        }
        return found;
    }

    @Override
    public void close() {
        client.closeAndAwait();
    }

    /** The body of the email's part of the given type (an alert email has an HTML and a text part). */
    public static String part(MimeMessage message, String mimeType) throws Exception {
        Object content = message.getContent();
        if (!(content instanceof Multipart multipart)) {
            throw new AssertionError("not a multipart email: " + message.getContentType());
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + mimeType + " part in " + message.getContentType());
    }
}
