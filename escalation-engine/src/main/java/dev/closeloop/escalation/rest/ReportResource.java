package dev.closeloop.escalation.rest;

import java.time.DateTimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.reports.Recognition;
import dev.closeloop.escalation.reports.ReportCsv;
import dev.closeloop.escalation.reports.ReportSummary;
import dev.closeloop.escalation.service.ReportService;
import dev.closeloop.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** The tenant's figures for a period: as JSON for the console and integrations, and as CSV for spreadsheets. */
@Path("/api/v1/reports")
@RolesAllowed({ Roles.ADMIN, Roles.MANAGER })
@Tag(name = "Reports")
public class ReportResource {

    /** The default period: the last 30 days. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** The longest period one report covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final ReportService reports;
    private final CurrentIdentityAssociation identity;
    private final Clock clock;

    public ReportResource(ReportService reports, CurrentIdentityAssociation identity, Clock clock) {
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The figures of a period", description = "Counts by type, team, site, agent and day; time "
            + "to acknowledge and to resolve (p50, p90, in the business hours of the agent's site); SLA met; "
            + "closed-loop rate; positive-to-negative ratio. Escalations count in the period they were raised in.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = ReportSummary.class)))
    @APIResponse(responseCode = "400", description = "A parameter cannot be used; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportSummary> summary(
            @Parameter(description = "Start, inclusive (ISO-8601); 30 days before `to` when absent") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive (ISO-8601); now when absent") @QueryParam("to") String to,
            @Parameter(description = "IANA zone whose days `byDay` counts in; UTC when absent") @QueryParam("zone") String zone,
            @Parameter(description = "Only this team's escalations") @QueryParam("team") String team,
            @Parameter(description = "Only this site's escalations") @QueryParam("site") String site) {
        ReportService.Scope scope = scope(from, to, zone, team, site);
        return tenant().flatMap(tenant -> reports.summary(tenant, scope));
    }

    @GET
    @Path("/recognition")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The recognition wall", description = "All 5's and leads won in the period, by team and by "
            + "agent, most first.")
    public Uni<Recognition> recognition(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("team") String team, @QueryParam("site") String site) {
        ReportService.Scope scope = scope(from, to, null, team, site);
        return tenant().flatMap(tenant -> reports.recognition(tenant, scope));
    }

    @GET
    @Path("/counts.csv")
    @Produces("text/csv")
    @Operation(summary = "Counts by team, site, agent or day as CSV", description = "One row per team (site, agent, "
            + "day) with its total and a column per type; the same figures as the summary.")
    public Uni<RestResponse<String>> countsCsv(
            @Parameter(description = "team, site, agent or day") @QueryParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("zone") String zone,
            @QueryParam("team") String team, @QueryParam("site") String site) {
        ReportCsv.By grouping = ReportCsv.By.parse(by).orElseThrow(() -> new InvalidParametersException(List.of(
                new Problem.FieldError("by", "must be one of team, site, agent, day"))));
        ReportService.Scope scope = scope(from, to, zone, team, site);
        return tenant().flatMap(tenant -> reports.summary(tenant, scope))
                .map(summary -> RestResponse.ResponseBuilder.ok(ReportCsv.counts(summary, grouping))
                        .header("Content-Disposition", "attachment; filename=\"closeloop-" + grouping.name()
                                .toLowerCase(java.util.Locale.ROOT) + ".csv\"")
                        .build());
    }

    private ReportService.Scope scope(String from, String to, String zone, String team, String site) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant toValue = ListParameters.instant("to", to, errors);
        Instant fromValue = ListParameters.instant("from", from, errors);
        ZoneId zoneId = ZoneOffset.UTC;
        if (zone != null && !zone.isBlank()) {
            try {
                zoneId = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError("zone", "'" + zone + "' is not a time zone such as Europe/London"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        Instant end = toValue == null ? clock.instant() : toValue;
        Instant start = fromValue == null ? end.minus(DEFAULT_PERIOD) : fromValue;
        if (!start.isBefore(end)) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("from", "must be before to")));
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("from",
                    "the period is longer than " + MAX_PERIOD.toDays() + " days")));
        }
        return new ReportService.Scope(start, end, zoneId, blankToNull(team), blankToNull(site));
    }

    private Uni<String> tenant() {
        return identity.getDeferredIdentity().map(Callers::of).map(caller -> caller.tenant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
