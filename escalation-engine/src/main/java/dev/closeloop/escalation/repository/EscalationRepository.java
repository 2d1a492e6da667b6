package dev.closeloop.escalation.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.events.EscalationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    /** What the escalation list can be narrowed by; null means any. */
    /** What a list is narrowed to; null means any. */
    public record Filter(String surveyId, EscalationType type, EscalationStatus status, String team, String site,
            Instant from, Instant to) {
    }

    public record Found(List<Escalation> items, long total) {
    }

    /**
     * Inserts the escalation unless its survey already has one of that type. Works under concurrency
     * too: a second transaction inserting the same (tenant, survey, type) waits for the first and
     * then inserts nothing, instead of failing.
     *
     * @return true when it was inserted, false when the survey already had an escalation of the type
     */
    public Uni<Boolean> insertIfNew(Escalation e) {
        String sql = "INSERT INTO escalation (id, tenant, survey_id, type, status, reasons, raised_at, recipients, "
                + "agent_id, agent_name, team, site, customer_name, survey, source_event_id, route, level, overdue_at) "
                + "VALUES (:id, :tenant, :surveyId, :type, :status, :reasons, :raisedAt, :recipients, "
                + ":agentId, :agentName, :team, :site, :customerName, :survey, :sourceEventId, :route, :level, "
                + ":overdueAt) "
                + "ON CONFLICT (tenant, survey_id, type) DO NOTHING";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("id", e.id)
                .setParameter("tenant", e.tenant)
                .setParameter("surveyId", e.surveyId)
                .setParameter("type", e.type.name())
                .setParameter("status", e.status.name())
                .setParameter("reasons", new JsonColumns.StringList().convertToDatabaseColumn(e.reasons))
                .setParameter("raisedAt", e.raisedAt)
                .setParameter("recipients", new JsonColumns.ContactList().convertToDatabaseColumn(e.recipients))
                .setParameter("agentId", e.agentId)
                .setParameter("agentName", e.agentName)
                .setParameter("team", e.team)
                .setParameter("site", e.site)
                .setParameter("customerName", e.customerName)
                .setParameter("survey", e.survey)
                .setParameter("sourceEventId", e.sourceEventId)
                .setParameter("route", new JsonColumns.RouteColumn().convertToDatabaseColumn(e.route))
                .setParameter("level", e.level)
                .setParameter("overdueAt", e.overdueAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Sets the columns and bumps the version, only if the escalation is the tenant's and still at the
     * expected version. Of two transactions racing from the same version, the second waits for the
     * first's row lock, then finds the version moved on and updates nothing.
     *
     * @param columns column name → new value; names are this class's callers' constants, never input
     * @return true when it was updated, false when its version was no longer the expected one
     */
    public Uni<Boolean> updateIfVersion(String tenant, UUID id, long expectedVersion, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE escalation SET version = version + 1");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id AND tenant = :tenant AND version = :version");
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString())
                    .setParameter("id", id)
                    .setParameter("tenant", tenant)
                    .setParameter("version", expectedVersion);
            columns.forEach(query::setParameter);
            return query.executeUpdate();
        }).map(updated -> updated == 1);
    }

    /**
     * Locks and returns the open escalations whose level is overdue of the surveys of up to {@code limit} such
     * escalations, oldest deadline first. Rows another transaction holds when picking (another replica firing them,
     * a manager acknowledging) are skipped, not waited for: each overdue level is handled by exactly one
     * transaction.
     */
    public Uni<List<Escalation>> lockOverdue(Instant now, int limit) {
        // The batch is of surveys, not rows: the limit picks overdue escalations, and the outer query takes every
        // overdue escalation of their surveys along, so escalations of one survey that fell due together go to the
        // next level in one alert even when the limit falls between them. It waits for a row another replica has
        // locked (then finds it no longer overdue, or takes it once that replica gave up).
        String sql = "WITH picked AS (SELECT tenant, survey_id FROM escalation WHERE overdue_at <= :now "
                + "AND status = 'OPEN' ORDER BY overdue_at LIMIT :limit FOR UPDATE SKIP LOCKED) "
                + "SELECT * FROM escalation WHERE overdue_at <= :now AND status = 'OPEN' "
                + "AND (tenant, survey_id) IN (SELECT tenant, survey_id FROM picked) "
                + "ORDER BY overdue_at, survey_id FOR UPDATE";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Escalation.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Records that a further level was alerted: its number, its deadline (or none) and who is now told. */
    public Uni<Void> moveToLevel(UUID id, int level, Instant overdueAt, List<NotifiedContact> recipients) {
        String sql = "UPDATE escalation SET level = :level, overdue_at = :overdueAt, recipients = :recipients "
                + "WHERE id = :id";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("id", id)
                .setParameter("level", level)
                .setParameter("overdueAt", overdueAt)
                .setParameter("recipients", new JsonColumns.ContactList().convertToDatabaseColumn(recipients))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** One page of the tenant's escalations, newest first, and how many match in all. */
    public Uni<Found> search(String tenant, Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("tenant", tenant);
        where.add("tenant = :tenant");
        if (filter.surveyId() != null) {
            where.add("surveyId = :surveyId");
            params.and("surveyId", filter.surveyId());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.team() != null) {
            where.add("team = :team");
            params.and("team", filter.team());
        }
        if (filter.site() != null) {
            where.add("site = :site");
            params.and("site", filter.site());
        }
        if (filter.from() != null) {
            where.add("raisedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("raisedAt < :to");
            params.and("to", filter.to());
        }
        String query = String.join(" and ", where);
        // count first, then the page: one session runs one query at a time
        return count(query, params)
                .flatMap(total -> find(query, Sort.descending("raisedAt", "id"), params)
                        .page(Page.of(page, size)).list()
                        .map(items -> new Found(items, total)));
    }

    /** Up to {@code limit} of the tenant's escalations raised in [from, to), oldest first. */
    public Uni<List<Escalation>> raisedBetween(String tenant, Instant from, Instant to, int limit) {
        return find("tenant = :tenant and raisedAt >= :from and raisedAt < :to", Sort.ascending("raisedAt", "id"),
                Parameters.with("tenant", tenant).and("from", from).and("to", to))
                .range(0, limit - 1).list();
    }

    public Uni<Escalation> findInTenant(String tenant, UUID id) {
        return find("id = :id and tenant = :tenant", Parameters.with("id", id).and("tenant", tenant))
                .firstResult();
    }

    public Uni<List<Escalation>> findAllInTenant(String tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in :ids and tenant = :tenant", Parameters.with("ids", ids).and("tenant", tenant));
    }
}
