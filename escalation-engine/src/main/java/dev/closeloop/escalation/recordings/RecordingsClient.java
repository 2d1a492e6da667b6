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
@Path("/internal/v1/tenants/{tenant}/recordings/{recordingId}/links")
public interface RecordingsClient {

    record LinkRequest(String viewerEmail, String viewerName, String managerId, String surveyId,
            List<String> escalationIds, String timeZone) {
    }

    record MintedLink(String url, String audioUrl, Instant expiresAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<MintedLink> mint(@PathParam("tenant") String tenant, @PathParam("recordingId") String recordingId,
            @HeaderParam("Authorization") String authorization, LinkRequest request);
}
