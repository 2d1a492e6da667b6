package dev.closeloop.intake;

/** What became of a submitted survey that was answered 202. */
public enum SubmissionOutcome {
    /** First time: stored, and its SurveySubmitted is in the outbox. */
    ACCEPTED,
    /** The same survey again: nothing changed, nothing is published twice. */
    REPLAYED
}
