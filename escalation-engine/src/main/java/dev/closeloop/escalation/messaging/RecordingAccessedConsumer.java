package dev.closeloop.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.escalation.service.RecordingAccessTimeline;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code recordings.accessed}: each use of a recording link becomes a timeline entry on the
 * escalations it names. Acknowledged after the entries committed; a failure nacks it (modified-failed), so the
 * broker redelivers it and finally parks it on the dead-letter address.
 */
@ApplicationScoped
public class RecordingAccessedConsumer {

    static final String CHANNEL = "recordings-accessed-in";

    private final RecordingAccessTimeline timeline;

    public RecordingAccessedConsumer(RecordingAccessTimeline timeline) {
        this.timeline = timeline;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onRecordingAccessed(String payload) {
        EventEnvelope<RecordingAccessed> envelope;
        try {
            envelope = EventCodec.decode(payload, RecordingAccessed.class);
        } catch (EventCodec.MalformedEventException e) {
            Log.errorf("Unreadable message on %s, left to the dead-letter address: %s", CHANNEL, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return timeline.record(envelope)
                .onFailure().invoke(failure -> Log.errorf(failure,
                        "Could not record eventId=%s surveyId=%s; the broker will redeliver it",
                        envelope.eventId(), envelope.payload().surveyId()))
                .replaceWithVoid();
    }
}
