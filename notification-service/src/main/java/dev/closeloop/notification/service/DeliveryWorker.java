package dev.closeloop.notification.service;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.notification.config.DeliveryConfig;
import dev.closeloop.notification.email.AlertEmailRenderer;
import dev.closeloop.notification.email.RenderedEmail;
import dev.closeloop.notification.repository.ClaimedDelivery;
import dev.closeloop.notification.repository.DeliveryRepository;
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
 * Sends due deliveries, one email each, through the {@link ReactiveMailer}.
 *
 * <p>Each delivery is first claimed with a lease (committed before the send), so two replicas never send
 * the same delivery while the lease runs; the outcome is recorded only by the claim that owns it. A
 * failed send is retried with back-off until {@code max-attempts}; after the first failure a round stops,
 * so a dead SMTP server costs one attempt per poll, not one per waiting delivery.
 *
 * <p>What can still send an email twice: the SMTP server accepted it but this service died (or lost the
 * database) before recording SENT; the lease lapses and the delivery is sent again. Every email therefore
 * carries a Message-ID derived from the delivery id, identical on every attempt, by which mail systems
 * and clients recognise the copy.
 */
@ApplicationScoped
public class DeliveryWorker {

    enum Outcome {
        SENT, NOTHING_DUE, STOP
    }

    private final DeliveryRepository deliveries;
    private final DeliveryCompletion completion;
    private final AlertEmailRenderer renderer;
    private final ReactiveMailer mailer;
    private final OutboxRelay relay;
    private final DeliveryConfig config;
    private final Vertx vertx;
    private final String messageIdDomain;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();

    public DeliveryWorker(DeliveryRepository deliveries, DeliveryCompletion completion, AlertEmailRenderer renderer,
            ReactiveMailer mailer, OutboxRelay relay, DeliveryConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        if (config.sendTimeout().compareTo(config.lease()) >= 0) {
            throw new IllegalStateException("closeloop.delivery.send-timeout (" + config.sendTimeout()
                    + ") must be shorter than closeloop.delivery.lease (" + config.lease()
                    + "), or a slow send could be claimed and sent again by another worker");
        }
        this.deliveries = deliveries;
        this.completion = completion;
        this.renderer = renderer;
        this.mailer = mailer;
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
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
                .whilst(outcome -> outcome == Outcome.SENT)
                .collect().last()
                .flatMap(last -> last == Outcome.NOTHING_DUE && kicked.get()
                        ? drain(onContext)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Outcome> deliverNext(Executor onContext) {
        return deliveries.claimNextDue(config.lease())
                .emitOn(onContext)
                .flatMap(claimed -> claimed == null
                        ? Uni.createFrom().item(Outcome.NOTHING_DUE)
                        : attempt(claimed, onContext));
    }

    private Uni<Outcome> attempt(ClaimedDelivery claimed, Executor onContext) {
        AlertReady alert;
        Mail mail;
        try {
            alert = EventCodec.decode(claimed.alert(), AlertReady.class).payload();
            mail = toMail(claimed, alert, renderer.render(alert));
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot render the email deliveryId=%s surveyId=%s", claimed.id(), claimed.surveyId());
            AlertReady readable = readable(claimed);
            return completion.recordFailure(claimed, readable, e).invoke(this::kickRelayIf).replaceWith(Outcome.STOP);
        }
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .ifNoItem().after(config.sendTimeout()).fail()
                .emitOn(onContext)
                .onItemOrFailure().transformToUni((ignored, smtpFailure) -> smtpFailure == null
                        ? completion.markSent(claimed, alert).invoke(this::kickRelayIf).replaceWith(Outcome.SENT)
                        : completion.recordFailure(claimed, alert, smtpFailure).invoke(this::kickRelayIf)
                                .replaceWith(Outcome.STOP));
    }

    private Mail toMail(ClaimedDelivery claimed, AlertReady alert, RenderedEmail email) {
        return Mail.withHtml(alert.recipient().email().strip(), email.subject(), email.html())
                .setText(email.text())
                .addHeader("Message-ID", messageId(claimed.id()));
    }

    /** The same on every attempt of a delivery, so a duplicate is recognisable as one. */
    String messageId(UUID deliveryId) {
        return "<delivery-" + deliveryId + "@" + messageIdDomain + ">";
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
