package dev.closeloop.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by the recording-service once per (survey, recipient, level): what the recipient must
 * be told, with a recording link minted for that recipient alone.
 *
 * @param escalations            the escalations this recipient is told about
 * @param recordingUrl           the recipient's time-limited link, or null when the call has no recording
 * @param recordingUrlExpiresAt  when that link stops working, or null
 */
public record AlertReady(Survey survey, List<RaisedEscalation> escalations, Recipient recipient, int level,
        String recordingUrl, Instant recordingUrlExpiresAt) implements EventPayload {

    public static final String TYPE = "AlertReady.v1";

    public AlertReady {
        escalations = List.copyOf(escalations);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
