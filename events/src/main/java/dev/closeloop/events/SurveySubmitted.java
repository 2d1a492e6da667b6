package dev.closeloop.events;

import java.time.Instant;

/** Published by survey-intake, through its outbox, for every survey it answered 202 the first time. */
public record SurveySubmitted(Survey survey, Instant receivedAt) implements EventPayload {

    public static final String TYPE = "SurveySubmitted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
