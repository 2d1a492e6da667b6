package dev.closeloop.events;

import java.util.List;

/**
 * Published by the escalation-engine once per survey that raised at least one escalation: every
 * type raised for the survey together, so each recipient gets one alert per survey, not one per type.
 *
 * @param level the escalation level being alerted (1 = first alert)
 */
public record EscalationsRaised(Survey survey, List<RaisedEscalation> escalations, List<Recipient> recipients,
        int level) implements EventPayload {

    public static final String TYPE = "EscalationsRaised.v1";

    public EscalationsRaised {
        escalations = List.copyOf(escalations);
        recipients = List.copyOf(recipients);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
