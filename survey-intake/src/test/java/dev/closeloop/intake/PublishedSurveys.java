package dev.closeloop.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.SurveySubmitted;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Vertx;

/**
 * A plain AMQP receiver on {@code surveys.submitted}: the only consumer of that address in this module's
 * tests, so everything survey-intake publishes ends up here. It reconnects by itself when the test broker
 * is stopped and started again. One per test JVM.
 */
public final class PublishedSurveys {

    private static PublishedSurveys instance;

    private final Vertx vertx = Vertx.vertx();
    private final int port;
    private final List<EventEnvelope<SurveySubmitted>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicBoolean attached = new AtomicBoolean();

    private PublishedSurveys(int port) {
        this.port = port;
    }

    /** The receiver, attached to the broker the running Quarkus app uses. */
    public static synchronized PublishedSurveys receiver() {
        if (instance == null) {
            int port = ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
            instance = new PublishedSurveys(port);
            instance.connect(instance.generation.get());
            Runtime.getRuntime().addShutdownHook(new Thread(instance.vertx::close, "close-test-receiver"));
        }
        return instance;
    }

    public boolean isAttached() {
        return attached.get();
    }

    /** Every SurveySubmitted received so far for the survey, duplicates included. */
    public List<EventEnvelope<SurveySubmitted>> of(String tenant, String surveyId) {
        return received.stream()
                .filter(event -> event.tenant().equals(tenant) && event.aggregateId().equals(surveyId))
                .toList();
    }

    /**
     * The distinct events received for the survey. The relay publishes at least once, so an event may arrive
     * more than once (consumers deduplicate on its id); a survey published twice would show two ids here.
     */
    public Set<UUID> eventIds(String tenant, String surveyId) {
        return of(tenant, surveyId).stream().map(EventEnvelope::eventId).collect(Collectors.toSet());
    }

    private void connect(int attempt) {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions()
                .setHost("127.0.0.1").setPort(port).setConnectTimeout(2_000));
        client.connect()
                .compose(connection -> {
                    connection.exceptionHandler(failure -> reconnect(attempt, client));
                    connection.closeFuture().onComplete(ignored -> reconnect(attempt, client));
                    return connection.createReceiver(Channels.SURVEYS_SUBMITTED);
                })
                .onSuccess(receiver -> {
                    receiver.exceptionHandler(failure -> reconnect(attempt, client));
                    receiver.endHandler(ignored -> reconnect(attempt, client));
                    receiver.handler(this::onMessage);
                    attached.set(true);
                })
                .onFailure(failure -> reconnect(attempt, client));
    }

    /** Once per lost connection, however many of its handlers report the loss. */
    private void reconnect(int attempt, AmqpClient client) {
        if (!generation.compareAndSet(attempt, attempt + 1)) {
            return;
        }
        attached.set(false);
        client.close();
        vertx.setTimer(250, ignored -> connect(attempt + 1));
    }

    private void onMessage(AmqpMessage message) {
        received.add(EventCodec.decode(bodyOf(message), SurveySubmitted.class));
    }

    private static String bodyOf(AmqpMessage message) {
        Section body = message.unwrap().getBody();
        if (body instanceof AmqpValue value) {
            return String.valueOf(value.getValue());
        }
        if (body instanceof Data data) {
            Binary binary = data.getValue();
            return new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(), StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("unexpected AMQP body " + body);
    }
}
