package dev.closeloop.escalation.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.directory.RoutePreview;
import dev.closeloop.escalation.service.DirectoryService;
import dev.closeloop.events.Survey;
import dev.closeloop.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** "For this survey, who would be told what, and when", under the tenant's current directory. Changes nothing. */
@Path("/api/v1/admin/routing/preview")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Directory administration")
public class RoutingPreviewResource {

    private final DirectoryService directories;
    private final CurrentIdentityAssociation identity;
    private final Clock clock;

    public RoutingPreviewResource(DirectoryService directories, CurrentIdentityAssociation identity, Clock clock) {
        this.directories = directories;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview the routing of a survey", description = "The body is a survey as the telephony "
            + "platform posts it. The answer lists the escalations it would raise, the rule each matches, and each "
            + "level's recipients with the time they would be alerted if nobody acknowledged.")
    @APIResponse(responseCode = "200", description = "The preview",
            content = @Content(schema = @Schema(implementation = RoutePreview.class)))
    @APIResponse(responseCode = "400", description = "The survey or the time cannot be used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutePreview> preview(Survey survey,
            @Parameter(description = "Preview as if the survey arrived at this instant (ISO-8601, e.g. "
                    + "2026-12-24T16:30:00Z); now when absent") @QueryParam("at") String at) {
        if (survey == null || survey.surveyId() == null || survey.surveyId().isBlank()) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("surveyId", "is required")));
        }
        Instant when = instant(at);
        return identity.getDeferredIdentity().map(Callers::of)
                .flatMap(caller -> directories.require(caller.tenant()))
                .map(stored -> RoutePreview.of(stored.directory(), survey, when));
    }

    private Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidParametersException(List.of(new Problem.FieldError("at",
                    "'" + at + "' is not an ISO-8601 instant such as 2026-12-24T16:30:00Z")));
        }
    }
}
