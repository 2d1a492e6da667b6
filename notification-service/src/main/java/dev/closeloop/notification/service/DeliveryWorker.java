package dev.closeloop.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.DeliveryBatch;
import dev.closeloop.notification.config.DeliveryConfig;
import dev.closeloop.notification.email.AlertEmailRenderer;
import dev.closeloop.notification.email.RenderedEmail;
import dev.closeloop.notification.push.PushMessage;
import dev.closeloop.notification.push.PushResult;
import dev.closeloop.notification.push.WebPush;
import dev.closeloop.notification.repository.BrowserSubscription;
import dev.closeloop.notification.repository.ClaimedDelivery;
import dev.closeloop.notification.repository.DeliveryRepository;
import dev.closeloop.notification.repository.PushSubscriptionRepository;
import dev.closeloop.platform.outbox.OutboxRelay;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends due deliveries through the {@link ReactiveMailer}: one email each, or one email for a whole batch (a
 * digest of everything held for a recipient's working hours, or a burst of alerts about one agent).
 *
 * <p>Each delivery is first claimed with a lease (committed before the send), so two replicas never send
 * the same delivery while the lease runs; the outcome is recorded only by the claim that owns it. The
 * deliveries of a batch are claimed together under one token, so the same holds for a batch. A
 * failed send is retried with back-off until {@code max-attempts}; after the first failure a round stops,
 * so a dead SMTP server costs one attempt per poll, not one per waiting delivery.
 *
 * <p>What can still send an email twice: the SMTP server accepted it but this service died (or lost the
 * database) before recording SENT; the lease lapses and the delivery is sent again. Every email therefore
 * carries a Message-ID derived from the delivery id (a batch's: from all its delivery ids), identical on
 * every attempt, by which mail systems and clients recognise the copy.
 *
 * <p>A PUSH delivery goes to every browser its manager subscribed, through {@link WebPush}: SENT when any push
 * service took it; a browser whose push service answers 404/410 is forgotten; FAILED at once when no browser is
 * left (or every push service refused it for good); retried with the same back-off as email when a push
 * service is busy, failing or unreachable. A failed push does not stop the round: one browser's push service
 * says nothing about the SMTP server or other push services.
 */
@ApplicationScoped
public class DeliveryWorker {

    enum Outcome {
        SENT, NOTHING_DUE, STOP,
        /** A push was not sent; the next due delivery is still worth trying. */
        NEXT
    }

    private final DeliveryRepository deliveries;
    private final DeliveryCompletion completion;
    private final AlertEmailRenderer renderer;
    private final ReactiveMailer mailer;
    private final WebPush push;
    private final PushSubscriptionRepository subscriptions;
    private final OutboxRelay relay;
    private final DeliveryConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final String messageIdDomain;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();

    public DeliveryWorker(DeliveryRepository deliveries, DeliveryCompletion completion, AlertEmailRenderer renderer,
            ReactiveMailer mailer, WebPush push, PushSubscriptionRepository subscriptions, OutboxRelay relay,
            DeliveryConfig config, Vertx vertx, Clock clock, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        if (config.sendTimeout().compareTo(config.lease()) >= 0) {
            throw new IllegalStateException("closeloop.delivery.send-timeout (" + config.sendTimeout()
                    + ") must be shorter than closeloop.delivery.lease (" + config.lease()
                    + "), or a slow send could be claimed and sent again by another worker");
        }
        this.deliveries = deliveries;
        this.completion = completion;
        this.renderer = renderer;
        this.mailer = mailer;
        this.push = push;
        this.subscriptions = subscriptions;
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.messageIdDomain = domainOf(from);
    }

    @Scheduled(every = "${closeloop.delivery.poll-interval:1s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return deliverDue();
    }

    /** Sends what is due now instead of at the next poll; returns at once. Call it after a commit. */
    public void kick() {
        deliverDue().subscribe().with(ignored -> {
        }, failure -> Log.warnf("Delivery round failed: %s", failure.toString()));
    }

    /** One round: sends due deliveries until none is due or one fails. Overlapping calls merge. */
    Uni<Void> deliverDue() {
        kicked.set(true);
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Executor onContext = newSafeContext();
        return Uni.createFrom().deferred(() -> drain(onContext))
                .runSubscriptionOn(onContext)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Delivery round stopped, the lease will hand the delivery back: %s", failure.toString());
                    return null;
                })
                .eventually(() -> {
                    running.set(false);
                    if (kicked.get()) {
                        // kicked after the last look for due deliveries: look again rather than wait for the poll
                        kick();
                    }
                });
    }

    private Uni<Void> drain(Executor onContext) {
        kicked.set(false);
        return Multi.createBy().repeating().uni(() -> deliverNext(onContext))
                .whilst(outcome -> outcome == Outcome.SENT || outcome == Outcome.NEXT)
                .collect().last()
                .flatMap(last -> last == Outcome.NOTHING_DUE && kicked.get()
                        ? drain(onContext)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Outcome> deliverNext(Executor onContext) {
        return deliveries.claimNextDue(config.lease(), clock.instant())
                .emitOn(onContext)
                .flatMap(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(Outcome.NOTHING_DUE)
                        : attempt(claimed, onContext));
    }

    private Uni<Outcome> attempt(List<ClaimedDelivery> claimed, Executor onContext) {
        return Delivery.PUSH.equals(claimed.get(0).channel()) ? attemptPush(claimed.get(0), onContext)
                : attemptEmail(claimed, onContext);
    }

    /** One push to every browser of the delivery's manager; one outcome for the delivery. */
    private Uni<Outcome> attemptPush(ClaimedDelivery claimed, Executor onContext) {
        Outgoing outgoing;
        PushMessage message;
        try {
            outgoing = new Outgoing(claimed, EventCodec.decode(claimed.alert(), AlertReady.class).payload());
            message = PushMessage.of(claimed.tenant(), outgoing.alert());
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot make the push deliveryId=%s surveyId=%s", claimed.id(), claimed.surveyId());
            return completion.giveUp(List.of(new Outgoing(claimed, readable(claimed))), String.valueOf(e))
                    .invoke(this::kickRelayIf).replaceWith(Outcome.NEXT);
        }
        if (!push.enabled()) {
            // queued while push was configured, and the service restarted without keys
            return completion.giveUp(List.of(outgoing), "browser push is off (no VAPID keys)")
                    .invoke(this::kickRelayIf).replaceWith(Outcome.NEXT);
        }
        return subscriptions.findFor(claimed.tenant(), claimed.managerId())
                .emitOn(onContext)
                .flatMap(browsers -> Multi.createFrom().iterable(browsers)
                        .onItem().transformToUniAndConcatenate(browser -> push.send(browser, message)
                                .flatMap(result -> forgetIfGone(claimed, browser, result)))
                        .collect().asList())
                .emitOn(onContext)
                .flatMap(results -> completePush(outgoing, results));
    }

    private Uni<PushResult> forgetIfGone(ClaimedDelivery claimed, BrowserSubscription browser, PushResult result) {
        if (result.kind() == PushResult.Kind.GONE) {
            return subscriptions.deleteGone(browser).invoke(deleted -> Log.infof("Push service answered %d: "
                    + "browser forgotten, managerId=%s endpoint=%s deliveryId=%s surveyId=%s", result.status(),
                    browser.managerId(), browser.endpoint(), claimed.id(), claimed.surveyId()))
                    .replaceWith(result);
        }
        if (result.kind() != PushResult.Kind.ACCEPTED) {
            Log.warnf("Push not taken (%s, %s): managerId=%s endpoint=%s deliveryId=%s surveyId=%s", result.kind(),
                    result.detail(), browser.managerId(), browser.endpoint(), claimed.id(), claimed.surveyId());
        }
        return Uni.createFrom().item(result);
    }

    /** SENT when any browser's push service took it, retried when one may later, FAILED otherwise. */
    private Uni<Outcome> completePush(Outgoing outgoing, List<PushResult> results) {
        List<Outgoing> one = List.of(outgoing);
        if (results.stream().anyMatch(r -> r.kind() == PushResult.Kind.ACCEPTED)) {
            return completion.markSent(one).invoke(this::kickRelayIf).replaceWith(Outcome.SENT);
        }
        String why = results.isEmpty() ? "no browser subscribed"
                : results.stream().map(r -> r.kind() + " " + r.detail()).collect(Collectors.joining("; "));
        if (results.stream().anyMatch(r -> r.kind() == PushResult.Kind.RETRY)) {
            return completion.recordFailure(one, new IllegalStateException(why)).invoke(this::kickRelayIf)
                    .replaceWith(Outcome.NEXT);
        }
        return completion.giveUp(one, why).invoke(this::kickRelayIf).replaceWith(Outcome.NEXT);
    }

    /** One email: a single delivery, or a whole batch claimed together. Sent once; one outcome for all. */
    private Uni<Outcome> attemptEmail(List<ClaimedDelivery> claimed, Executor onContext) {
        List<Outgoing> email;
        Mail mail;
        try {
            email = claimed.stream()
                    .map(c -> new Outgoing(c, EventCodec.decode(c.alert(), AlertReady.class).payload()))
                    .toList();
            mail = toMail(claimed, email.get(0).alert(), render(claimed.get(0).batch(), email));
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot render the email deliveryIds=%s surveyIds=%s", ids(claimed),
                    claimed.stream().map(ClaimedDelivery::surveyId).toList());
            List<Outgoing> readable = claimed.stream().map(c -> new Outgoing(c, readable(c))).toList();
            return completion.recordFailure(readable, e).invoke(this::kickRelayIf).replaceWith(Outcome.STOP);
        }
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(config.sendTimeout()).fail()
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ignored, smtpFailure) -> smtpFailure == null
                        ? completion.markSent(email).invoke(this::kickRelayIf).replaceWith(Outcome.SENT)
                        : completion.recordFailure(email, smtpFailure).invoke(this::kickRelayIf)
                                .replaceWith(Outcome.STOP));
    }

    private RenderedEmail render(DeliveryBatch batch, List<Outgoing> email) {
        List<AlertReady> alerts = email.stream().map(Outgoing::alert).toList();
        if (batch == null) {
            return renderer.render(alerts.get(0));
        }
        return batch == DeliveryBatch.DIGEST ? renderer.renderDigest(alerts) : renderer.renderGroup(alerts);
    }

    private Mail toMail(List<ClaimedDelivery> claimed, AlertReady first, RenderedEmail email) {
        return Mail.withHtml(first.recipient().email().strip(), email.subject(), email.html())
                .setText(email.text())
                .addHeader("Message-ID", messageId(claimed));
    }

    /**
     * The same on every attempt at the same email, so a duplicate is recognisable as one: from the delivery id
     * for an email of its own (as before batches existed), from every delivery id for a batch.
     */
    String messageId(List<ClaimedDelivery> claimed) {
        DeliveryBatch batch = claimed.get(0).batch();
        if (batch == null) {
            return messageId(claimed.get(0).id());
        }
        String ids = ids(claimed).stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        UUID batchId = UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8));
        return "<" + batch.name().toLowerCase(Locale.ROOT) + "-" + batchId + "@" + messageIdDomain + ">";
    }

    /** The same on every attempt of a delivery, so a duplicate is recognisable as one. */
    String messageId(UUID deliveryId) {
        return "<delivery-" + deliveryId + "@" + messageIdDomain + ">";
    }

    private static List<UUID> ids(List<ClaimedDelivery> claimed) {
        return claimed.stream().map(ClaimedDelivery::id).toList();
    }

    private void kickRelayIf(boolean enqueued) {
        if (enqueued) {
            relay.publishSoon();
        }
    }

    private static AlertReady readable(ClaimedDelivery claimed) {
        try {
            return EventCodec.decode(claimed.alert(), AlertReady.class).payload();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A fresh duplicated context, marked safe for Hibernate Reactive, that a round keeps returning to
     * after each database and SMTP call: a reactive session must stay on the context that opened it.
     */
    private Executor newSafeContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }

    /** The domain of the From address, e.g. {@code closeloop.local} in {@code Closeloop <alerts@closeloop.local>}. */
    static String domainOf(String from) {
        int at = from == null ? -1 : from.lastIndexOf('@');
        if (at < 0) {
            return "closeloop.local";
        }
        String domain = from.substring(at + 1).replace(">", "").strip();
        return domain.matches("[A-Za-z0-9.-]+") ? domain : "closeloop.local";
    }
}
