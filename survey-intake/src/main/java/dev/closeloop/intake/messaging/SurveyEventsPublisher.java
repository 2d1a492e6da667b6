package dev.closeloop.intake.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** How the platform's outbox relay reaches the broker from survey-intake: one channel, surveys.submitted. */
@ApplicationScoped
public class SurveyEventsPublisher {

    /** Configured in application.properties: address surveys.submitted, durable. */
    public static final String SURVEYS_SUBMITTED_OUT = "surveys-submitted-out";

    private final MutinyEmitter<String> surveysSubmitted;

    public SurveyEventsPublisher(@Channel(SURVEYS_SUBMITTED_OUT) MutinyEmitter<String> surveysSubmitted) {
        this.surveysSubmitted = surveysSubmitted;
    }

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher() {
        return new AmqpOutboxPublisher(Map.of(Channels.SURVEYS_SUBMITTED, surveysSubmitted));
    }
}
