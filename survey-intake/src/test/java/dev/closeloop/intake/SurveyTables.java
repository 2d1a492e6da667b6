package dev.closeloop.intake;

import java.time.Duration;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads survey-intake's tables straight from the database, to check what a request did or did not change. */
public final class SurveyTables {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SurveyTables() {
    }

    public static long storedSurveys(Pool pool, String tenant, String surveyId) {
        return count(pool, "SELECT count(*) FROM survey WHERE tenant = $1 AND survey_id = $2", tenant, surveyId);
    }

    public static long pendingEvents(Pool pool, String tenant, String surveyId) {
        return count(pool, "SELECT count(*) FROM outbox WHERE tenant = $1 AND aggregate_id = $2", tenant, surveyId);
    }

    /** How often the relay has claimed the survey's event for publication; 0 once it is published. */
    public static long publicationAttempts(Pool pool, String tenant, String surveyId) {
        return count(pool, "SELECT coalesce(max(attempts), 0) FROM outbox WHERE tenant = $1 AND aggregate_id = $2",
                tenant, surveyId);
    }

    /** The id of the SurveySubmitted event recorded with the stored survey. */
    public static UUID eventIdOf(Pool pool, String tenant, String surveyId) {
        return pool.preparedQuery("SELECT event_id FROM survey WHERE tenant = $1 AND survey_id = $2")
                .execute(Tuple.of(tenant, surveyId))
                .map(rows -> rows.iterator().next().getUUID(0))
                .await().atMost(TIMEOUT);
    }

    private static long count(Pool pool, String sql, String tenant, String surveyId) {
        return pool.preparedQuery(sql).execute(Tuple.of(tenant, surveyId))
                .map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(TIMEOUT);
    }
}
