package dev.closeloop.notification.service;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import dev.closeloop.localstack.MailSink;
import dev.closeloop.localstack.testing.LocalStackComponent;
import dev.closeloop.notification.AlertTraffic;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the tests of the running service share: the mail sink emails arrive in, the database, and
 * {@link AlertTraffic} on the broker, connected once per test class (its receiver must be the only consumer of
 * {@code alerts.delivered}, so a class closes it when done).
 */
abstract class AbstractDeliveryTest {

    static final Duration ARRIVES = Duration.ofSeconds(30);
    static final Duration STAYS = Duration.ofSeconds(3);

    static AlertTraffic traffic;

    @LocalStackComponent
    MailSink mail;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @ConfigProperty(name = "amqp-host")
    String amqpHost;

    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @BeforeEach
    void connect() {
        if (traffic == null) {
            traffic = AlertTraffic.connect(vertx, amqpHost, amqpPort);
        }
    }

    @AfterAll
    static void disconnect() {
        if (traffic != null) {
            traffic.close();
            traffic = null;
        }
    }

    long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
