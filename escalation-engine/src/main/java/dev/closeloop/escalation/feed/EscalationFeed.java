package dev.closeloop.escalation.feed;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The live feed of every replica: each timeline entry is announced with PostgreSQL's NOTIFY in the
 * transaction that writes it (so only committed changes are heard, and only once they are), and every
 * replica LISTENs, so a console connected to any replica hears of changes made by all of them. A
 * dropped LISTEN connection is re-made every second; what happened meanwhile is not replayed (a view
 * that reconnects fetches the list again).
 */
@ApplicationScoped
public class EscalationFeed {

    /** The NOTIFY channel. */
    public static final String CHANNEL = "escalation_events";
    /** Keeps idle connections open through proxies that close silent ones (often after 60 s). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);
    public static final String HEARTBEAT_KIND = "HEARTBEAT";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BroadcastProcessor<FeedEvent> hub = BroadcastProcessor.create();
    private final Vertx vertx;
    private final Clock clock;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public EscalationFeed(Vertx vertx, Clock clock, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.clock = clock;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void listen(@Observes StartupEvent start) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> Duration.ofSeconds(1).toMillis());
        subscriber.channel(CHANNEL).handler(this::hear);
        subscriber.connect().subscribe().with(
                ignored -> Log.infof("Live feed: listening on %s", CHANNEL),
                failure -> Log.warnf("Live feed: cannot LISTEN yet, retrying: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Everything that happens to the tenant's escalations from now on. */
    public Multi<FeedEvent> of(String tenant) {
        return hub.filter(event -> tenant.equals(event.tenant()));
    }

    /**
     * The same, with a {@value #HEARTBEAT_KIND} event every {@link #HEARTBEAT}: what a browser or API client keeps
     * open.
     */
    public Multi<FeedEvent> withHeartbeat(String tenant) {
        return Multi.createBy().merging().streams(of(tenant), Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new FeedEvent(tenant, null, HEARTBEAT_KIND, clock.instant())));
    }

    /** The NOTIFY payload of a timeline entry. */
    public static String payload(FeedEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed event could not be written", e);
        }
    }

    private void hear(String payload) {
        try {
            hub.onNext(JSON.readValue(payload, FeedEvent.class));
        } catch (JsonProcessingException e) {
            Log.warnf("Live feed: unreadable notification skipped: %s", e.getOriginalMessage());
        }
    }
}
