package dev.closeloop.recording.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.closeloop.recording.service.LinkRevocation;
import io.smallrye.mutiny.Uni;

/**
 * Revoking the recording links of an escalation, for the escalation-engine, which has checked that an admin of
 * the tenant asks. Behind the same internal token as {@link ConsoleLinkResource}.
 */
@Path("/internal/v1/tenants/{tenant}/escalations/{escalationId}/links/revoke")
@InternalApi
@Tag(name = "internal")
public class LinkRevocationResource {

    /** The engine's escalation ids are UUIDs; anything in the alphabet of ids is looked for, nothing else. */
    static final String ESCALATION_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private final LinkRevocation revocation;

    public LinkRevocationResource(LinkRevocation revocation) {
        this.revocation = revocation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke every recording link of an escalation", description = "Alert and console links "
            + "of the tenant naming the escalation stop working for good: their page and audio answer 410 saying "
            + "they were revoked, and each attempt is audited and announced (REVOKED). Links minted later work.")
    @APIResponse(responseCode = "200", description = "revoked: how many links this call revoked (0 when none were "
            + "left to revoke)")
    @APIResponse(responseCode = "400", description = "Invalid tenant, escalation id or body; the problem names the field")
    @APIResponse(responseCode = "401", description = "Missing or wrong internal token")
    @APIResponse(responseCode = "404", description = "The internal API is off: closeloop.internal.token is not set")
    public Uni<RevokedLinksView> revoke(
            @PathParam("tenant") @Pattern(regexp = ConsoleLinkResource.TENANT_PATTERN,
                    message = ConsoleLinkResource.TENANT_MESSAGE) String tenant,
            @PathParam("escalationId") @Pattern(regexp = ESCALATION_ID_PATTERN, message = "must be 1 to 128 "
                    + "characters of A-Z, a-z, 0-9, '.', '_', ':' and '-', starting with a letter or digit") String escalationId,
            @Valid @NotNull RevokeLinksRequest request) {
        return revocation.revokeForEscalation(tenant, escalationId, request.revokedBy().strip())
                .map(RevokedLinksView::new);
    }
}
