package dev.closeloop.events;

/** A message payload; its type name carries a version so consumers can tell shapes apart. */
public interface EventPayload {

    /** The envelope {@code type}, e.g. {@code SurveySubmitted.v1}. */
    String eventType();
}
