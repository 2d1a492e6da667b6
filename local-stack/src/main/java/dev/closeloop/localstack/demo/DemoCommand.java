package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;
import dev.closeloop.localstack.cli.UpCommand;

/**
 * {@code ./closeloop demo}: plays the telephony platform against the running stack. For each call it
 * uploads the recording, then posts the survey; then it waits until the engine shows the escalations the
 * demo expects and the mail sink holds the emails, and sums up. Meanwhile it plays the managers who
 * acknowledge every other negative escalation as soon as its email arrived ({@link Acknowledger}), waits for
 * the others to re-escalate to level 2, and shows praise held for a manager's working hours
 * ({@link HeldDigest}). Exits 1 when something expected did not arrive, or something arrived that should not
 * have.
 */
public final class DemoCommand {

    public static final int DEFAULT_SURVEYS = 40;
    static final Duration PACE = Duration.ofMillis(300);
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    /** How late after the 45 s a level-2 email may come: the engine checks every 5 s, then the pipeline runs. */
    static final Duration LEVEL_TWO_SLACK = Duration.ofSeconds(40);
    /**
     * How long past the 45 s the demo watches an acknowledged survey for a level-2 email that must not come:
     * longer than a level-2 email that should come takes.
     */
    static final Duration LEVEL_TWO_QUIET = Duration.ofSeconds(20);
    /** How much earlier than the time to acknowledge after its 202 a level-2 email is not yet a problem. */
    static final Duration EARLY_TOLERANCE = Duration.ofSeconds(1);
    static final double RECORDING_SECONDS = 4;

    private final StackConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final StackClient client;

    /** When the intake answered 202, per survey: where the 202 → email time starts. */
    private final Map<String, Instant> acceptedAt = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public DemoCommand(StackConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.client = new StackClient(config.url(Service.SURVEY_INTAKE), config.url(Service.ESCALATION_ENGINE),
                config.url(Service.RECORDING_SERVICE), UpCommand.API_KEY, UpCommand.ADMIN_USER,
                UpCommand.ADMIN_PASSWORD);
    }

    public int run(int count) throws InterruptedException {
        for (Service service : Service.values()) {
            if (!ServiceProcess.answers200(config.readinessUrl(service))) {
                err.println("Closeloop is not up: " + service + " is not ready at " + config.readinessUrl(service)
                        + ". Start it with ./closeloop up.");
                return 1;
            }
        }
        Instant now = Instant.now();
        String runId = DemoSurveys.runId(now);
        List<DemoSurvey> surveys = DemoSurveys.generate(runId, count, now.toEpochMilli(), now);
        List<DemoSurvey> praise = DemoSurveys.heldPraise(runId, count + 1, now.toEpochMilli() + 1, now);
        HeldDigest digest = new HeldDigest(client, this::problem);
        try (MailboxWatcher mail = new MailboxWatcher("127.0.0.1", config.infraPorts().imap(),
                Expectations.allRecipients(), runId);
                Acknowledger managers = new Acknowledger(client, mail)) {
            try {
                mail.start();
            } catch (MessagingException e) {
                err.println("Cannot read the mail sink over IMAP on localhost:" + config.infraPorts().imap() + ": "
                        + e.getMessage());
                return 1;
            }
            managers.start();
            out.println("Watch it arrive live in the manager console: " + config.url(Service.ESCALATION_ENGINE)
                    + "/console (mia.jones@acme.example / closeloop-manager)");
            out.println("Playing the telephony platform: " + count + " calls, each a recording upload and a survey ("
                    + runId + "-*)");
            out.println("Playing their managers: every other call that raises something negative is acknowledged as "
                    + "soon as its email arrives; the others go to level 2 after "
                    + Expectations.ACKNOWLEDGE_WITHIN.toSeconds() + " s");
            if (send(surveys, managers) < 0) {
                return 1;
            }
            Map<String, List<String>> raised = awaitArrivals(surveys, mail);
            try {
                out.println();
                Optional<String> moved = digest.moveStartOfDay();
                moved.ifPresent(out::println);
                if (digest.start() != null) {
                    if (send(praise, managers) < 0) {
                        return 1;
                    }
                    digest.posted(accepted(praise));
                }
                awaitLaterEmails(surveys, digest, mail, managers);
            } finally {
                digest.restore();
            }
            return summarize(runId, surveys, praise, raised, mail.seen(), managers, digest);
        }
    }

    /** Returns how many surveys were accepted, or -1 when the stack stopped answering. */
    private int send(List<DemoSurvey> surveys, Acknowledger managers) throws InterruptedException {
        int accepted = 0;
        int n = 0;
        for (DemoSurvey survey : surveys) {
            n++;
            String prefix = String.format("[%" + digits(surveys.size()) + "d/%d] %s  %-13s %-26s", n, surveys.size(),
                    survey.surveyId(), survey.team(), survey.scenario());
            try {
                StackClient.Answer upload = client.uploadRecording(survey.recordingId(),
                        Wav.tune(survey.surveyId().hashCode(), RECORDING_SECONDS));
                if (!upload.is2xx()) {
                    callFailed(prefix + " ✗ PUT recording answered " + upload.brief());
                    continue;
                }
                StackClient.Answer answer = client.submitSurvey(survey.body());
                if (answer.status() != 202) {
                    callFailed(prefix + " ✗ POST survey answered " + answer.brief());
                    continue;
                }
                acceptedAt.put(survey.surveyId(), Instant.now());
                managers.expect(survey);
                accepted++;
                out.println(prefix + " → " + outlook(survey));
            } catch (ConnectException e) {
                err.println(prefix + " ✗ the stack stopped answering (" + e.getMessage() + "); is it still up?");
                return -1;
            } catch (IOException e) {
                callFailed(prefix + " ✗ " + e);
            }
            Thread.sleep(PACE.toMillis()); // the pace of the demo, not a wait for a result
        }
        return accepted;
    }

    private static String outlook(DemoSurvey survey) {
        if (survey.expectedTypes().isEmpty()) {
            return "nothing to raise";
        }
        String types = join(survey.expectedTypes());
        if (survey.acknowledged()) {
            return types + " (its manager acknowledges)";
        }
        if (!survey.expectedEscalatedTo().isEmpty()) {
            return types + " (nobody acknowledges: level 2)";
        }
        if (survey.team().equals(Expectations.HELD_TEAM)) {
            return types + " (held for his working hours)";
        }
        return types;
    }

    /**
     * Polls the engine and the mail sink until every expected escalation and level-1 email is there, or the
     * timeout; returns the escalation types the engine holds per survey.
     */
    private Map<String, List<String>> awaitArrivals(List<DemoSurvey> surveys, MailboxWatcher mail)
            throws InterruptedException {
        out.println();
        out.println("Waiting for the escalations and the level-1 emails (up to " + ARRIVAL_TIMEOUT.toSeconds()
                + " s) …");
        Map<String, List<String>> raised = new LinkedHashMap<>();
        long start = System.nanoTime();
        long deadline = start + ARRIVAL_TIMEOUT.toNanos();
        long nextNote = start + Duration.ofSeconds(5).toNanos();
        String lastError = null;
        while (true) {
            int escalationsPending = 0;
            for (DemoSurvey survey : accepted(surveys)) {
                if (survey.expectedTypes().isEmpty() || Set.copyOf(raised.getOrDefault(survey.surveyId(), List.of()))
                        .containsAll(names(survey.expectedTypes()))) {
                    continue;
                }
                try {
                    raised.put(survey.surveyId(), client.escalationTypes(survey.surveyId()));
                } catch (IOException e) {
                    lastError = e.getMessage();
                }
                if (!Set.copyOf(raised.getOrDefault(survey.surveyId(), List.of()))
                        .containsAll(names(survey.expectedTypes()))) {
                    escalationsPending++;
                }
            }
            int emailsPending = missingEmails(accepted(surveys), mail.seen(), DemoSurvey::expectedRecipients).size();
            long now = System.nanoTime();
            if (escalationsPending == 0 && emailsPending == 0) {
                out.println("  everything arrived (" + Math.round((now - start) / 1e9) + " s)");
                break;
            }
            if (now > deadline) {
                out.println("  gave up after " + ARRIVAL_TIMEOUT.toSeconds() + " s: " + escalationsPending
                        + " surveys still without their escalations, " + emailsPending + " emails missing");
                break;
            }
            if (now > nextNote) {
                out.println("  still waiting: " + escalationsPending + " surveys without their escalations, "
                        + emailsPending + " emails to come" + (lastError == null ? "" : " (last error: " + lastError + ")")
                        + (mail.lastError() == null ? "" : " (IMAP: " + mail.lastError() + ")"));
                nextNote = now + Duration.ofSeconds(5).toNanos();
            }
            Thread.sleep(1_000); // polling the running stack
        }
        // one last look at every survey, including those that should raise nothing
        for (DemoSurvey survey : accepted(surveys)) {
            try {
                raised.put(survey.surveyId(), client.escalationTypes(survey.surveyId()));
            } catch (IOException e) {
                problem("cannot read the escalations of " + survey.surveyId() + ": " + e.getMessage());
            }
        }
        return raised;
    }

    /**
     * Waits for the level-2 emails about the surveys nobody acknowledged, watches the acknowledged ones until
     * their level 2 would have come, and waits for the held digest.
     */
    private void awaitLaterEmails(List<DemoSurvey> surveys, HeldDigest digest, MailboxWatcher mail,
            Acknowledger managers) throws InterruptedException {
        List<DemoSurvey> accepted = accepted(surveys);
        Duration levelOne = Expectations.ACKNOWLEDGE_WITHIN;
        Instant levelTwoDeadline = latest(accepted.stream().filter(s -> !s.expectedEscalatedTo().isEmpty()),
                levelOne.plus(LEVEL_TWO_SLACK));
        Instant quietUntil = latest(accepted.stream().filter(DemoSurvey::acknowledged), levelOne.plus(LEVEL_TWO_QUIET));
        Instant digestStart = digest.start();
        out.println();
        out.println("Waiting for level 2 (" + levelOne.toSeconds() + " s after level 1, unless acknowledged)"
                + (digestStart == null ? "" : " and for the held digest (due at " + digest.clock(digestStart) + ")")
                + " …");
        Instant start = Instant.now();
        Instant nextNote = start.plusSeconds(10);
        while (true) {
            List<MailboxWatcher.Seen> seen = mail.seen();
            Instant now = Instant.now();
            int levelTwoPending = missingEmails(accepted, seen, DemoSurvey::expectedEscalatedTo).size();
            boolean levelTwoSettled = now.isAfter(levelTwoDeadline) || levelTwoPending == 0 && now.isAfter(quietUntil);
            boolean digestSettled = digest.settled(seen, now);
            long waited = Math.round(Duration.between(start, now).toMillis() / 1000.0);
            if (levelTwoSettled && digestSettled) {
                out.println("  done after " + waited + " s"
                        + (levelTwoPending == 0 ? "" : ": " + levelTwoPending + " level-2 email(s) did not come"));
                break;
            }
            if (now.isAfter(nextNote)) {
                List<String> notes = new ArrayList<>();
                if (levelTwoPending > 0) {
                    notes.add(levelTwoPending + (levelTwoPending == 1 ? " level-2 email" : " level-2 emails")
                            + " to come");
                } else if (!levelTwoSettled) {
                    notes.add("watching the acknowledged surveys for " + seconds(now, quietUntil) + " s more");
                }
                if (managers.pending() > 0) {
                    notes.add(managers.pending() + " surveys not acknowledged yet" + (managers.lastError() == null ? ""
                            : " (last error: " + managers.lastError() + ")"));
                }
                if (!digestSettled) {
                    notes.add(now.isBefore(digestStart) ? "the digest is due in " + seconds(now, digestStart) + " s"
                            : "the digest was due " + seconds(digestStart, now) + " s ago");
                }
                out.println("  still waiting: " + String.join(", ", notes)
                        + (mail.lastError() == null ? "" : " (IMAP: " + mail.lastError() + ")"));
                nextNote = now.plusSeconds(10);
            }
            Thread.sleep(500); // polling what the mailbox watcher saw
        }
    }

    /** The latest 202 among {@code surveys} plus {@code after}; the epoch when there is none. */
    private Instant latest(Stream<DemoSurvey> surveys, Duration after) {
        return surveys.map(s -> acceptedAt.get(s.surveyId()).plus(after)).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    /** Whole seconds, rounded up: "0 s more" would read as done. */
    private static long seconds(Instant from, Instant to) {
        return Math.max(0, (Duration.between(from, to).toMillis() + 999) / 1000);
    }

    private int summarize(String runId, List<DemoSurvey> surveys, List<DemoSurvey> praise,
            Map<String, List<String>> raised, List<MailboxWatcher.Seen> emails, Acknowledger managers,
            HeldDigest digest) throws InterruptedException {
        List<DemoSurvey> accepted = accepted(surveys);
        List<DemoSurvey> acceptedPraise = accepted(praise);
        out.println();
        out.println("Summary of " + runId);
        out.printf("  surveys sent: %d accepted of %d (each with a %.0f s recording); %d should raise nothing%n",
                accepted.size(), surveys.size(), RECORDING_SECONDS,
                accepted.stream().filter(s -> s.expectedTypes().isEmpty()).count());
        summarizeEscalations(accepted, raised);
        List<DemoSurvey> everyCall = new ArrayList<>(accepted);
        everyCall.addAll(acceptedPraise);
        summarizeEmails(everyCall, emails, managers, digest.expectedEmails());
        summarizeLatency(accepted, emails);
        summarizeReEscalation(accepted, emails, managers);
        out.println();
        for (String line : digest.summarize(emails)) {
            out.println("  " + line);
        }
        out.println();
        out.println("  read them: IMAP localhost:" + config.infraPorts().imap()
                + ", user mia.jones@acme.example (or any recipient above), any password");
        out.println("  escalations: curl -u " + UpCommand.ADMIN_USER + ":" + UpCommand.ADMIN_PASSWORD + " '"
                + config.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations?surveyId=" + runId + "-001'");
        out.println();
        if (problems.isEmpty() && accepted.size() == surveys.size()) {
            out.println("OK: every expected escalation was raised once, and every expected email arrived once: level 2 "
                    + "exactly for what nobody acknowledged" + (digest.start() == null ? "" : ", the held praise as "
                    + "one digest when the manager's day started") + ".");
            return 0;
        }
        err.println("NOT OK: " + problems.size() + " problem(s):");
        problems.forEach(p -> err.println("  - " + p));
        return 1;
    }

    /** Expected and raised per type; a survey whose escalations differ from the expectation is a problem. */
    private void summarizeEscalations(List<DemoSurvey> accepted, Map<String, List<String>> raised) {
        Map<String, int[]> byType = new LinkedHashMap<>();
        for (Expectations.Type type : Expectations.Type.values()) {
            byType.put(type.name(), new int[2]);
        }
        for (DemoSurvey survey : accepted) {
            List<String> expected = sorted(names(survey.expectedTypes()));
            List<String> actual = sorted(raised.getOrDefault(survey.surveyId(), List.of()));
            expected.forEach(type -> byType.get(type)[0]++);
            actual.forEach(type -> byType.computeIfAbsent(type, t -> new int[2])[1]++);
            if (!expected.equals(actual)) {
                problem(survey.surveyId() + " (" + survey.scenario() + "): expected "
                        + (expected.isEmpty() ? "nothing" : expected) + ", the engine has "
                        + (actual.isEmpty() ? "nothing" : actual));
            }
        }
        out.println();
        out.printf("  %-28s %9s %9s%n", "escalations", "expected", "raised");
        int[] total = new int[2];
        byType.forEach((type, counts) -> {
            out.printf("  %-28s %9d %9d%n", type, counts[0], counts[1]);
            total[0] += counts[0];
            total[1] += counts[1];
        });
        out.printf("  %-28s %9d %9d%n", "total", total[0], total[1]);
    }

    /**
     * Expected and received emails per recipient (level 1, level 2 and the digest); an email about a survey to
     * someone who should not hear of it, a second one, or a missing one is a problem.
     */
    private void summarizeEmails(List<DemoSurvey> accepted, List<MailboxWatcher.Seen> emails, Acknowledger managers,
            Map<String, Integer> digestEmails) {
        Map<String, int[]> byRecipient = new TreeMap<>();
        Expectations.allRecipients().forEach(r -> byRecipient.put(r, new int[2]));
        accepted.stream().filter(s -> !s.team().equals(Expectations.HELD_TEAM)).forEach(s -> {
            s.expectedRecipients().forEach(r -> byRecipient.get(r)[0]++);
            s.expectedEscalatedTo().forEach(r -> byRecipient.get(r)[0]++);
        });
        digestEmails.forEach((recipient, count) -> byRecipient.get(recipient)[0] += count);
        emails.stream().map(MailboxWatcher.Seen::email).distinct()
                .forEach(email -> byRecipient.get(email.substring(0, email.indexOf(" #")))[1]++);

        Map<String, DemoSurvey> byId = new HashMap<>();
        accepted.forEach(s -> byId.put(s.surveyId(), s));
        Map<String, Instant> acknowledgedAt = new HashMap<>();
        managers.done().forEach(a -> acknowledgedAt.put(a.surveyId(), a.at()));
        Map<String, Integer> copies = new LinkedHashMap<>();
        emails.forEach(e -> copies.merge(e.recipient() + " about " + e.surveyId(), 1, Integer::sum));
        for (MailboxWatcher.Seen email : emails) {
            DemoSurvey survey = byId.get(email.surveyId());
            if (survey != null && survey.acknowledged() && email.recipient().equals(Expectations.HEAD_OF_CX)) {
                Instant at = acknowledgedAt.get(survey.surveyId());
                problem("level-2 email to " + email.recipient() + " about " + email.surveyId() + ", which was "
                        + (at == null ? "to be acknowledged"
                                : "acknowledged " + secondsAfter202(survey, at) + " s after the 202"));
            } else if (survey == null || !survey.expectedRecipients().contains(email.recipient())
                    && !survey.expectedEscalatedTo().contains(email.recipient())) {
                problem("unexpected email to " + email.recipient() + " about " + email.surveyId());
            }
        }
        copies.forEach((key, count) -> {
            if (count > 1) {
                problem(count + " emails instead of one to " + key);
            }
        });
        missingEmails(accepted, emails, DemoSurvey::expectedRecipients).forEach(m -> problem("no email to " + m));
        missingEmails(accepted, emails, DemoSurvey::expectedEscalatedTo)
                .forEach(m -> problem("no level-2 email to " + m));

        out.println();
        out.printf("  %-28s %9s %9s%n", "emails per recipient", "expected", "received");
        byRecipient.forEach((recipient, counts) -> out.printf("  %-28s %9d %9d%n", recipient, counts[0], counts[1]));
    }

    /** From the 202 of the intake to the first sight of the level-1 email in the recipient's inbox. */
    private void summarizeLatency(List<DemoSurvey> accepted, List<MailboxWatcher.Seen> emails) {
        Map<String, DemoSurvey> byId = new HashMap<>();
        accepted.forEach(s -> byId.put(s.surveyId(), s));
        List<Long> millis = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (MailboxWatcher.Seen email : emails) {
            DemoSurvey survey = byId.get(email.surveyId());
            Instant accepted202 = acceptedAt.get(email.surveyId());
            if (survey != null && survey.expectedRecipients().contains(email.recipient())
                    && counted.add(email.recipient() + " " + email.surveyId())) {
                millis.add(Math.max(0, Duration.between(accepted202, email.seenAt()).toMillis()));
            }
        }
        out.println();
        if (millis.isEmpty()) {
            out.println("  202 → email in the mail sink: no email to measure");
            return;
        }
        long sum = millis.stream().mapToLong(Long::longValue).sum();
        long max = millis.stream().mapToLong(Long::longValue).max().orElse(0);
        out.printf("  202 → email in the mail sink: average %.1f s, max %.1f s over %d level-1 emails "
                + "(seen by polling IMAP every %d ms)%n", sum / 1000.0 / millis.size(), max / 1000.0,
                millis.size(), MailboxWatcher.POLL_MILLIS);
    }

    /**
     * Level 2 for every survey with something negative nobody acknowledged, no sooner than the time to acknowledge
     * after its 202; nothing for the acknowledged ones, which must have been acknowledged within that time.
     */
    private void summarizeReEscalation(List<DemoSurvey> accepted, List<MailboxWatcher.Seen> emails,
            Acknowledger managers) {
        Duration within = Expectations.ACKNOWLEDGE_WITHIN;
        List<DemoSurvey> left = accepted.stream().filter(s -> !s.expectedEscalatedTo().isEmpty()).toList();
        List<DemoSurvey> acknowledged = accepted.stream().filter(DemoSurvey::acknowledged).toList();
        Map<String, DemoSurvey> byId = new HashMap<>();
        accepted.forEach(s -> byId.put(s.surveyId(), s));

        List<Long> levelOneToTwo = new ArrayList<>();
        Set<String> arrived = new HashSet<>();
        int forAcknowledged = 0;
        for (MailboxWatcher.Seen email : emails) {
            DemoSurvey survey = byId.get(email.surveyId());
            if (survey == null || !email.recipient().equals(Expectations.HEAD_OF_CX)) {
                continue;
            }
            if (survey.acknowledged()) {
                forAcknowledged++;
                continue;
            }
            if (!arrived.add(survey.surveyId())) {
                continue;
            }
            // the 202 is noted when it reaches the demo, which may be a moment after the engine raised
            Duration after202 = Duration.between(acceptedAt.get(survey.surveyId()), email.seenAt());
            if (after202.compareTo(within.minus(EARLY_TOLERANCE)) < 0) {
                problem(String.format("the level-2 email about %s arrived %.1f s after the 202, before the %d s to "
                        + "acknowledge were up", survey.surveyId(), after202.toMillis() / 1000.0, within.toSeconds()));
            }
            firstLevelOne(survey, emails).ifPresent(
                    levelOne -> levelOneToTwo.add(Duration.between(levelOne, email.seenAt()).toMillis()));
        }

        List<Long> acknowledgeAfterEmail = new ArrayList<>();
        long latestAfter202 = 0;
        Set<String> done = new HashSet<>();
        for (Acknowledger.Acknowledged ack : managers.done()) {
            done.add(ack.surveyId());
            acknowledgeAfterEmail.add(Duration.between(ack.emailSeenAt(), ack.at()).toMillis());
            long after202 = Duration.between(acceptedAt.get(ack.surveyId()), ack.at()).toMillis();
            latestAfter202 = Math.max(latestAfter202, after202);
            if (after202 >= within.toMillis()) {
                problem(String.format("%s was acknowledged %.1f s after the 202, too late to stop level 2",
                        ack.surveyId(), after202 / 1000.0));
            }
        }
        managers.problems().forEach(this::problem);
        acknowledged.stream().filter(s -> !done.contains(s.surveyId())).forEach(s -> problem(s.surveyId()
                + " was never acknowledged" + (managers.lastError() == null ? "" : " (" + managers.lastError() + ")")));

        out.println();
        out.printf("  Re-escalation (level 2 after %d s without acknowledgement): %d expected, %d arrived, %d for the "
                + "%d acknowledged%n", within.toSeconds(), left.size(), arrived.size(), forAcknowledged,
                acknowledged.size());
        if (!acknowledgeAfterEmail.isEmpty()) {
            out.printf("    acknowledged by their managers %.1f s after the level-1 email on average, at most %.1f s "
                    + "after the 202%n", average(acknowledgeAfterEmail), latestAfter202 / 1000.0);
        }
        if (!levelOneToTwo.isEmpty()) {
            out.printf("    level-1 → level-2 email: average %.1f s, min %.1f s, max %.1f s%n", average(levelOneToTwo),
                    levelOneToTwo.stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0,
                    levelOneToTwo.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0);
        }
    }

    private static Optional<Instant> firstLevelOne(DemoSurvey survey, List<MailboxWatcher.Seen> emails) {
        return emails.stream().filter(e -> e.surveyId().equals(survey.surveyId())
                && survey.expectedRecipients().contains(e.recipient())).map(MailboxWatcher.Seen::seenAt)
                .min(Instant::compareTo);
    }

    private String secondsAfter202(DemoSurvey survey, Instant at) {
        return String.format("%.1f", Duration.between(acceptedAt.get(survey.surveyId()), at).toMillis() / 1000.0);
    }

    private static double average(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
    }

    /** "recipient about surveyId" for each expected email not seen yet. */
    private static List<String> missingEmails(List<DemoSurvey> surveys, List<MailboxWatcher.Seen> emails,
            Function<DemoSurvey, Set<String>> recipients) {
        Set<String> seen = new HashSet<>();
        emails.forEach(e -> seen.add(e.recipient() + " about " + e.surveyId()));
        List<String> missing = new ArrayList<>();
        for (DemoSurvey survey : surveys) {
            for (String recipient : recipients.apply(survey)) {
                String key = recipient + " about " + survey.surveyId();
                if (!seen.contains(key)) {
                    missing.add(key);
                }
            }
        }
        return missing;
    }

    private List<DemoSurvey> accepted(List<DemoSurvey> surveys) {
        return surveys.stream().filter(s -> acceptedAt.containsKey(s.surveyId())).toList();
    }

    /** Something that makes the run fail, listed at the end. */
    private void problem(String message) {
        problems.add(message);
    }

    /** A call the stack refused: shown at once, in the progress, and listed at the end. */
    private void callFailed(String line) {
        err.println(line);
        problems.add(line);
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    private static List<String> names(Set<Expectations.Type> types) {
        return types.stream().map(Enum::name).toList();
    }

    private static String join(Set<Expectations.Type> types) {
        return String.join(", ", names(types));
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }
}
