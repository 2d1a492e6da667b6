package dev.closeloop.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by the recording-service when someone uses a recording link, so the escalation-engine can put
 * it on the timeline of each escalation the link was minted for. The link is the recipient's alone, so the
 * recipient is who used it, as far as anyone can tell.
 *
 * <p>Not every HTTP request makes one: a player fetches the audio in many range requests. Uses of one link
 * with the same {@code access} that follow each other closely (see the recording-service's
 * {@code closeloop.links.access-event-gap}) make one event, at the first of them.
 *
 * @param escalationIds  the escalations the link was minted for
 * @param managerId      directory id of the recipient the link was minted for
 * @param recipientEmail that recipient's email, or null when the alert named none
 * @param recordingId    the tenant's recording id the link names
 * @param access         what was done: {@link #VIEWED}, {@link #PLAYED}, {@link #EXPIRED} or {@link #REVOKED};
 *                       consumers should read an unknown value as some other use of the link
 * @param level          the escalation level of the alert that carried the link; 0 for a link the manager console
 *                       had minted for the manager viewing the escalation
 * @param accessedAt     when the (first) use happened
 */
public record RecordingAccessed(String surveyId, List<String> escalationIds, String managerId,
        String recipientEmail, String recordingId, String access, int level, Instant accessedAt)
        implements EventPayload {

    public static final String TYPE = "RecordingAccessed.v1";

    /** The page was opened: the player, or the notice that the recording has not arrived yet. */
    public static final String VIEWED = "VIEWED";
    /** Audio was streamed: the recording was played (or downloaded). */
    public static final String PLAYED = "PLAYED";
    /** Refused: the link had expired. */
    public static final String EXPIRED = "EXPIRED";
    /** Refused: the link had been revoked. */
    public static final String REVOKED = "REVOKED";

    public RecordingAccessed {
        escalationIds = escalationIds == null ? List.of() : List.copyOf(escalationIds);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
