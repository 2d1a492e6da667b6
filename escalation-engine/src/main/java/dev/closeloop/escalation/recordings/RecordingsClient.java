package dev.closeloop.escalation.recordings;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The recording-service's internal API ({@code quarkus.rest-client.recordings.*}). Answers of 400 and above
 * fail the {@code Uni}, as the REST client does by default.
 */
@RegisterRestClient(configKey = "recordings")
@Path("/internal/v1/tenants/{tenant}")
public interface RecordingsClient {

    record LinkRequest(String viewerEmail, String viewerName, String managerId, String surveyId,
            List<String> escalationIds, String timeZone) {
    }

    record MintedLink(String url, String audioUrl, Instant expiresAt) {
    }

    record RevokeRequest(String revokedBy) {
    }

    record Revoked(Integer revoked) {
    }

    @POST
    @Path("recordings/{recordingId}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<MintedLink> mint(@PathParam("tenant") String tenant, @PathParam("recordingId") String recordingId,
            @HeaderParam("Authorization") String authorization, LinkRequest request);

    /** Revokes every link, alert or console, of the tenant that names the escalation. */
    @POST
    @Path("escalations/{escalationId}/links/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Revoked> revoke(@PathParam("tenant") String tenant, @PathParam("escalationId") String escalationId,
            @HeaderParam("Authorization") String authorization, RevokeRequest request);
}
