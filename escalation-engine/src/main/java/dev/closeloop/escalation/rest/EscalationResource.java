package dev.closeloop.escalation.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.security.DirectoryIdentityProvider;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.platform.problem.Problem;
import dev.closeloop.platform.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** The escalations of the caller's tenant. Nothing of another tenant is ever visible: it answers 404. */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.MANAGER })
@Tag(name = "Escalations")
public class EscalationResource {

    private final EscalationQueries queries;
    private final CurrentIdentityAssociation identity;

    public EscalationResource(EscalationQueries queries, CurrentIdentityAssociation identity) {
        this.queries = queries;
        this.identity = identity;
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
            @Parameter(description = "OPEN") @QueryParam("status") String status,
            @Parameter(description = "Raised at or after this instant (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Raised before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            @QueryParam("size") String size) {
        ListParameters parameters = ListParameters.parse(surveyId, type, status, from, to, page, size);
        return tenant()
                .flatMap(tenant -> queries.list(tenant, parameters.filter(), parameters.page(), parameters.size()))
                .map(found -> new EscalationPage(found.items().stream().map(EscalationView::of).toList(),
                        parameters.page(), parameters.size(), found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One escalation with its survey and timeline")
    @APIResponse(responseCode = "200", description = "The escalation",
            content = @Content(schema = @Schema(implementation = EscalationDetailView.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no escalation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EscalationDetailView> get(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return tenant()
                .flatMap(tenant -> queries.detail(tenant, uuid))
                .onItem().ifNull().failWith(EscalationResource::notFound)
                .map(EscalationDetailView::of);
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
