package dev.closeloop.notification.push;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.zerodeplibs.webpush.PushSubscription;
import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.httpclient.StandardHttpClientRequestPreparer;

import dev.closeloop.notification.config.PushConfig;
import dev.closeloop.notification.repository.BrowserSubscription;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends push messages to browsers through their push services (RFC 8030), encrypted for each browser (RFC 8291,
 * aes128gcm) and signed with this service's VAPID key (RFC 8292), with the JDK's HttpClient. Off when no VAPID
 * key pair is configured; a pair that is given but wrong stops the service from starting.
 */
@ApplicationScoped
public class WebPush {

    /** RFC 8292 allows a VAPID token at most 24 hours; half leaves room for clocks that disagree. */
    private static final Duration TOKEN_VALID_FOR = Duration.ofHours(12);

    private final Optional<VAPIDKeyPair> keyPair;
    private final PushConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebPush(PushConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.keyPair = keyPairOf(config.vapid());
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    /**
     * The configured pair; empty when neither key is set.
     *
     * @throws IllegalStateException when only one key is set, or the keys are not a P-256 pair in base64url
     */
    static Optional<VAPIDKeyPair> keyPairOf(PushConfig.Vapid vapid) {
        Optional<String> publicKey = vapid.publicKey().filter(key -> !key.isBlank());
        Optional<String> privateKey = vapid.privateKey().filter(key -> !key.isBlank());
        if (publicKey.isEmpty() && privateKey.isEmpty()) {
            return Optional.empty();
        }
        if (publicKey.isEmpty() || privateKey.isEmpty()) {
            throw new IllegalStateException("closeloop.push.vapid." + (publicKey.isEmpty() ? "public-key" : "private-key")
                    + " is missing: set both VAPID keys for browser push, or neither to send email only");
        }
        try {
            return Optional.of(VapidKeys.parse(publicKey.get(), privateKey.get()).toKeyPair());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("closeloop.push.vapid: " + e.getMessage()
                    + " (./closeloop vapid-keys makes a pair)", e);
        }
    }

    void onStart(@Observes StartupEvent start) {
        if (keyPair.isEmpty()) {
            Log.warn("Browser push is OFF: closeloop.push.vapid.public-key and private-key are not set "
                    + "(CLOSELOOP_PUSH_VAPID_PUBLIC_KEY, CLOSELOOP_PUSH_VAPID_PRIVATE_KEY). Alerts go by email only; "
                    + "./closeloop vapid-keys makes a key pair.");
        } else {
            Log.infof("Browser push is on, VAPID subject %s", config.vapid().subject());
        }
    }

    public boolean enabled() {
        return keyPair.isPresent();
    }

    /**
     * Pushes the message to one browser. Never fails: no answer is a {@link PushResult.Kind#RETRY}, a message
     * that cannot be encrypted for the browser a {@link PushResult.Kind#REJECTED}. Encrypting and signing run on
     * a worker thread (elliptic-curve work has no place on the event loop); the request itself is asynchronous.
     */
    public Uni<PushResult> send(BrowserSubscription subscription, PushMessage message) {
        VAPIDKeyPair vapid = keyPair.orElseThrow(() -> new IllegalStateException("browser push is off"));
        return Uni.createFrom().item(() -> request(subscription, message, vapid))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Cannot prepare a push to endpoint %s of managerId=%s: %s", subscription.endpoint(),
                            subscription.managerId(), failure.toString());
                    return null;
                })
                .flatMap(request -> request == null
                        ? Uni.createFrom().item(new PushResult(PushResult.Kind.REJECTED, 0,
                                "the message cannot be encrypted for this subscription"))
                        : Uni.createFrom().completionStage(() -> http.sendAsync(request,
                                HttpResponse.BodyHandlers.discarding()))
                                .map(response -> PushResult.ofStatus(response.statusCode()))
                                .ifNoItem().after(config.requestTimeout()).fail()
                                .onFailure().recoverWithItem(PushResult::noAnswer));
    }

    private HttpRequest request(BrowserSubscription subscription, PushMessage message, VAPIDKeyPair vapid) {
        PushSubscription target = new PushSubscription();
        target.setEndpoint(subscription.endpoint());
        PushSubscription.Keys keys = new PushSubscription.Keys();
        keys.setP256dh(subscription.p256dh());
        keys.setAuth(subscription.auth());
        target.setKeys(keys);
        return StandardHttpClientRequestPreparer.getBuilder()
                .pushSubscription(target)
                .vapidJWTExpirationTime(clock.instant().plus(TOKEN_VALID_FOR))
                .vapidJWTSubject(config.vapid().subject())
                .pushMessage(message.payload())
                .ttl(config.ttl().toSeconds(), TimeUnit.SECONDS)
                .urgency(urgencyOption(message.urgency()))
                .topic(message.topic())
                .build(vapid)
                .toRequestBuilder()
                .timeout(config.requestTimeout())
                .build();
    }

    private static com.zerodeplibs.webpush.header.Urgency.UrgencyOption urgencyOption(String urgency) {
        switch (urgency) {
            case "high":
                return com.zerodeplibs.webpush.header.Urgency.UrgencyOption.HIGH;
            case "normal":
                return com.zerodeplibs.webpush.header.Urgency.UrgencyOption.NORMAL;
            default:
                return com.zerodeplibs.webpush.header.Urgency.UrgencyOption.LOW;
        }
    }
}
