package dev.closeloop.escalation.console;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.feed.EscalationFeed;
import dev.closeloop.escalation.feed.FeedEvent;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.events.EscalationType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The console's home: the tenant's escalations, newest first, as they happen. The page subscribes to
 * {@code /console/feed} and, on any change, fetches {@code /console/rows} with the same filters: the rows come
 * rendered by the same template fragment as the page, so a live update looks exactly like a reload.
 */
@Path("/console")
public class ConsoleFeedResource {

    /** The most rows the feed shows; the filters narrow it down further. */
    static final int ROWS = 100;

    /** What the feed's table needs: the rows and how many matched in all. */
    public record Rows(List<EscalationRow> items, long total, int shown) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance escalations(Viewer viewer, ConsoleFilter filter, Rows rows,
                List<EscalationType> types, List<EscalationStatus> statuses, List<ConsoleFilter.Period> periods);

        static native TemplateInstance escalationRows(Rows rows);
    }

    private final ConsoleSession session;
    private final EscalationQueries queries;
    private final EscalationFeed feed;
    private final Clock clock;

    public ConsoleFeedResource(ConsoleSession session, EscalationQueries queries, EscalationFeed feed, Clock clock) {
        this.session = session;
        this.queries = queries;
        this.feed = feed;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("team") String team, @QueryParam("site") String site, @QueryParam("period") String period) {
        return session.viewer().flatMap(viewer -> {
            ConsoleFilter filter = ConsoleFilter.parse(type, status, team, site, period, viewer.directory());
            return rows(viewer, filter).map(rows -> ConsolePages.html(Templates.escalations(viewer, filter, rows,
                    List.of(EscalationType.values()), List.of(EscalationStatus.values()),
                    List.of(ConsoleFilter.Period.values()))));
        });
    }

    @GET
    @Path("rows")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> rows(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("team") String team, @QueryParam("site") String site, @QueryParam("period") String period) {
        return session.viewer().flatMap(viewer -> {
            ConsoleFilter filter = ConsoleFilter.parse(type, status, team, site, period, viewer.directory());
            return rows(viewer, filter).map(rows -> ConsolePages.html(Templates.escalationRows(rows)));
        });
    }

    @GET
    @Path("feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<FeedEvent> feed() {
        return session.viewer().toMulti().flatMap(viewer -> feed.withHeartbeat(viewer.tenant()));
    }

    private Uni<Rows> rows(Viewer viewer, ConsoleFilter filter) {
        return queries.list(viewer.tenant(), filter.at(clock.instant()), 0, ROWS)
                .map(found -> new Rows(found.items().stream().map(e -> EscalationRow.of(e, viewer)).toList(),
                        found.total(), found.items().size()));
    }
}
