package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays the managers who acknowledge: as soon as a level-1 email about a survey the demo acknowledges is in a
 * recipient's inbox, acknowledges the survey's negative escalations, as the manager reading it would. On a
 * thread of its own, so that acknowledging does not wait until every call is posted: with 40 calls that takes
 * a good part of the 45 s the managers have.
 */
final class Acknowledger implements AutoCloseable {

    static final long POLL_MILLIS = 250;
    static final String NOTE = "On it: calling the customer back today. (./closeloop demo, for the manager)";

    /**
     * One survey's negative escalations, acknowledged.
     *
     * @param emailSeenAt when its first level-1 email was seen
     * @param at          when the last of them was acknowledged
     */
    record Acknowledged(String surveyId, int escalations, Instant emailSeenAt, Instant at) {
    }

    private final StackClient client;
    private final MailboxWatcher mail;
    private final Map<String, DemoSurvey> waiting = new LinkedHashMap<>();
    private final List<Acknowledged> done = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Poller poller = new Poller("acknowledger", POLL_MILLIS, this::acknowledgeArrived);
    private volatile String lastError;

    Acknowledger(StackClient client, MailboxWatcher mail) {
        this.client = client;
        this.mail = mail;
    }

    void start() {
        poller.start();
    }

    /** A survey the engine accepted whose manager acknowledges; others are ignored. */
    synchronized void expect(DemoSurvey survey) {
        if (survey.acknowledged()) {
            waiting.put(survey.surveyId(), survey);
        }
    }

    synchronized int pending() {
        return waiting.size();
    }

    synchronized List<String> pendingSurveyIds() {
        return List.copyOf(waiting.keySet());
    }

    synchronized List<Acknowledged> done() {
        return List.copyOf(done);
    }

    /** Acknowledgements the engine refused. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    String lastError() {
        return lastError;
    }

    private void acknowledgeArrived() {
        List<DemoSurvey> surveys;
        synchronized (this) {
            surveys = List.copyOf(waiting.values());
        }
        if (surveys.isEmpty()) {
            return;
        }
        List<MailboxWatcher.Seen> seen = mail.seen();
        for (DemoSurvey survey : surveys) {
            Optional<Instant> emailed = seen.stream()
                    .filter(e -> e.surveyId().equals(survey.surveyId())
                            && survey.expectedRecipients().contains(e.recipient()))
                    .map(MailboxWatcher.Seen::seenAt).min(Instant::compareTo);
            if (emailed.isEmpty()) {
                continue;
            }
            try {
                acknowledge(survey, emailed.get());
            } catch (IOException e) {
                lastError = survey.surveyId() + ": " + e.getMessage(); // tried again at the next poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acknowledge(DemoSurvey survey, Instant emailedAt) throws IOException, InterruptedException {
        Set<String> negative = survey.expectedTypes().stream()
                .filter(type -> Expectations.reEscalates(EnumSet.of(type))).map(Enum::name).collect(Collectors.toSet());
        List<StackClient.Escalation> escalations = client.escalations(survey.surveyId()).stream()
                .filter(e -> negative.contains(e.type())).toList();
        if (escalations.size() < negative.size()) {
            lastError = survey.surveyId() + ": the engine shows " + escalations.size() + " of its " + negative.size()
                    + " negative escalations so far";
            return;
        }
        List<String> refused = new ArrayList<>();
        for (StackClient.Escalation escalation : escalations) {
            if (!"OPEN".equals(escalation.status())) {
                continue; // acknowledged at an earlier poll that failed on a later one
            }
            StackClient.Answer answer = client.acknowledge(escalation.id(), NOTE);
            if (answer.status() != 200) {
                refused.add("acknowledging " + escalation.type() + " " + escalation.id() + " of " + survey.surveyId()
                        + " answered " + answer.brief());
            }
        }
        synchronized (this) {
            waiting.remove(survey.surveyId());
            problems.addAll(refused);
            if (refused.isEmpty()) {
                done.add(new Acknowledged(survey.surveyId(), escalations.size(), emailedAt, Instant.now()));
            }
        }
    }

    @Override
    public void close() {
        poller.close();
    }
}
