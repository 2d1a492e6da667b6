package dev.closeloop.localstack.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.demo.DemoSurvey;
import dev.closeloop.localstack.demo.Expectations;
import dev.closeloop.localstack.demo.MailText;

/**
 * What a chaos run counts, from the databases and the mail sink (never from the services' APIs, which could be
 * wrong the same way): for every accepted survey, its escalations and its alerts against what the demo's
 * {@link Expectations} say; and what is left stuck (outbox rows, deliveries not sent).
 *
 * @param accepted           surveys intake answered 202 for
 * @param storedByIntake     of those, how many intake's database holds
 * @param escalationsMissing expected (survey, type) pairs the engine did not raise
 * @param escalationsExtra   raised (survey, type) pairs nobody expected
 * @param alertsSent         expected (recipient, survey) pairs with at least one email
 * @param alertsDuplicated   distinct messages beyond the first for one (recipient, survey): a second alert
 * @param alertsResent       copies of a message already received, with its Message-ID: a delivery sent again
 *                           because its sender crashed after the SMTP server took it and before it recorded so
 *                           (at-least-once at the SMTP boundary); mail systems keep one message per Message-ID
 * @param alertsLost         expected (recipient, survey) pairs with no email
 * @param alertsUnexpected   emails to someone not expected to hear of the survey
 * @param outboxLeft         outbox rows not yet published, per service
 * @param deliveriesNotSent  notification deliveries of the run not SENT (pending or failed)
 */
record ChaosCount(int accepted, int storedByIntake, int escalationsExpected, int escalationsRaised,
        int escalationsMissing, int escalationsExtra, int alertsExpected, int alertsSent, int alertsDuplicated,
        int alertsResent, int alertsLost, int alertsUnexpected, Map<Service, Integer> outboxLeft, int deliveriesNotSent) {

    /** Everything expected has arrived and nothing is pending: waiting longer cannot change the count. */
    boolean complete() {
        return storedByIntake == accepted && escalationsMissing == 0 && alertsLost == 0 && deliveriesNotSent == 0
                && outboxLeft.values().stream().allMatch(n -> n == 0);
    }

    /** Nothing lost, nothing twice, nothing stuck. */
    boolean clean() {
        return storedByIntake == accepted && escalationsMissing == 0 && escalationsExtra == 0 && alertsLost == 0
                && alertsDuplicated == 0 && alertsUnexpected == 0 && deliveriesNotSent == 0
                && outboxLeft.values().stream().allMatch(n -> n == 0);
    }

    static ChaosCount of(ChaosStack stack, String runId, List<DemoSurvey> accepted) throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection intake = stack.database(Service.SURVEY_INTAKE)) {
            for (List<String> row : rows(intake, "SELECT survey_id FROM survey WHERE survey_id LIKE ?", runId)) {
                stored.add(row.get(0));
            }
        }
        Set<String> raised = new HashSet<>();
        try (Connection engine = stack.database(Service.ESCALATION_ENGINE)) {
            for (List<String> row : rows(engine, "SELECT survey_id, type FROM escalation WHERE survey_id LIKE ?",
                    runId)) {
                raised.add(row.get(0) + "/" + row.get(1));
            }
        }
        Set<String> expectedEscalations = new HashSet<>();
        Map<String, Set<String>> expectedAlerts = new HashMap<>();
        int copies = 0;
        for (DemoSurvey survey : accepted) {
            survey.expectedTypes().forEach(type -> expectedEscalations.add(survey.surveyId() + "/" + type.name()));
            survey.expectedRecipients().forEach(r -> expectedAlerts.put(key(r, survey.surveyId()), new HashSet<>()));
            // nobody acknowledges during a chaos run: every negative survey reaches level 2
            Expectations.escalatedTo(survey.expectedTypes(), false)
                    .forEach(r -> expectedAlerts.put(key(r, survey.surveyId()), new HashSet<>()));
        }
        int unexpected = 0;
        Pattern ids = Pattern.compile(Pattern.quote(runId) + "-\\d{3,}(?!\\d)");
        for (MimeMessage message : stack.allMail()) {
            for (String surveyId : MailText.surveyIdsIn(message, ids)) {
                for (var address : message.getRecipients(Message.RecipientType.TO)) {
                    String key = key(((InternetAddress) address).getAddress(), surveyId);
                    if (expectedAlerts.containsKey(key)) {
                        copies++;
                        expectedAlerts.get(key).add(message.getMessageID());
                    } else {
                        unexpected++;
                    }
                }
            }
        }
        Map<Service, Integer> outbox = new HashMap<>();
        for (Service service : Service.values()) {
            try (Connection db = stack.database(service)) {
                outbox.put(service, Integer.parseInt(rows(db, "SELECT count(*) FROM outbox", null).get(0).get(0)));
            }
        }
        int notSent;
        try (Connection notification = stack.database(Service.NOTIFICATION_SERVICE)) {
            notSent = Integer.parseInt(rows(notification, "SELECT count(*) FROM delivery WHERE survey_id LIKE ? "
                    + "AND status <> 'SENT'", runId).get(0).get(0));
        }
        int storedAccepted = (int) accepted.stream().filter(s -> stored.contains(s.surveyId())).count();
        int missing = (int) expectedEscalations.stream().filter(e -> !raised.contains(e)).count();
        int extra = (int) raised.stream().filter(e -> !expectedEscalations.contains(e)).count();
        int sent = (int) expectedAlerts.values().stream().filter(seen -> !seen.isEmpty()).count();
        int duplicated = expectedAlerts.values().stream().mapToInt(seen -> Math.max(0, seen.size() - 1)).sum();
        int distinct = expectedAlerts.values().stream().mapToInt(Set::size).sum();
        return new ChaosCount(accepted.size(), storedAccepted, expectedEscalations.size(),
                expectedEscalations.size() - missing + extra, missing, extra, expectedAlerts.size(), sent, duplicated,
                copies - distinct, expectedAlerts.size() - sent, unexpected, outbox, notSent);
    }

    private static String key(String recipient, String surveyId) {
        return recipient.toLowerCase(Locale.ROOT) + " " + surveyId;
    }

    /** Rows of a query whose only parameter, if any, is the run id as a LIKE prefix. */
    private static List<List<String>> rows(Connection db, String sql, String runId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (runId != null) {
                query.setString(1, runId + "-%");
            }
            try (ResultSet result = query.executeQuery()) {
                List<List<String>> rows = new java.util.ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
