package dev.closeloop.notification.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.DeliveryBatch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries. Inserts and completions run in the caller's Hibernate Reactive transaction, so they commit
 * together with the processed-event mark or the outbox event that goes with them. Claiming uses the plain
 * SQL client: it is one self-contained statement that must commit before the (slow) SMTP send starts.
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private static final String PENDING_AND_OWNED = " WHERE id = :id AND claim_token = :token AND status = 'PENDING'";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records a PENDING delivery, due at its {@code nextAttemptAt}, unless one already exists for (tenant,
     * survey, recipient, channel, level, escalations). Runs in the current transaction.
     *
     * @return true when inserted, false when the delivery already existed
     */
    public Uni<Boolean> insertPendingIfAbsent(Delivery delivery) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO delivery (id, tenant, survey_id, recipient_email, channel, level, escalation_ids, manager_id, "
                        + "source_event_id, alert, status, attempts, next_attempt_at, created_at, batch, agent_id, "
                        + "group_window_ends_at) "
                        + "VALUES (:id, :tenant, :surveyId, :recipientEmail, :channel, :level, :escalationIds, :managerId, "
                        + ":sourceEventId, :alert, 'PENDING', 0, :nextAttemptAt, :createdAt, :batch, :agentId, "
                        + ":groupWindowEndsAt) "
                        + "ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING")
                .setParameter("id", delivery.id)
                .setParameter("tenant", delivery.tenant)
                .setParameter("surveyId", delivery.surveyId)
                .setParameter("recipientEmail", delivery.recipientEmail)
                .setParameter("channel", delivery.channel)
                .setParameter("level", delivery.level)
                .setParameter("escalationIds", delivery.escalationIds)
                .setParameter("managerId", delivery.managerId)
                .setParameter("sourceEventId", delivery.sourceEventId)
                .setParameter("alert", delivery.alert)
                .setParameter("nextAttemptAt", delivery.nextAttemptAt)
                .setParameter("createdAt", delivery.createdAt)
                .setParameter("batch", delivery.batch == null ? null : delivery.batch.name())
                .setParameter("agentId", delivery.agentId)
                .setParameter("groupWindowEndsAt", delivery.groupWindowEndsAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Serialises, until the current transaction ends, every intake that looks for or opens a burst window of
     * this (tenant, recipient, channel, agent). Without it two alerts about one agent arriving at once would
     * each find no open window and both be sent at once as heads. A transaction-scoped advisory lock rather
     * than a unique constraint: windows are time ranges, which a unique index cannot keep from overlapping.
     * Two keys sharing a hash merely wait for each other.
     */
    public Uni<Void> lockGroupWindow(String tenant, String recipientEmail, String channel, String agentId) {
        String key = String.join("\n", tenant, recipientEmail, channel, agentId);
        return getSession().flatMap(session -> session.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked")
                .setParameter("key", key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * When the burst window of (tenant, recipient, channel, agent) that is open at {@code now} closes, in the
     * current transaction; null when none is open. Call {@link #lockGroupWindow} first.
     */
    public Uni<Instant> openGroupWindowEnd(String tenant, String recipientEmail, String channel, String agentId,
            Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "SELECT group_window_ends_at FROM delivery "
                        + "WHERE tenant = :tenant AND recipient_email = :recipientEmail AND channel = :channel "
                        + "AND agent_id = :agentId AND group_window_ends_at > :now "
                        + "ORDER BY group_window_ends_at DESC LIMIT 1", Instant.class)
                .setParameter("tenant", tenant)
                .setParameter("recipientEmail", recipientEmail)
                .setParameter("channel", channel)
                .setParameter("agentId", agentId)
                .setParameter("now", now)
                .getResultList())
                .map(ends -> ends.isEmpty() ? null : ends.get(0));
    }

    /**
     * Claims the most overdue PENDING delivery nobody else holds, for {@code lease}, and commits the claim
     * at once: from then on no other worker (replica) picks it up until the lease lapses. When that delivery
     * belongs to a batch, every other due PENDING delivery of the same batch (same tenant, recipient and
     * channel, and for a GROUP the same agent) is claimed with it, under the same token, in the same
     * statement: a batch is sent as one email, so it must be owned as one.
     *
     * <p>Due-ness follows the application clock ({@code now}), which times holds and burst windows; the lease
     * follows the database's clock, which every replica shares.
     *
     * @return the claimed deliveries, oldest first; empty when nothing is due
     */
    public Uni<List<ClaimedDelivery>> claimNextDue(Duration lease, Instant now) {
        UUID token = UUID.randomUUID();
        String sql = "WITH first AS ("
                + "  SELECT id, tenant, recipient_email, channel, batch, agent_id FROM delivery "
                + "  WHERE status = 'PENDING' AND next_attempt_at <= $1 "
                + "    AND (claimed_until IS NULL OR claimed_until < now()) "
                + "  ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED), "
                + "rest_of_batch AS ("
                + "  SELECT d.id FROM delivery d JOIN first f ON d.tenant = f.tenant "
                + "    AND d.recipient_email = f.recipient_email AND d.channel = f.channel AND d.batch = f.batch "
                + "    AND (f.batch <> 'GROUP' OR d.agent_id = f.agent_id) "
                + "  WHERE d.id <> f.id AND d.status = 'PENDING' AND d.next_attempt_at <= $1 "
                + "    AND (d.claimed_until IS NULL OR d.claimed_until < now()) "
                + "  FOR UPDATE OF d SKIP LOCKED) "
                + "UPDATE delivery SET claimed_until = now() + make_interval(secs => $2), claim_token = $3 "
                + "WHERE id IN (SELECT id FROM first UNION ALL SELECT id FROM rest_of_batch) "
                + "RETURNING id, tenant, survey_id, recipient_email, channel, level, manager_id, alert, attempts, batch, "
                + "  created_at";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), lease.toMillis() / 1000.0, token))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        String batch = row.getString("batch");
                        claimed.add(new ClaimedDelivery(row.getUUID("id"), token, row.getString("tenant"),
                                row.getString("survey_id"), row.getString("recipient_email"), row.getString("channel"),
                                row.getInteger("level"),
                                row.getString("manager_id"), row.getString("alert"), row.getInteger("attempts"),
                                batch == null ? null : DeliveryBatch.valueOf(batch),
                                row.getOffsetDateTime("created_at").toInstant()));
                    }
                    claimed.sort(Comparator.comparing(ClaimedDelivery::createdAt).thenComparing(ClaimedDelivery::id));
                    return List.copyOf(claimed);
                });
    }

    /** Marks the claimed delivery SENT, in the current transaction; false when the claim had lapsed. */
    public Uni<Boolean> markSent(ClaimedDelivery claimed, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET status = 'SENT', attempts = attempts + 1, sent_at = :now, finished_at = :now, "
                        + "claimed_until = NULL, claim_token = NULL, last_error = NULL" + PENDING_AND_OWNED)
                .setParameter("now", now)
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.claimToken())
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    /**
     * Counts a failed attempt and hands the delivery back, due again at {@code dueAgainAt}, in the current
     * transaction; false when the claim had lapsed.
     */
    public Uni<Boolean> reschedule(ClaimedDelivery claimed, Instant dueAgainAt, String error) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET attempts = attempts + 1, next_attempt_at = :dueAgainAt, "
                        + "claimed_until = NULL, claim_token = NULL, last_error = :error" + PENDING_AND_OWNED)
                .setParameter("dueAgainAt", dueAgainAt)
                .setParameter("error", truncate(error))
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.claimToken())
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Gives the delivery up as FAILED after its last attempt, in the current transaction. */
    public Uni<Boolean> markFailed(ClaimedDelivery claimed, String error, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, finished_at = :now, "
                        + "claimed_until = NULL, claim_token = NULL, last_error = :error" + PENDING_AND_OWNED)
                .setParameter("now", now)
                .setParameter("error", truncate(error))
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.claimToken())
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
