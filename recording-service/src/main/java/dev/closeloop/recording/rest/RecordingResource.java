package dev.closeloop.recording.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.closeloop.platform.apikey.CallingTenant;
import dev.closeloop.platform.apikey.TenantApiKeyRequired;
import dev.closeloop.platform.problem.ProblemException;
import dev.closeloop.recording.AudioTypes;
import dev.closeloop.recording.RecordingIds;
import dev.closeloop.recording.service.RecordingService;
import dev.closeloop.recording.service.RecordingService.Registration;
import dev.closeloop.recording.service.RecordingUploads;
import dev.closeloop.recording.storage.RecordingStorage.RecordingTooLargeException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Call recordings uploaded by the telephony platform, scoped to the tenant of its API key. */
@Path("/api/v1/recordings")
@TenantApiKeyRequired
public class RecordingResource {

    private final RecordingUploads uploads;
    private final RecordingService recordings;
    private final CallingTenant tenant;

    public RecordingResource(RecordingUploads uploads, RecordingService recordings, CallingTenant tenant) {
        this.uploads = uploads;
        this.recordings = recordings;
        this.tenant = tenant;
    }

    /**
     * Blocking on purpose: the body streams from the socket to storage on this worker thread, however large
     * it is, while the database work runs on a Vert.x context (see {@link RecordingUploads}).
     */
    @PUT
    @Path("{recordingId}")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a call recording", description = "The body is the audio (audio/wav, audio/mpeg, "
            + "audio/ogg or audio/mp4), and its first bytes must be of that type (RIFF/WAVE, ID3 or an MPEG frame, "
            + "OggS, an ftyp box). Idempotent: the same bytes again change nothing.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the recording")
    @APIResponse(responseCode = "200", description = "The identical recording was already stored")
    @APIResponse(responseCode = "400", description = "Invalid recording id")
    @APIResponse(responseCode = "401", description = "Missing or unknown API key")
    @APIResponse(responseCode = "409", description = "A different recording is already stored under this id")
    @APIResponse(responseCode = "413", description = "Larger than closeloop.recordings.max-size")
    @APIResponse(responseCode = "415", description = "Not one of the accepted audio types, or the bytes are not what "
            + "the Content-Type says (the problem names both); nothing is stored")
    public Response upload(
            @PathParam("recordingId") @Pattern(regexp = RecordingIds.PATTERN, message = RecordingIds.MESSAGE) String recordingId,
            @Context HttpHeaders headers, InputStream body) throws IOException {
        String contentType = AudioTypes.accepted(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() -> UploadRefusedException.unsupportedType(String.join(", ", AudioTypes.ACCEPTED)));
        long declaredLength = declaredLength(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (declaredLength > uploads.maxBytes()) {
            throw UploadRefusedException.tooLarge(uploads.maxBytes());
        }
        // the type is checked against the bytes before anything is staged: a refused upload leaves no file behind
        byte[] head = body.readNBytes(AudioTypes.SNIFF_LENGTH);
        Optional<String> sniffed = AudioTypes.sniff(head);
        if (!sniffed.equals(Optional.of(contentType))) {
            throw UploadRefusedException.typeMismatch(contentType, sniffed);
        }
        Registration registration;
        try {
            registration = uploads.upload(tenant.id(), recordingId, contentType,
                    new SequenceInputStream(new ByteArrayInputStream(head), body));
        } catch (RecordingTooLargeException e) {
            throw UploadRefusedException.tooLarge(e.limit());
        }
        RecordingView view = RecordingView.of(registration.recording());
        switch (registration.outcome()) {
            case CREATED:
                return Response.created(location(recordingId)).entity(view).build();
            case UNCHANGED:
                return Response.ok(view).location(location(recordingId)).build();
            default:
                throw ProblemException.conflict("recording " + recordingId
                        + " is already stored with different content; recordings never change once uploaded");
        }
    }

    @GET
    @Path("{recordingId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What is stored under a recording id", description = "Size, type and SHA-256 of the "
            + "tenant's recording; lets the telephony platform check an upload arrived.")
    @APIResponse(responseCode = "200", description = "The recording's metadata")
    @APIResponse(responseCode = "400", description = "Invalid recording id")
    @APIResponse(responseCode = "401", description = "Missing or unknown API key")
    @APIResponse(responseCode = "404", description = "No recording with this id for this tenant")
    public Uni<RecordingView> get(
            @PathParam("recordingId") @Pattern(regexp = RecordingIds.PATTERN, message = RecordingIds.MESSAGE) String recordingId) {
        return recordings.find(tenant.id(), recordingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no recording " + recordingId))
                .map(RecordingView::of);
    }

    private static URI location(String recordingId) {
        return UriBuilder.fromResource(RecordingResource.class).path("{recordingId}").build(recordingId);
    }

    /** The Content-Length the client declared, or -1 (chunked, absent, unreadable: the stream is counted). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
