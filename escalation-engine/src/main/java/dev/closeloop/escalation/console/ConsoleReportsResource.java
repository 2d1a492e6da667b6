package dev.closeloop.escalation.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.closeloop.escalation.directory.Team;
import dev.closeloop.escalation.reports.Recognition;
import dev.closeloop.escalation.service.ReportService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The reports and the recognition wall, for the viewer's tenant, over a period ending now. Both pages re-fetch
 * their figures (the {@code live} fragments) whenever the feed says an escalation changed, so a manager sees an
 * acknowledgement count the moment it happens.
 */
@Path("/console")
public class ConsoleReportsResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance reports(Viewer viewer, ConsoleFilter.Period period, ReportView report,
                List<ConsoleFilter.Period> periods);

        static native TemplateInstance reportsLive(ReportView report);

        static native TemplateInstance recognition(Viewer viewer, ConsoleFilter.Period period, Recognition wall,
                List<ConsoleFilter.Period> periods);

        static native TemplateInstance recognitionLive(Recognition wall);
    }

    private final ConsoleSession session;
    private final ReportService reports;
    private final Clock clock;

    public ConsoleReportsResource(ConsoleSession session, ReportService reports, Clock clock) {
        this.session = session;
        this.reports = reports;
        this.clock = clock;
    }

    /** What a page of figures is rendered from: who looks, over which period, at what. */
    private record Figures<T>(Viewer viewer, ConsoleFilter.Period period, T figures) {
    }

    @GET
    @Path("reports")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reports(@QueryParam("period") String period) {
        return report(period).map(r -> ConsolePages.html(Templates.reports(r.viewer(), r.period(), r.figures(),
                List.of(ConsoleFilter.Period.values()))));
    }

    @GET
    @Path("reports/live")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reportsLive(@QueryParam("period") String period) {
        return report(period).map(r -> ConsolePages.html(Templates.reportsLive(r.figures())));
    }

    @GET
    @Path("recognition")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> recognition(@QueryParam("period") String period) {
        return wall(period).map(w -> ConsolePages.html(Templates.recognition(w.viewer(), w.period(), w.figures(),
                List.of(ConsoleFilter.Period.values()))));
    }

    @GET
    @Path("recognition/live")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> recognitionLive(@QueryParam("period") String period) {
        return wall(period).map(w -> ConsolePages.html(Templates.recognitionLive(w.figures())));
    }

    private Uni<Figures<ReportView>> report(String period) {
        ConsoleFilter.Period chosen = period(period);
        return session.viewer().flatMap(viewer -> reports.summary(viewer.tenant(), scope(viewer, chosen))
                .map(summary -> new Figures<>(viewer, chosen, ReportView.of(summary, chosen.label(),
                        viewer.directory()))));
    }

    private Uni<Figures<Recognition>> wall(String period) {
        ConsoleFilter.Period chosen = period(period);
        return session.viewer().flatMap(viewer -> reports.recognition(viewer.tenant(), scope(viewer, chosen))
                .map(wall -> new Figures<>(viewer, chosen, named(wall, viewer))));
    }

    /** Teams by the names the directory gives them (the wall knows them by id). */
    private static Recognition named(Recognition wall, Viewer viewer) {
        UnaryOperator<String> team = id -> id == null ? null
                : viewer.directory().team(id).map(Team::name).orElse(id);
        return new Recognition(wall.from(), wall.to(),
                wall.byTeam().stream().map(e -> new Recognition.Entry(e.key(), team.apply(e.key()), e.team(),
                        e.allFives(), e.leadsWon())).toList(),
                wall.byAgent().stream().map(e -> new Recognition.Entry(e.key(), e.name(), team.apply(e.team()),
                        e.allFives(), e.leadsWon())).toList());
    }

    /** Days count in the viewer's zone, so "today" on the chart is their today. */
    private ReportService.Scope scope(Viewer viewer, ConsoleFilter.Period period) {
        Instant now = clock.instant();
        return new ReportService.Scope(now.minus(period.length()), now, viewer.zone(), null, null);
    }

    /** The reports default to 30 days; an unknown period (an edited URL) reads as the default. */
    private static ConsoleFilter.Period period(String value) {
        return ConsoleFilter.Period.parse(value == null ? "" : value.strip()).orElse(ConsoleFilter.Period.MONTH);
    }
}
