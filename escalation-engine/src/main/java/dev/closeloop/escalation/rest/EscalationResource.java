package dev.closeloop.escalation.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.recordings.RecordingLinks;
import dev.closeloop.escalation.security.DirectoryIdentityProvider;
import dev.closeloop.escalation.service.EscalationLifecycleService;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.escalation.service.RecordingLinkRevocation;
import dev.closeloop.platform.problem.Problem;
import dev.closeloop.platform.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The escalations of the caller's tenant, and the changes managers make to them. Nothing of another
 * tenant is ever visible: it answers 404. Every change needs If-Match with the version last read.
 */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.MANAGER })
@Tag(name = "Escalations")
public class EscalationResource {

    static final String IF_MATCH_DESCRIPTION = "The ETag of the escalation as last read, e.g. \"3\"";

    private final EscalationQueries queries;
    private final EscalationLifecycleService lifecycle;
    private final CurrentIdentityAssociation identity;
    private final RecordingLinkRevocation revocation;

    public EscalationResource(EscalationQueries queries, EscalationLifecycleService lifecycle,
            CurrentIdentityAssociation identity, RecordingLinkRevocation revocation) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.revocation = revocation;
    }

    @GET
    @Operation(summary = "List the tenant's escalations", description = "Newest first. Filters combine; "
            + "from is inclusive and to exclusive, on raisedAt.")
    @APIResponse(responseCode = "200", description = "A page of escalations",
            content = @Content(schema = @Schema(implementation = EscalationPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter cannot be used; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EscalationPage> list(
            @Parameter(description = "Only this survey's escalations") @QueryParam("surveyId") String surveyId,
            @Parameter(description = "NEGATIVE_FEEDBACK, POOR_SCORE, LEAD or ALL_FIVES") @QueryParam("type") String type,
            @Parameter(description = "OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED or RESOLVED")
            @QueryParam("status") String status,
            @Parameter(description = "Only escalations about this team's agents (its directory id)")
            @QueryParam("team") String team,
            @Parameter(description = "Only escalations about this site's agents (its directory id)")
            @QueryParam("site") String site,
            @Parameter(description = "Raised at or after this instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Raised before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("size") String size) {
        ListParameters parameters = ListParameters.parse(surveyId, type, status, team, site, from, to, page, size);
        return tenant()
                .flatMap(tenant -> queries.list(tenant, parameters.filter(), parameters.page(), parameters.size()))
                .map(found -> new EscalationPage(found.items().stream().map(EscalationView::of).toList(),
                        parameters.page(), parameters.size(), found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One escalation with its survey and timeline",
            description = "The ETag header carries its version: send it back in If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The escalation",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its version, quoted"),
            content = @Content(schema = @Schema(implementation = EscalationDetailView.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no escalation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<EscalationDetailView>> get(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return tenant()
                .flatMap(tenant -> queries.detail(tenant, uuid))
                .onItem().ifNull().failWith(EscalationResource::notFound)
                .map(EscalationResource::withETag);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/acknowledge")
    @Operation(summary = "Acknowledge an OPEN escalation", description = "OPEN → ACKNOWLEDGED, once.")
    @ChangeResponses
    public Uni<RestResponse<EscalationDetailView>> acknowledge(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false) @Valid NoteRequest body) {
        return change(id, ifMatch, (caller, uuid, version) -> lifecycle.acknowledge(caller, uuid, version,
                body == null ? null : body.note()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/customer-contacted")
    @Operation(summary = "Record that the customer was contacted",
            description = "OPEN or ACKNOWLEDGED → CUSTOMER_CONTACTED; from OPEN it acknowledges as well.")
    @ChangeResponses
    public Uni<RestResponse<EscalationDetailView>> customerContacted(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false) @Valid NoteRequest body) {
        return change(id, ifMatch, (caller, uuid, version) -> lifecycle.customerContacted(caller, uuid, version,
                body == null ? null : body.note()));
    }

    /*
     * The same two changes without a JSON body (a bare POST, as from a button): JAX-RS picks these when
     * the request is not application/json, instead of answering 415 for a body that is optional anyway.
     */

    @POST
    @Path("{id}/acknowledge")
    @Operation(hidden = true)
    public Uni<RestResponse<EscalationDetailView>> acknowledgeWithoutBody(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return acknowledge(id, ifMatch, null);
    }

    @POST
    @Path("{id}/customer-contacted")
    @Operation(hidden = true)
    public Uni<RestResponse<EscalationDetailView>> customerContactedWithoutBody(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return customerContacted(id, ifMatch, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/resolve")
    @Operation(summary = "Resolve an escalation with an outcome",
            description = "Any status but RESOLVED → RESOLVED. NEGATIVE_FEEDBACK and POOR_SCORE take RECOVERED or "
                    + "NOT_RECOVERED (customer contacted first), NO_CONTACT_POSSIBLE or NO_ACTION_NEEDED; ALL_FIVES "
                    + "takes RECOGNISED or CLOSED; LEAD takes LEAD_WON, LEAD_LOST or CLOSED.")
    @ChangeResponses
    public Uni<RestResponse<EscalationDetailView>> resolve(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ResolveRequest body) {
        return change(id, ifMatch, (caller, uuid, version) -> lifecycle.resolve(caller, uuid, version,
                body.outcome(), body.note()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/notes")
    @Operation(summary = "Add a note to the timeline", description = "In any status.")
    @ChangeResponses
    public Uni<RestResponse<EscalationDetailView>> addNote(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AddNoteRequest body) {
        return change(id, ifMatch, (caller, uuid, version) -> lifecycle.addNote(caller, uuid, version,
                body.text()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}/reassign")
    @Operation(summary = "Hand the escalation to another contact of the tenant",
            description = "A team manager, sales contact or the fallback contact; not once RESOLVED.")
    @ChangeResponses
    public Uni<RestResponse<EscalationDetailView>> reassign(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ReassignRequest body) {
        return change(id, ifMatch, (caller, uuid, version) -> lifecycle.reassign(caller, uuid, version,
                body.managerId().strip()));
    }

    @POST
    @Path("{id}/recording-links/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke every recording link of an escalation (admin)", description = "The recording-service "
            + "withdraws every link naming the escalation, from alerts and from the console: their page and audio "
            + "answer 410 from then on, and each attempt reaches the timeline. The timeline records who revoked and "
            + "how many. Links minted later (a manager opening the escalation in the console) work. No If-Match: "
            + "the escalation itself does not change.")
    @APIResponse(responseCode = "200", description = "revoked: how many links were revoked (0: none were left)",
            content = @Content(schema = @Schema(implementation = RevokedRecordingLinksView.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no escalation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recording-service did not revoke them; nothing was "
            + "recorded, try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RevokedRecordingLinksView> revokeRecordingLinks(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return identity.getDeferredIdentity()
                .map(Callers::of)
                .flatMap(admin -> revocation.revokeAll(admin, uuid))
                .onItem().ifNull().failWith(EscalationResource::notFound)
                .onFailure(RecordingLinks.RecordingServiceUnavailableException.class)
                .transform(failure -> new ProblemException(503, "Service Unavailable",
                        "the recording-service did not revoke the links (" + failure.getMessage()
                                + "); nothing was recorded, try again"))
                .map(RevokedRecordingLinksView::new);
    }

    /** The answers every change gives. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @APIResponse(responseCode = "200", description = "Changed; the escalation as it is now",
            headers = @Header(name = HttpHeaders.ETAG, description = "Its new version, quoted"),
            content = @Content(schema = @Schema(implementation = EscalationDetailView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or the outcome or managerId does not fit; "
            + "each field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no escalation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "Its status does not allow this; currentStatus says where it stands",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not its current version: someone changed it since; "
            + "the body has the current etag, version and currentStatus",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = LifecycleProblem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface ChangeResponses {
    }

    /** One lifecycle change by the authenticated caller, on the escalation and version the request names. */
    @FunctionalInterface
    interface Change {
        Uni<EscalationQueries.Detail> apply(EscalationLifecycleService.Caller caller, UUID id, long version);
    }

    /** Reads the id (404 when malformed) and If-Match (428 when absent) first, then applies the change. */
    private Uni<RestResponse<EscalationDetailView>> change(String id, String ifMatch, Change change) {
        UUID uuid = parseId(id);
        long version = expectedVersion(ifMatch);
        return identity.getDeferredIdentity()
                .map(Callers::of)
                .flatMap(caller -> change.apply(caller, uuid, version))
                .onItem().ifNull().failWith(EscalationResource::notFound)
                .map(EscalationResource::withETag);
    }

    static String etag(long version) {
        return ETags.of(version);
    }

    private static RestResponse<EscalationDetailView> withETag(EscalationQueries.Detail detail) {
        return RestResponse.ResponseBuilder.ok(EscalationDetailView.of(detail))
                .header(HttpHeaders.ETAG, etag(detail.escalation().version)).build();
    }

    /** The version the caller last read, from If-Match, which every change needs. */
    private static long expectedVersion(String ifMatch) {
        Long version = ETags.version(ifMatch);
        if (version == null) {
            throw new ProblemException(428, "Precondition Required", "If-Match with the escalation's ETag (from "
                    + "GET /api/v1/escalations/{id}) is required to change it");
        }
        return version;
    }

    private Uni<String> tenant() {
        return identity.getDeferredIdentity()
                .map(caller -> (String) caller.getAttribute(DirectoryIdentityProvider.TENANT));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    /** The same answer for an unknown id and another tenant's: nothing tells them apart. */
    private static ProblemException notFound() {
        return ProblemException.notFound("there is no escalation with this id");
    }
}
