package dev.closeloop.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows and deletes each once the broker accepted it. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work without publishing the
 * same row at once; a row whose publication fails stays and is retried on the next round, in order.
 * Publication is at least once: consumers deduplicate on the event id.
 *
 * <p>It uses the plain SQL client rather than a Hibernate session because it spans broker calls
 * whose callbacks arrive on the connector's threads.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Pool pool;
    private final Instance<OutboxPublisher> publisher;
    private final OutboxConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();

    public OutboxRelay(Pool pool, Instance<OutboxPublisher> publisher, OutboxConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
    }

    // delayUnit defaults to MINUTES: without it the first poll came a minute after start, so a failed kick was
    // not retried, nor rows left from before a restart published, for up to a minute.
    @Scheduled(every = "${closeloop.outbox.poll-interval:1s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return kick();
    }

    /**
     * Publishes what is pending now. Call it after a transaction that enqueued events committed, so
     * they leave at once instead of at the next poll. Overlapping calls are merged into one more round.
     */
    public Uni<Void> kick() {
        if (publisher.isUnsatisfied()) {
            return Uni.createFrom().voidItem();
        }
        kicked.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        // A kick arriving after the last round's check but before running is cleared would otherwise be lost
        // until the next poll: look once more.
        return drain().eventually(() -> running.set(false))
                .call(() -> kicked.get() ? kick() : Uni.createFrom().voidItem());
    }

    /**
     * What a service calls after a transaction that enqueued events has committed: publishes them now, in the
     * background, without making the caller wait for the broker. A round that fails is logged; the next poll
     * retries it.
     */
    public void publishSoon() {
        kick().subscribe().with(ignored -> {
        }, failure -> Log.warnf("Outbox relay round failed, the next poll retries: %s", failure.toString()));
    }

    private Uni<Void> drain() {
        kicked.set(false);
        return publishOneBatch().flatMap(published -> {
            if (published == config.batchSize() || kicked.get()) {
                return drain();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * One round: claim a batch and publish it in order. After the first failure (broker away) the rest
     * of the batch is handed back untried rather than each waiting out the publish timeout.
     * Returns how many were published.
     */
    Uni<Integer> publishOneBatch() {
        return claimBatch().flatMap(rows -> {
            AtomicBoolean failed = new AtomicBoolean();
            return Multi.createFrom().iterable(rows)
                    .onItem().transformToUniAndConcatenate(row -> failed.get()
                            ? release(row.getUUID("event_id"), null)
                            : publishAndDelete(row).invoke(ok -> failed.compareAndSet(false, !ok)))
                    .collect().asList()
                    .map(results -> (int) results.stream().filter(ok -> ok).count());
        }).onFailure().recoverWithItem(failure -> {
            Log.warnf("Outbox relay round failed: %s", failure.toString());
            return 0;
        });
    }

    private Uni<List<Row>> claimBatch() {
        String sql = "UPDATE outbox SET claimed_until = now() + make_interval(secs => $1), attempts = attempts + 1 "
                + "WHERE event_id IN (SELECT event_id FROM outbox "
                + "  WHERE claimed_until IS NULL OR claimed_until < now() "
                + "  ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                + "RETURNING event_id, address, aggregate_id, payload, created_at";
        return pool.preparedQuery(sql)
                .execute(Tuple.of((double) config.claimTimeout().toSeconds(), config.batchSize()))
                .map(rowSet -> {
                    List<Row> rows = new ArrayList<>();
                    rowSet.forEach(rows::add);
                    rows.sort((a, b) -> a.getOffsetDateTime("created_at").compareTo(b.getOffsetDateTime("created_at")));
                    return rows;
                });
    }

    private Uni<Boolean> publishAndDelete(Row row) {
        UUID eventId = row.getUUID("event_id");
        String address = row.getString("address");
        String aggregateId = row.getString("aggregate_id");
        return publisher.get().publish(address, aggregateId, row.getString("payload"))
                .ifNoItem().after(config.publishTimeout()).fail()
                .flatMap(ignored -> pool.preparedQuery("DELETE FROM outbox WHERE event_id = $1")
                        .execute(Tuple.of(eventId)))
                .map(ignored -> {
                    Log.debugf("Published eventId=%s to %s for %s", eventId, address, aggregateId);
                    return true;
                })
                .onFailure().recoverWithUni(failure -> release(eventId, failure));
    }

    /** Gives the row back at once, so the next round retries it rather than waiting out the claim. */
    private Uni<Boolean> release(UUID eventId, Throwable failure) {
        if (failure != null) {
            Log.warnf("Could not publish eventId=%s yet, will retry: %s", eventId, failure.toString());
        }
        return pool.preparedQuery("UPDATE outbox SET claimed_until = NULL, last_error = coalesce($2, last_error) "
                + "WHERE event_id = $1")
                .execute(Tuple.of(eventId, failure == null ? null : truncate(failure.toString())))
                .map(ignored -> false)
                .onFailure().recoverWithItem(false);
    }

    /** How many events wait to be published; for health checks and tests. */
    public Uni<Long> pending() {
        return pool.query("SELECT count(*) FROM outbox").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
