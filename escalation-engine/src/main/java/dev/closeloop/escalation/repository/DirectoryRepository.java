package dev.closeloop.escalation.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The tenants' directory documents and their revisions. Writes are conditional on the version, so a
 * change made from a stale copy updates nothing instead of overwriting someone else's.
 */
@ApplicationScoped
public class DirectoryRepository {

    /** A stored version of one tenant's directory, as JSON. */
    public record Stored(String tenant, long version, String document, Instant changedAt, String changedBy) {
    }

    public Uni<Stored> find(String tenant) {
        String sql = "SELECT tenant, version, document, changed_at, changed_by FROM tenant_directory WHERE tenant = :tenant";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenant)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : toStored(rows.get(0)));
    }

    /** @return false when the tenant has a directory already (another replica seeded it first) */
    public Uni<Boolean> insertFirst(String tenant, String document, Instant at, String by) {
        String sql = "INSERT INTO tenant_directory (tenant, version, document, changed_at, changed_by) "
                + "VALUES (:tenant, 1, :document, :at, :by) ON CONFLICT (tenant) DO NOTHING";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("tenant", tenant).setParameter("document", document)
                .setParameter("at", at).setParameter("by", by)
                .executeUpdate())
                .flatMap(inserted -> inserted == 1 ? revision(tenant, 1, document, at, by).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    /** @return false when the stored version is no longer {@code expectedVersion} */
    public Uni<Boolean> updateIfVersion(String tenant, long expectedVersion, String document, Instant at, String by) {
        String sql = "UPDATE tenant_directory SET version = version + 1, document = :document, changed_at = :at, "
                + "changed_by = :by WHERE tenant = :tenant AND version = :version";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("tenant", tenant).setParameter("version", expectedVersion)
                .setParameter("document", document).setParameter("at", at).setParameter("by", by)
                .executeUpdate())
                .flatMap(updated -> updated == 1
                        ? revision(tenant, expectedVersion + 1, document, at, by).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    /** The versions stored for the tenant, newest first, without their documents. */
    public Uni<List<Stored>> revisions(String tenant, int limit) {
        String sql = "SELECT tenant, version, '' AS document, changed_at, changed_by FROM tenant_directory_revision "
                + "WHERE tenant = :tenant ORDER BY version DESC LIMIT :limit";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenant).setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(DirectoryRepository::toStored).toList());
    }

    private Uni<Integer> revision(String tenant, long version, String document, Instant at, String by) {
        String sql = "INSERT INTO tenant_directory_revision (tenant, version, document, changed_at, changed_by) "
                + "VALUES (:tenant, :version, :document, :at, :by)";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("tenant", tenant).setParameter("version", version)
                .setParameter("document", document).setParameter("at", at).setParameter("by", by)
                .executeUpdate());
    }

    private static Stored toStored(Object[] row) {
        Object at = row[3];
        Instant changedAt = at instanceof Instant instant ? instant
                : at instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : ((java.sql.Timestamp) at).toInstant();
        return new Stored((String) row[0], ((Number) row[1]).longValue(), (String) row[2], changedAt, (String) row[4]);
    }
}
