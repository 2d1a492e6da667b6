package dev.closeloop.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.directory.DirectoryDocuments;
import dev.closeloop.escalation.directory.DirectoryValidator;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.directory.Violation;
import dev.closeloop.escalation.repository.DirectoryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Each tenant's directory: read for every survey, changed by tenant admins. A change is validated as
 * a whole and stored only from the version the admin read (If-Match), as a new version with who made
 * it; nothing invalid is ever stored, so routing never meets a dangling reference.
 */
@ApplicationScoped
public class DirectoryService {

    /** Who made a change that no account made. */
    public static final String SEED = "seed file";

    /** A stored directory and its version, the ETag of the admin API. */
    public record Versioned(TenantDirectory directory, long version, Instant changedAt, String changedBy) {
    }

    private final DirectoryRepository repository;
    private final Clock clock;
    /** Parsed documents by tenant; re-parsed only when the stored version moves on. */
    private final Map<String, Versioned> parsed = new ConcurrentHashMap<>();

    public DirectoryService(DirectoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The tenant's current directory, or null when it has none. */
    @WithSession
    public Uni<Versioned> current(String tenant) {
        return repository.find(tenant).map(stored -> {
            if (stored == null) {
                return null;
            }
            Versioned cached = parsed.get(tenant);
            if (cached != null && cached.version() == stored.version()) {
                return cached;
            }
            Versioned fresh = new Versioned(DirectoryDocuments.fromJson(stored.document()), stored.version(),
                    stored.changedAt(), stored.changedBy());
            parsed.put(tenant, fresh);
            return fresh;
        });
    }

    /** The tenant's current directory. @throws NoDirectoryException when it has none */
    @WithSession
    public Uni<Versioned> require(String tenant) {
        return current(tenant).onItem().ifNull().failWith(() -> new NoDirectoryException(tenant));
    }

    /**
     * Replaces the whole directory (an import, or a PUT of the document).
     *
     * @param expectedVersion the version the change was made from; null to replace whatever is stored
     * @throws InvalidDirectoryException with every problem, storing nothing
     * @throws DirectoryVersionException when {@code expectedVersion} is no longer current
     */
    @WithTransaction
    public Uni<Versioned> replace(String tenant, TenantDirectory proposed, Long expectedVersion, String actor) {
        return change(tenant, current -> proposed, expectedVersion, actor, true);
    }

    /**
     * Applies a change to the current directory (one site, manager, team or rule) and stores the result
     * if it is valid as a whole.
     *
     * @throws NoDirectoryException when the tenant has no directory to change
     */
    @WithTransaction
    public Uni<Versioned> update(String tenant, UnaryOperator<TenantDirectory> change, Long expectedVersion,
            String actor) {
        return change(tenant, change, expectedVersion, actor, false);
    }

    private Uni<Versioned> change(String tenant, UnaryOperator<TenantDirectory> change, Long expectedVersion,
            String actor, boolean mayCreate) {
        return current(tenant).flatMap(current -> {
            if (current == null && !mayCreate) {
                throw new NoDirectoryException(tenant);
            }
            long currentVersion = current == null ? 0 : current.version();
            if (expectedVersion != null && expectedVersion != currentVersion) {
                throw new DirectoryVersionException(currentVersion);
            }
            TenantDirectory proposed = change.apply(current == null ? null : current.directory());
            List<Violation> violations = new ArrayList<>();
            if (proposed.id() != null && !proposed.id().equals(tenant)) {
                violations.add(new Violation("id", "is '" + proposed.id() + "' but this is the directory of tenant '"
                        + tenant + "'; leave it out or make it '" + tenant + "'"));
            }
            TenantDirectory directory = proposed.withId(tenant);
            violations.addAll(DirectoryValidator.validate(directory));
            if (!violations.isEmpty()) {
                throw new InvalidDirectoryException(violations);
            }
            String json = DirectoryDocuments.toJson(directory);
            Instant now = clock.instant();
            Uni<Boolean> stored = current == null ? repository.insertFirst(tenant, json, now, actor)
                    : repository.updateIfVersion(tenant, currentVersion, json, now, actor);
            return stored.map(ok -> {
                if (!ok) {
                    // someone else stored a version between our read and our write
                    throw new DirectoryVersionException(currentVersion + 1);
                }
                Versioned saved = new Versioned(directory, currentVersion + 1, now, actor);
                parsed.put(tenant, saved);
                Log.infof("Directory of tenant %s is now at version %d (by %s)", tenant, saved.version(), actor);
                return saved;
            });
        });
    }

    /**
     * Stores the seed file's directory for every tenant that has none yet; tenants already in the
     * database keep theirs (what admins changed is never overwritten by a restart).
     *
     * @return the tenants seeded
     */
    @WithTransaction
    public Uni<List<String>> seed(List<TenantDirectory> directories) {
        List<String> seeded = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TenantDirectory directory : directories) {
            chain = chain.flatMap(ignored -> repository.insertFirst(directory.id(),
                    DirectoryDocuments.toJson(directory), clock.instant(), SEED)
                    .invoke(inserted -> {
                        if (inserted) {
                            seeded.add(directory.id());
                        }
                    })
                    .replaceWithVoid());
        }
        return chain.replaceWith(seeded);
    }

    /** The last versions of the tenant's directory, newest first. */
    @WithSession
    public Uni<List<DirectoryRepository.Stored>> history(String tenant, int limit) {
        return repository.revisions(tenant, limit);
    }
}
