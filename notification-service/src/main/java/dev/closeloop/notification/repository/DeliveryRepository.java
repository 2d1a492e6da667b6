package dev.closeloop.notification.repository;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.notification.Delivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
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
     * Records a PENDING email delivery, due now, unless one already exists for (tenant, survey,
     * recipient, channel, level, escalations). Runs in the current transaction.
     *
     * @return true when inserted, false when the delivery already existed
     */
    public Uni<Boolean> insertPendingIfAbsent(Delivery delivery) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO delivery (id, tenant, survey_id, recipient_email, channel, level, escalation_ids, manager_id, "
                        + "source_event_id, alert, status, attempts, next_attempt_at, created_at) "
                        + "VALUES (:id, :tenant, :surveyId, :recipientEmail, :channel, :level, :escalationIds, :managerId, "
                        + ":sourceEventId, :alert, 'PENDING', 0, now(), now()) "
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
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Claims the most overdue PENDING delivery nobody else holds, for {@code lease}, and commits the claim
     * at once: from then on no other worker (replica) picks it up until the lease lapses.
     *
     * @return the claimed delivery, or null when nothing is due
     */
    public Uni<ClaimedDelivery> claimNextDue(Duration lease) {
        UUID token = UUID.randomUUID();
        String sql = "UPDATE delivery SET claimed_until = now() + make_interval(secs => $1), claim_token = $2 "
                + "WHERE id = (SELECT id FROM delivery "
                + "  WHERE status = 'PENDING' AND next_attempt_at <= now() "
                + "    AND (claimed_until IS NULL OR claimed_until < now()) "
                + "  ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING id, tenant, survey_id, recipient_email, level, manager_id, alert, attempts";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(lease.toMillis() / 1000.0, token))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    Row row = iterator.next();
                    return new ClaimedDelivery(row.getUUID("id"), token, row.getString("tenant"),
                            row.getString("survey_id"), row.getString("recipient_email"), row.getInteger("level"),
                            row.getString("manager_id"), row.getString("alert"), row.getInteger("attempts"));
                });
    }

    /** Marks the claimed delivery SENT, in the current transaction; false when the claim had lapsed. */
    public Uni<Boolean> markSent(ClaimedDelivery claimed) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET status = 'SENT', attempts = attempts + 1, sent_at = now(), finished_at = now(), "
                        + "claimed_until = NULL, claim_token = NULL, last_error = NULL" + PENDING_AND_OWNED)
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.claimToken())
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    /**
     * Counts a failed attempt and hands the delivery back, due again after {@code delay}, in the current
     * transaction; false when the claim had lapsed.
     */
    public Uni<Boolean> reschedule(ClaimedDelivery claimed, Duration delay, String error) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET attempts = attempts + 1, "
                        + "next_attempt_at = now() + make_interval(secs => :delaySeconds), "
                        + "claimed_until = NULL, claim_token = NULL, last_error = :error" + PENDING_AND_OWNED)
                .setParameter("delaySeconds", delay.toMillis() / 1000.0)
                .setParameter("error", truncate(error))
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.claimToken())
                .executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Gives the delivery up as FAILED after its last attempt, in the current transaction. */
    public Uni<Boolean> markFailed(ClaimedDelivery claimed, String error) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, finished_at = now(), "
                        + "claimed_until = NULL, claim_token = NULL, last_error = :error" + PENDING_AND_OWNED)
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
