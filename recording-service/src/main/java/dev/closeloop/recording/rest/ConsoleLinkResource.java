package dev.closeloop.recording.rest;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.closeloop.recording.RecordingIds;
import dev.closeloop.recording.service.ConsoleLinks;
import io.smallrye.mutiny.Uni;

/**
 * Recording links for the escalation-engine's console, minted per viewer when it renders an escalation. The
 * tenant is in the path because the caller is a Closeloop service acting for a logged-in manager of that
 * tenant, not a tenant itself.
 */
@Path("/internal/v1/tenants/{tenant}/recordings/{recordingId}/links")
@InternalApi
@Tag(name = "internal", description = "Service-to-service, with Authorization: Bearer <closeloop.internal.token>; "
        + "not for tenants (their API keys open nothing here)")
public class ConsoleLinkResource {

    /** The tenant ids of the API key file and the engine's directory. */
    static final String TENANT_PATTERN = "[A-Za-z0-9._-]{1,100}";
    static final String TENANT_MESSAGE = "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_' and '-'";

    private final ConsoleLinks links;

    public ConsoleLinkResource(ConsoleLinks links) {
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint a console recording link for one viewer", description = "A time-limited link "
            + "(closeloop.links.console-ttl, default 2 h) to the tenant's recording, bound to the viewer and the "
            + "escalations; it works before the recording is uploaded, as alert links do, and every use is "
            + "audited and announced on recordings.accessed with level 0.")
    @APIResponse(responseCode = "201", description = "Minted: url (the page), audioUrl (the bytes) and expiresAt; "
            + "Location is the page")
    @APIResponse(responseCode = "400", description = "Invalid tenant, recording id or body; the problem names the field")
    @APIResponse(responseCode = "401", description = "Missing or wrong internal token")
    @APIResponse(responseCode = "404", description = "The internal API is off: closeloop.internal.token is not set")
    public Uni<Response> mint(
            @PathParam("tenant") @Pattern(regexp = TENANT_PATTERN, message = TENANT_MESSAGE) String tenant,
            @PathParam("recordingId") @Pattern(regexp = RecordingIds.PATTERN, message = RecordingIds.MESSAGE) String recordingId,
            @Valid @NotNull ConsoleLinkRequest request) {
        ConsoleLinks.Viewer viewer = new ConsoleLinks.Viewer(request.viewerEmail().strip(), request.viewerName(),
                request.managerId(), request.timeZone());
        return links.mint(tenant, recordingId, request.surveyId(), request.escalationIds(), viewer)
                .map(minted -> Response.created(URI.create(minted.url()))
                        .header("Cache-Control", "no-store")
                        .entity(new ConsoleLinkView(minted.url(), minted.audioUrl(), minted.expiresAt()))
                        .build());
    }
}
