package dev.closeloop.intake.repository;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<StoredSurvey, UUID> {

    /**
     * Inserts the survey unless this tenant already has one with its surveyId, in the current transaction.
     * {@code ON CONFLICT DO NOTHING} waits for a concurrent insert of the same key to commit or roll back,
     * so of two simultaneous identical submissions exactly one inserts and the other then reads the winner.
     *
     * @return true when inserted, false when the (tenant, surveyId) was already taken
     */
    public Uni<Boolean> insertIfAbsent(StoredSurvey survey) {
        return getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO survey "
                        + "(id, tenant, survey_id, content_hash, content, completed_at, received_at, event_id) "
                        + "VALUES (:id, :tenant, :surveyId, :contentHash, :content, :completedAt, :receivedAt, :eventId) "
                        + "ON CONFLICT (tenant, survey_id) DO NOTHING")
                .setParameter("id", survey.id)
                .setParameter("tenant", survey.tenant)
                .setParameter("surveyId", survey.surveyId)
                .setParameter("contentHash", survey.contentHash)
                .setParameter("content", survey.content)
                .setParameter("completedAt", survey.completedAt.atOffset(ZoneOffset.UTC))
                .setParameter("receivedAt", survey.receivedAt.atOffset(ZoneOffset.UTC))
                .setParameter("eventId", survey.eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<StoredSurvey> findByTenantAndSurveyId(String tenant, String surveyId) {
        return find("tenant = ?1 and surveyId = ?2", tenant, surveyId).firstResult();
    }
}
