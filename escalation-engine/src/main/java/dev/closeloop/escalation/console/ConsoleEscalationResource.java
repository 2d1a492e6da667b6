package dev.closeloop.escalation.console;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.closeloop.escalation.Outcome;
import dev.closeloop.escalation.lifecycle.IllegalTransitionException;
import dev.closeloop.escalation.lifecycle.OutcomeNotAllowedException;
import dev.closeloop.escalation.service.EscalationLifecycleService;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.escalation.service.InvalidFieldException;
import dev.closeloop.escalation.service.StaleVersionException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * One escalation's page and the changes a manager makes from it. Each change is a form post naming the version
 * the manager saw; a change someone else made meanwhile (412) or one the status does not allow (409) shows the
 * page again, as it is now, saying so. A change that worked redirects to the page (Post/Redirect/Get), so a
 * reload never repeats it.
 */
@Path("/console/escalations/{id}")
public class ConsoleEscalationResource {

    static final int MAX_NOTE = 2000;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance escalation(Viewer viewer, EscalationSheet sheet, String notice,
                String problem);

        static native TemplateInstance escalationLive(EscalationSheet sheet);
    }

    /** One lifecycle change by the viewer at the version they saw. */
    @FunctionalInterface
    interface Change {
        Uni<EscalationQueries.Detail> apply(EscalationLifecycleService.Caller caller, UUID id, long version);
    }

    private final ConsoleSession session;
    private final EscalationQueries queries;
    private final EscalationLifecycleService lifecycle;
    private final ConsoleRecordings recordings;
    private final ConsoleCsrf csrf;

    public ConsoleEscalationResource(ConsoleSession session, EscalationQueries queries,
            EscalationLifecycleService lifecycle, ConsoleRecordings recordings, ConsoleCsrf csrf) {
        this.session = session;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.recordings = recordings;
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@PathParam("id") String id, @QueryParam("done") String done) {
        return render(id, 200, done == null ? null : notice(done), null);
    }

    /** The parts of the page that change (status, actions, timeline), for the page's live updates. */
    @GET
    @Path("live")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> live(@PathParam("id") String id) {
        UUID uuid = parse(id);
        return session.viewer().flatMap(viewer -> queries.detail(viewer.tenant(), uuid).map(detail -> detail == null
                ? ConsolePages.notFound()
                : ConsolePages.html(Templates.escalationLive(EscalationSheet.of(detail, viewer,
                        EscalationSheet.Recording.none(""))))));
    }

    @POST
    @Path("acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledge(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestForm("version") String version,
            @RestForm("note") String note) {
        return change(id, token, version, "acknowledged", (caller, uuid, v) -> lifecycle.acknowledge(caller, uuid, v,
                note(note)));
    }

    @POST
    @Path("customer-contacted")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> customerContacted(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestForm("version") String version,
            @RestForm("note") String note) {
        return change(id, token, version, "contacted", (caller, uuid, v) -> lifecycle.customerContacted(caller, uuid, v,
                note(note)));
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> resolve(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestForm("version") String version,
            @RestForm("outcome") String outcome, @RestForm("note") String note) {
        return change(id, token, version, "resolved", (caller, uuid, v) -> lifecycle.resolve(caller, uuid, v,
                outcome(outcome), note(note)));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addNote(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestForm("version") String version,
            @RestForm("text") String text) {
        return change(id, token, version, "noted", (caller, uuid, v) -> {
            String note = note(text);
            if (note == null) {
                throw new InvalidFieldException("text", "write the note first");
            }
            return lifecycle.addNote(caller, uuid, v, note);
        });
    }

    @POST
    @Path("reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reassign(@PathParam("id") String id, @RestForm(ConsoleCsrf.FIELD) String token,
            @RestForm("version") String version,
            @RestForm("managerId") String managerId) {
        return change(id, token, version, "reassigned", (caller, uuid, v) -> {
            if (managerId == null || managerId.isBlank()) {
                throw new InvalidFieldException("managerId", "choose who to hand it to");
            }
            return lifecycle.reassign(caller, uuid, v, managerId.strip());
        });
    }

    private Uni<Response> change(String id, String token, String version, String done, Change change) {
        csrf.verify(token);
        UUID uuid = parse(id);
        return session.viewer().flatMap(viewer -> Uni.createFrom().deferred(() -> change.apply(viewer.caller(), uuid,
                version(version)))
                .map(detail -> detail == null ? ConsolePages.notFound()
                        : Response.seeOther(URI.create("/console/escalations/" + uuid + "?done=" + done)).build())
                .onFailure(StaleVersionException.class).recoverWithUni(e -> render(id, 412, null,
                        "Someone changed this escalation while you were looking at it; nothing was changed. "
                                + "This is how it stands now."))
                .onFailure(IllegalTransitionException.class).recoverWithUni(e -> render(id, 409, null,
                        "Not changed: " + e.getMessage() + "."))
                .onFailure(e -> e instanceof OutcomeNotAllowedException || e instanceof InvalidFieldException)
                .recoverWithUni(e -> render(id, 400, null, "Not changed: " + (e instanceof InvalidFieldException invalid
                        ? invalid.field() + ": " : "") + e.getMessage() + ".")));
    }

    private Uni<Response> render(String id, int status, String notice, String problem) {
        UUID uuid = parse(id);
        return session.viewer().flatMap(viewer -> queries.detail(viewer.tenant(), uuid).flatMap(detail -> {
            if (detail == null) {
                return Uni.createFrom().item(ConsolePages.notFound());
            }
            return recordings.forViewer(detail.escalation(), viewer).map(recording -> ConsolePages.html(status,
                    Templates.escalation(viewer, EscalationSheet.of(detail, viewer, recording), notice, problem),
                    recording.origin()));
        }));
    }

    private static String notice(String done) {
        return switch (done) {
            case "acknowledged" -> "Acknowledged: it is yours now.";
            case "contacted" -> "Customer contact recorded.";
            case "resolved" -> "Resolved.";
            case "noted" -> "Note added.";
            case "reassigned" -> "Handed over.";
            default -> null;
        };
    }

    private static long version(String version) {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("version", "the form did not say which version you saw; reload the page");
        }
    }

    private static Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new OutcomeNotAllowedException("'" + outcome + "' is not an outcome");
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidFieldException("note", "at most " + MAX_NOTE + " characters");
        }
        return note.strip();
    }

    /** Unknown, malformed and another tenant's ids all read as "no such escalation". */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            Log.debugf("Console asked for a malformed escalation id %s", id);
            return new UUID(0, 0);
        }
    }
}
