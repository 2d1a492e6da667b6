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
     * Has the recording-service revoke every link naming the escalation, and answers how many it revoked. Unlike
     * {@link #linkFor}, a failure is the caller's to report: an admin who revokes must know it did not happen.
     *
     * @throws RecordingServiceUnavailableException (in the {@code Uni}) when the internal token is not set, or the
     *                                              recording-service cannot be reached, refuses, or answers nothing usable
     */
    public Uni<Integer> revokeForEscalation(String tenant, String escalationId, String revokedBy) {
        if (token.isEmpty()) {
            return Uni.createFrom().failure(new RecordingServiceUnavailableException(
                    "closeloop.internal.token (CLOSELOOP_INTERNAL_TOKEN) is not set"));
        }
        return Uni.createFrom()
                .deferred(() -> client.revoke(tenant, escalationId, "Bearer " + token.get(),
                        new RecordingsClient.RevokeRequest(revokedBy)))
                .ifNoItem().after(AT_MOST).fail()
                .map(answer -> {
                    if (answer == null || answer.revoked() == null) {
                        throw new UnusableAnswer();
                    }
                    return answer.revoked();
                })
                .onFailure(failure -> !(failure instanceof RecordingServiceUnavailableException))
                .transform(failure -> {
                    String why = describe(failure);
                    Log.warnf("Recording links of escalationId=%s not revoked: %s", escalationId, why);
                    return new RecordingServiceUnavailableException(why);
                });
    }

    /** The recording-service did not do what was asked; nothing was recorded here either. */
    public static final class RecordingServiceUnavailableException extends RuntimeException {
        public RecordingServiceUnavailableException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * What went wrong: the status of an answer (never its body), or the connection failure as the network
     * layer tells it (host, port, timeout).
     */
    private static String describe(Throwable failure) {
        if (failure instanceof UnusableAnswer) {
            return "the recording-service's answer is not the one asked for";
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
