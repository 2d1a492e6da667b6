package dev.closeloop.escalation.recordings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Recording links for the console, minted by the recording-service for the viewer of a page while it renders.
 * A page without its player is better than no page: whatever goes wrong (the service down, slow, refusing)
 * the answer is an empty link, never a failure, and the console says the recording cannot be reached now.
 */
@ApplicationScoped
public class RecordingLinks {

    /**
     * Beyond the client's own connect and read timeouts (2 s each): a bound on the whole call, so a page never
     * waits longer for its player whatever the connection does.
     */
    static final Duration AT_MOST = Duration.ofSeconds(5);

    private final RecordingsClient client;
    private final Optional<String> token;

    public RecordingLinks(@RestClient RecordingsClient client,
            @ConfigProperty(name = "closeloop.internal.token") Optional<String> token) {
        this.client = client;
        this.token = token.map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * A link to the tenant's recording for this viewer, bound to the escalations shown; empty when the survey
     * has no recording or the recording-service cannot mint one right now.
     */
    public Uni<Optional<ViewerRecordingLink>> linkFor(String tenant, String recordingId, String surveyId,
            List<String> escalationIds, RecordingViewer viewer) {
        if (recordingId == null || recordingId.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (token.isEmpty()) {
            Log.warnf("No recording link for surveyId=%s escalationIds=%s: closeloop.internal.token "
                    + "(CLOSELOOP_INTERNAL_TOKEN) is not set", surveyId, escalationIds);
            return Uni.createFrom().item(Optional.empty());
        }
        RecordingsClient.LinkRequest request = new RecordingsClient.LinkRequest(viewer.email(), viewer.name(),
                viewer.managerId(), surveyId, escalationIds, viewer.timeZone());
        return Uni.createFrom().deferred(() -> client.mint(tenant, recordingId, "Bearer " + token.get(), request))
                .ifNoItem().after(AT_MOST).fail()
                .map(minted -> {
                    if (minted == null || minted.url() == null || minted.audioUrl() == null
                            || minted.expiresAt() == null) {
                        throw new UnusableAnswer();
                    }
                    return Optional.of(new ViewerRecordingLink(minted.url(), minted.audioUrl(), minted.expiresAt()));
                })
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("No recording link for surveyId=%s escalationIds=%s managerId=%s: %s", surveyId,
                            escalationIds, viewer.managerId(), describe(failure));
                    return Optional.empty();
                });
    }

    /**
     * What went wrong: the status of an answer (never its body), or the connection failure as the network
     * layer tells it (host, port, timeout).
     */
    private static String describe(Throwable failure) {
        if (failure instanceof UnusableAnswer) {
            return "the recording-service's answer names no link";
        }
        if (failure instanceof WebApplicationException) {
            int status = ((WebApplicationException) failure).getResponse().getStatus();
            // the client reports an unreadable body of a successful answer with that answer's status
            return status >= 400 ? "the recording-service answered " + status
                    : "the recording-service's answer could not be read";
        }
        if (failure instanceof TimeoutException) {
            return "the recording-service did not answer in time";
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return "the recording-service cannot be reached (" + cause.getClass().getSimpleName()
                + (message.length() > 200 ? message.substring(0, 200) : message) + ")";
    }

    /** A successful answer without the link it should carry. */
    private static final class UnusableAnswer extends RuntimeException {
        UnusableAnswer() {
            super(null, null, false, false);
        }
    }
}
