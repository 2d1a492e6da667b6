package dev.closeloop.notification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Browsers subscribed to push alerts. Changes from the console run in the caller's Hibernate Reactive
 * transaction (with the processed-event mark); the worker reads and prunes with the plain SQL client, outside any
 * transaction, as it does its claims.
 */
@ApplicationScoped
public class PushSubscriptionRepository {

    private final Pool pool;

    public PushSubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the browser as subscribed for (tenant, manager), unless the row holds a change newer than
     * {@code changedAt}. Runs in the current transaction.
     *
     * @return true when the row was written, false when a newer change was already recorded
     */
    public Uni<Boolean> upsertIfNewer(BrowserSubscription subscription, Instant changedAt, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO push_subscription (endpoint, tenant, manager_id, p256dh, auth, changed_at, created_at) "
                        + "VALUES (:endpoint, :tenant, :managerId, :p256dh, :auth, :changedAt, :now) "
                        + "ON CONFLICT (endpoint) DO UPDATE SET tenant = EXCLUDED.tenant, "
                        + "manager_id = EXCLUDED.manager_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, "
                        + "changed_at = EXCLUDED.changed_at "
                        + "WHERE push_subscription.changed_at <= EXCLUDED.changed_at")
                .setParameter("endpoint", subscription.endpoint())
                .setParameter("tenant", subscription.tenant())
                .setParameter("managerId", subscription.managerId())
                .setParameter("p256dh", subscription.p256dh())
                .setParameter("auth", subscription.auth())
                .setParameter("changedAt", changedAt)
                .setParameter("now", now)
                .executeUpdate())
                .map(written -> written == 1);
    }

    /**
     * Forgets the browser unless the row holds a change newer than {@code changedAt}. Runs in the current
     * transaction.
     *
     * @return true when a row was deleted
     */
    public Uni<Boolean> deleteIfNotNewer(String endpoint, Instant changedAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM push_subscription WHERE endpoint = :endpoint AND changed_at <= :changedAt")
                .setParameter("endpoint", endpoint)
                .setParameter("changedAt", changedAt)
                .executeUpdate())
                .map(deleted -> deleted == 1);
    }

    /** Whether the manager has a subscribed browser, in the current transaction. */
    public Uni<Boolean> anyFor(String tenant, String managerId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT count(*) FROM push_subscription WHERE tenant = :tenant AND manager_id = :managerId",
                Long.class)
                .setParameter("tenant", tenant)
                .setParameter("managerId", managerId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /** Every browser of (tenant, manager), oldest subscription first. */
    public Uni<List<BrowserSubscription>> findFor(String tenant, String managerId) {
        return pool.preparedQuery("SELECT endpoint, tenant, manager_id, p256dh, auth FROM push_subscription "
                + "WHERE tenant = $1 AND manager_id = $2 ORDER BY created_at, endpoint")
                .execute(Tuple.of(tenant, managerId))
                .map(rows -> {
                    List<BrowserSubscription> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new BrowserSubscription(row.getString("endpoint"), row.getString("tenant"),
                                row.getString("manager_id"), row.getString("p256dh"), row.getString("auth")));
                    }
                    return List.copyOf(found);
                });
    }

    /**
     * Forgets a browser its push service said is gone (404/410), unless it subscribed again with other keys
     * meanwhile.
     */
    public Uni<Boolean> deleteGone(BrowserSubscription subscription) {
        return pool.preparedQuery("DELETE FROM push_subscription WHERE endpoint = $1 AND p256dh = $2")
                .execute(Tuple.of(subscription.endpoint(), subscription.p256dh()))
                .map(rows -> rows.rowCount() == 1);
    }
}
