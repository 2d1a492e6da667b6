package dev.closeloop.intake.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.Survey;
import dev.closeloop.events.SurveySubmitted;
import dev.closeloop.intake.CanonicalSurvey;
import dev.closeloop.intake.SubmissionOutcome;
import dev.closeloop.intake.repository.StoredSurvey;
import dev.closeloop.intake.repository.SurveyRepository;
import dev.closeloop.platform.outbox.Outbox;
import dev.closeloop.platform.outbox.OutboxRelay;
import dev.closeloop.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Accepts surveys idempotently: the first submission of a (tenant, surveyId) stores the survey and, in the
 * same transaction, its {@code SurveySubmitted} event in the outbox; the same survey again changes nothing;
 * different content under a known surveyId is a conflict.
 */
@ApplicationScoped
public class SurveyIntakeService {

    private final SurveyRepository surveys;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public SurveyIntakeService(SurveyRepository surveys, Outbox outbox, OutboxRelay relay) {
        this.surveys = surveys;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Records a validated survey for the tenant.
     *
     * @return {@link SubmissionOutcome#ACCEPTED} the first time, {@link SubmissionOutcome#REPLAYED} for the same
     *         survey again; fails with a 409 {@link ProblemException} for different content under a known surveyId
     */
    public Uni<SubmissionOutcome> submit(String tenant, Survey survey) {
        CanonicalSurvey canonical = CanonicalSurvey.of(survey);
        // Programmatic rather than @WithTransaction: the relay must be kicked after the commit, and the
        // caller's 202 must not wait for the broker, so the kick is not part of the returned Uni.
        return Panache.withTransaction(() -> record(tenant, survey, canonical))
                .invoke(outcome -> {
                    if (outcome == SubmissionOutcome.ACCEPTED) {
                        relay.publishSoon();
                    }
                });
    }

    private Uni<SubmissionOutcome> record(String tenant, Survey survey, CanonicalSurvey canonical) {
        Instant receivedAt = Instant.now();
        EventEnvelope<SurveySubmitted> event = EventEnvelope.of(tenant, survey.surveyId(), receivedAt,
                new SurveySubmitted(survey, receivedAt));
        StoredSurvey row = new StoredSurvey();
        row.id = UUID.randomUUID();
        row.tenant = tenant;
        row.surveyId = survey.surveyId();
        row.contentHash = canonical.hash();
        row.content = canonical.json();
        row.completedAt = survey.completedAt();
        row.receivedAt = receivedAt;
        row.eventId = event.eventId();
        return surveys.insertIfAbsent(row).flatMap(inserted -> {
            if (inserted) {
                return outbox.enqueue(Channels.SURVEYS_SUBMITTED, event)
                        .invoke(() -> Log.infof("Accepted surveyId=%s tenant=%s eventId=%s", survey.surveyId(),
                                tenant, event.eventId()))
                        .replaceWith(SubmissionOutcome.ACCEPTED);
            }
            return surveys.findByTenantAndSurveyId(tenant, survey.surveyId())
                    .map(existing -> compare(existing, canonical));
        });
    }

    private static SubmissionOutcome compare(StoredSurvey existing, CanonicalSurvey submitted) {
        if (existing.contentHash.equals(submitted.hash())) {
            Log.infof("Replayed surveyId=%s tenant=%s: identical, nothing changed", existing.surveyId,
                    existing.tenant);
            return SubmissionOutcome.REPLAYED;
        }
        Log.infof("Refused surveyId=%s tenant=%s: already accepted with different content", existing.surveyId,
                existing.tenant);
        throw ProblemException.conflict("survey " + existing.surveyId
                + " was already accepted with different content; a surveyId cannot be reused");
    }

    /** The survey as stored, or null when the tenant has none with this id. */
    @WithSession
    public Uni<Survey> find(String tenant, String surveyId) {
        return surveys.findByTenantAndSurveyId(tenant, surveyId)
                .map(stored -> stored == null ? null : CanonicalSurvey.read(stored.content));
    }
}
