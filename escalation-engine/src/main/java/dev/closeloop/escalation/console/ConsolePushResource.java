package dev.closeloop.escalation.console;

import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.closeloop.escalation.directory.Manager;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.platform.outbox.Outbox;
import dev.closeloop.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A manager turns browser alerts on or off in the console. The browser's push subscription goes to the
 * notification-service (which sends the pushes) as a {@code PushSubscriptionChanged} through the outbox, so it is
 * handed over exactly when the request succeeds, even if the broker is down at that moment. Only a manager of the
 * directory can subscribe: alerts go to managers, and the subscription must name one.
 */
@Path("/console/push")
public class ConsolePushResource {

    private final ConsoleSession session;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final ConsoleCsrf csrf;

    public ConsolePushResource(ConsoleSession session, Outbox outbox, OutboxRelay relay, Clock clock,
            ConsoleCsrf csrf) {
        this.session = session;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.csrf = csrf;
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> subscribe(@RestForm(ConsoleCsrf.FIELD) String token, @RestForm("endpoint") String endpoint,
            @RestForm("p256dh") String p256dh, @RestForm("auth") String auth) {
        csrf.verify(token);
        return change(endpoint, p256dh, auth, true);
    }

    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unsubscribe(@RestForm(ConsoleCsrf.FIELD) String token, @RestForm("endpoint") String endpoint) {
        csrf.verify(token);
        return change(endpoint, null, null, false);
    }

    private Uni<Response> change(String endpoint, String p256dh, String auth, boolean active) {
        return session.viewer().flatMap(viewer -> {
            if (viewer.manager().isEmpty()) {
                return Uni.createFrom().item(plain(403, "Browser alerts go to managers; " + viewer.caller().username()
                        + " is not a manager in the directory."));
            }
            Manager manager = viewer.manager().get();
            PushSubscriptionChanged change = new PushSubscriptionChanged(manager.id(), strip(endpoint), strip(p256dh),
                    strip(auth), active);
            var problem = change.problem();
            if (problem.isPresent()) {
                return Uni.createFrom().item(plain(400, "Not a browser push subscription: it arrived "
                        + problem.get() + "."));
            }
            EventEnvelope<PushSubscriptionChanged> envelope = EventEnvelope.of(viewer.tenant(), manager.id(),
                    clock.instant(), change);
            return publish(envelope).invoke(relay::publishSoon).map(ignored -> {
                Log.infof("Browser push %s for managerId=%s tenant=%s eventId=%s", active ? "subscribed"
                        : "unsubscribed", manager.id(), viewer.tenant(), envelope.eventId());
                return Response.noContent().build();
            });
        });
    }

    @WithTransaction
    Uni<Void> publish(EventEnvelope<PushSubscriptionChanged> envelope) {
        return outbox.enqueue(Channels.PUSH_SUBSCRIPTIONS, envelope);
    }

    private static Response plain(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
