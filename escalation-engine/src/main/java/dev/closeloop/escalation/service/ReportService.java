package dev.closeloop.escalation.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.directory.Route;
import dev.closeloop.escalation.directory.Site;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.reports.EscalationFacts;
import dev.closeloop.escalation.reports.Recognition;
import dev.closeloop.escalation.reports.ReportSummary;
import dev.closeloop.escalation.reports.Reports;
import dev.closeloop.escalation.repository.EscalationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The tenant's figures for a period, computed from its escalations and its directory's business hours. */
@ApplicationScoped
public class ReportService {

    /** More escalations than this in one report asks for a shorter period rather than a slow answer. */
    public static final int MAX_ESCALATIONS = 100_000;

    /** What to report on: a period, optionally one team or site, with days counted in {@code zone}. */
    public record Scope(Instant from, Instant to, ZoneId zone, String team, String site) {
    }

    private final EscalationRepository escalations;
    private final DirectoryService directories;

    public ReportService(EscalationRepository escalations, DirectoryService directories) {
        this.escalations = escalations;
        this.directories = directories;
    }

    /** @throws InvalidFieldException naming {@code from} when the period holds too many escalations */
    @WithSession
    public Uni<ReportSummary> summary(String tenant, Scope scope) {
        return directories.current(tenant).flatMap(directory -> facts(tenant, scope).map(facts -> {
            TenantDirectory known = directory == null ? null : directory.directory();
            return Reports.summarize(facts, scope.from(), scope.to(), scope.zone(),
                    siteId -> known == null ? Optional.empty() : known.site(siteId).map(Site::hours));
        }));
    }

    /** @throws InvalidFieldException naming {@code from} when the period holds too many escalations */
    @WithSession
    public Uni<Recognition> recognition(String tenant, Scope scope) {
        return facts(tenant, scope).map(facts -> Recognition.of(facts, scope.from(), scope.to()));
    }

    private Uni<List<EscalationFacts>> facts(String tenant, Scope scope) {
        return escalations.raisedBetween(tenant, scope.from(), scope.to(), MAX_ESCALATIONS + 1).map(rows -> {
            if (rows.size() > MAX_ESCALATIONS) {
                throw new InvalidFieldException("from", "the period holds more than " + MAX_ESCALATIONS
                        + " escalations; ask for a shorter one");
            }
            return rows.stream()
                    .filter(e -> scope.team() == null || scope.team().equals(e.team))
                    .filter(e -> scope.site() == null || scope.site().equals(e.site))
                    .map(ReportService::facts).toList();
        });
    }

    private static EscalationFacts facts(Escalation e) {
        Route route = e.route;
        Route.Level first = route == null ? null : route.level(1).orElse(null);
        return new EscalationFacts(e.type, e.status, e.outcome, e.team, e.site, e.agentId, e.agentName, e.raisedAt,
                e.acknowledgedAt, e.customerContactedAt, e.resolvedAt,
                first == null ? null : first.acknowledgeWithin(), e.level);
    }
}
