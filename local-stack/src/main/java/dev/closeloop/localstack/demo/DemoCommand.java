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
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.MessagingException;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;
import dev.closeloop.localstack.cli.UpCommand;

/**
 * {@code ./closeloop demo}: plays the telephony platform against the running stack. For each call it
 * uploads the recording, then posts the survey; then it waits until the engine shows the escalations the
 * demo expects and the mail sink holds the emails, and sums up. Exits 1 when something expected did not
 * arrive, or something arrived that should not have.
 */
public final class DemoCommand {

    public static final int DEFAULT_SURVEYS = 40;
    static final Duration PACE = Duration.ofMillis(300);
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
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
        try (MailboxWatcher mail = new MailboxWatcher("127.0.0.1", config.infraPorts().imap(),
                Expectations.allRecipients(), runId)) {
            try {
                mail.start();
            } catch (MessagingException e) {
                err.println("Cannot read the mail sink over IMAP on localhost:" + config.infraPorts().imap() + ": "
                        + e.getMessage());
                return 1;
            }
            out.println("Playing the telephony platform: " + count + " calls, each a recording upload and a survey ("
                    + runId + "-*)");
            int sent = send(surveys);
            if (sent < 0) {
                return 1;
            }
            Map<String, List<String>> raised = awaitArrivals(surveys, mail);
            return summarize(runId, surveys, raised, mail.seen());
        }
    }

    /** Returns how many surveys were accepted, or -1 when the stack stopped answering. */
    private int send(List<DemoSurvey> surveys) throws InterruptedException {
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
                accepted++;
                out.println(prefix + " → " + (survey.expectedTypes().isEmpty() ? "nothing to raise"
                        : join(survey.expectedTypes())));
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

    /**
     * Polls the engine and the mail sink until every expected escalation and email is there, or the timeout;
     * returns the escalation types the engine holds per survey.
     */
    private Map<String, List<String>> awaitArrivals(List<DemoSurvey> surveys, MailboxWatcher mail)
            throws InterruptedException {
        out.println();
        out.println("Waiting for the escalations and the emails (up to " + ARRIVAL_TIMEOUT.toSeconds() + " s) …");
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
            int emailsPending = missingEmails(surveys, mail.seen()).size();
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

    private int summarize(String runId, List<DemoSurvey> surveys, Map<String, List<String>> raised,
            List<MailboxWatcher.Seen> emails) {
        List<DemoSurvey> accepted = accepted(surveys);
        out.println();
        out.println("Summary of " + runId);
        out.printf("  surveys sent: %d accepted of %d (each with a %.0f s recording); %d should raise nothing%n",
                accepted.size(), surveys.size(), RECORDING_SECONDS,
                accepted.stream().filter(s -> s.expectedTypes().isEmpty()).count());
        summarizeEscalations(accepted, raised);
        summarizeEmails(accepted, emails);
        summarizeLatency(emails);
        out.println("  read them: IMAP localhost:" + config.infraPorts().imap()
                + ", user mia.jones@acme.example (or any recipient above), any password");
        out.println("  escalations: curl -u " + UpCommand.ADMIN_USER + ":" + UpCommand.ADMIN_PASSWORD + " '"
                + config.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations?surveyId=" + runId + "-001'");
        out.println();
        if (problems.isEmpty() && accepted.size() == surveys.size()) {
            out.println("OK: every expected escalation was raised once, and every expected email arrived once.");
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

    /** Expected and received per recipient; a missing, unexpected or duplicate email is a problem. */
    private void summarizeEmails(List<DemoSurvey> accepted, List<MailboxWatcher.Seen> emails) {
        Map<String, int[]> byRecipient = new TreeMap<>();
        Expectations.allRecipients().forEach(r -> byRecipient.put(r, new int[2]));
        accepted.forEach(s -> s.expectedRecipients().forEach(r -> byRecipient.get(r)[0]++));
        emails.forEach(e -> byRecipient.get(e.recipient())[1]++);

        Map<String, DemoSurvey> byId = new HashMap<>();
        accepted.forEach(s -> byId.put(s.surveyId(), s));
        Map<String, Integer> copies = new LinkedHashMap<>();
        emails.forEach(e -> copies.merge(e.recipient() + " about " + e.surveyId(), 1, Integer::sum));
        for (MailboxWatcher.Seen email : emails) {
            DemoSurvey survey = byId.get(email.surveyId());
            if (survey == null || !survey.expectedRecipients().contains(email.recipient())) {
                problem("unexpected email to " + email.recipient() + " about " + email.surveyId());
            }
        }
        copies.forEach((key, count) -> {
            if (count > 1) {
                problem(count + " emails instead of one to " + key);
            }
        });
        missingEmails(accepted, emails).forEach(missing -> problem("no email to " + missing));

        out.println();
        out.printf("  %-28s %9s %9s%n", "emails per recipient", "expected", "received");
        byRecipient.forEach((recipient, counts) -> out.printf("  %-28s %9d %9d%n", recipient, counts[0], counts[1]));
    }

    /** From the 202 of the intake to the first sight of the email in the recipient's inbox. */
    private void summarizeLatency(List<MailboxWatcher.Seen> emails) {
        List<Long> millis = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (MailboxWatcher.Seen email : emails) {
            Instant accepted202 = acceptedAt.get(email.surveyId());
            if (accepted202 != null && counted.add(email.recipient() + " " + email.surveyId())) {
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
        out.printf("  202 → email in the mail sink: average %.1f s, max %.1f s over %d emails "
                + "(seen by polling IMAP every %d ms)%n", sum / 1000.0 / millis.size(), max / 1000.0,
                millis.size(), MailboxWatcher.POLL_MILLIS);
    }

    /** "recipient about surveyId" for each expected email not seen yet. */
    private List<String> missingEmails(List<DemoSurvey> surveys, List<MailboxWatcher.Seen> emails) {
        Set<String> seen = new HashSet<>();
        emails.forEach(e -> seen.add(e.recipient() + " about " + e.surveyId()));
        List<String> missing = new ArrayList<>();
        for (DemoSurvey survey : accepted(surveys)) {
            for (String recipient : survey.expectedRecipients()) {
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
