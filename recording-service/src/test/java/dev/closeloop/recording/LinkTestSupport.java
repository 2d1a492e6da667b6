package dev.closeloop.recording;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.testing.LocalStackComponent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * What the tests of recording links share: the broker playing the neighbours (the notification-service on
 * {@code alerts.ready}, the escalation-engine on {@code recordings.accessed}) and a look into the database.
 */
abstract class LinkTestSupport {

    static final String ACME = "Bearer acme-local-key";
    static final String BASE_URL = "http://recordings.test/r/";
    static final Duration WAIT = Duration.ofSeconds(20);

    static BrokerClient broker;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @LocalStackComponent
    LocalBroker localBroker;

    @BeforeEach
    void attachToTheBroker() {
        if (broker == null) {
            broker = new BrokerClient(vertx, localBroker.port());
            broker.receiveAlerts(Channels.ALERTS_READY);
            broker.receiveAccesses(Channels.RECORDINGS_ACCESSED);
        }
    }

    @AfterAll
    static void detach() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /**
     * What was announced about the survey, once nothing more can come: the outbox has published it all and the
     * address holds nothing this test's receiver has not taken.
     */
    List<EventEnvelope<RecordingAccessed>> awaitAnnounced(String surveyId) {
        await().atMost(WAIT).until(() -> rows("SELECT count(*) FROM outbox WHERE aggregate_id = $1", surveyId).get(0)
                .getLong(0) == 0 && localBroker.messageCount(Channels.RECORDINGS_ACCESSED) == 0);
        return broker.accessesFor(surveyId);
    }

    List<Row> audit(String token) {
        return rows("SELECT a.* FROM access_audit a JOIN recording_link l ON l.id = a.link_id "
                + "WHERE l.token_hash = $1 ORDER BY a.at, a.id", LinkTokens.hash(token));
    }

    List<Row> rows(String sql, Object parameter) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    void execute(String sql, Object parameter) {
        pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10));
    }
}
