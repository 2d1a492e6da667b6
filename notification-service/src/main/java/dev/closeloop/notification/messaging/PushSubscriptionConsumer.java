package dev.closeloop.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.notification.service.PushSubscriptions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code push.subscriptions} from the escalation-engine's console. Acknowledged once the change is
 * committed; a failure nacks it (modified-failed), so the broker redelivers it and finally dead-letters it.
 */
@ApplicationScoped
public class PushSubscriptionConsumer {

    private final PushSubscriptions subscriptions;

    public PushSubscriptionConsumer(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Incoming("push-subscriptions-in")
    public Uni<Void> onPushSubscriptionChanged(String json) {
        EventEnvelope<PushSubscriptionChanged> envelope;
        try {
            envelope = EventCodec.decode(json, PushSubscriptionChanged.class);
            PushSubscriptions.validate(envelope);
        } catch (EventCodec.MalformedEventException e) {
            Log.errorf("Malformed message on push.subscriptions, it will be dead-lettered: %s (%s)", e.getMessage(),
                    e.getCause() == null ? "invalid content" : e.getCause().getMessage());
            return Uni.createFrom().failure(e);
        }
        return subscriptions.apply(envelope)
                .onFailure().invoke(failure -> Log.warnf("Could not record PushSubscriptionChanged eventId=%s "
                        + "managerId=%s, the broker will redeliver it: %s", envelope.eventId(),
                        envelope.payload().managerId(), failure.toString()));
    }
}
