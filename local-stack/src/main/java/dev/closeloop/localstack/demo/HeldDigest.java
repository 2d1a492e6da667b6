package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Praise held for a manager's working hours, and sent as one digest when they start: the demo moves the start
 * of {@value Expectations#HELD_MANAGER}'s day to {@link #LEAD} from now (as a tenant admin would, through the
 * directory API), posts calls with all 5's for his team, and checks that nothing reaches him before his day
 * starts and that one email naming every call does soon after. His working hours are put back afterwards,
 * whatever happened (also when the demo is interrupted).
 */
final class HeldDigest {

    /** How far ahead his day is made to start: time enough to post the calls and have them raised. */
    static final Duration LEAD = Duration.ofSeconds(60);
    /** How soon after his day starts the digest must be in his inbox. */
    static final Duration SENT_WITHIN = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StackClient client;
    private final Consumer<String> problem;
    private ObjectNode original;
    private String name;
    private ZoneId zone;
    private Instant start;
    private List<DemoSurvey> surveys = List.of();
    private Thread restoreOnExit;

    /** @param problem told of everything that makes the run fail */
    HeldDigest(StackClient client, Consumer<String> problem) {
        this.client = client;
        this.problem = problem;
    }

    /**
     * Working hours that start at {@code start} every day and run to midnight. When {@code start} falls on the
     * next date in his zone ({@code today} is the date now), today has none: its window would already have begun.
     */
    static Map<String, List<String>> workingHoursFrom(ZonedDateTime start, LocalDate today) {
        String window = start.toLocalTime().truncatedTo(ChronoUnit.SECONDS).format(CLOCK) + "-24:00";
        boolean tomorrow = start.toLocalDate().isAfter(today);
        Map<String, List<String>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name().toLowerCase(Locale.ROOT),
                    tomorrow && day == today.getDayOfWeek() ? List.of() : List.of(window));
        }
        return week;
    }

    /**
     * When his day can be made to start, {@code lead} after {@code now}; empty in the hour the clocks go back,
     * when the wall-clock time then names an earlier instant too (working hours are read at the earlier one).
     */
    static Optional<Instant> startAfter(Instant now, Duration lead, ZoneId zone) {
        Instant start = now.plus(lead).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime local = start.atZone(zone);
        return ZonedDateTime.of(local.toLocalDateTime(), zone).toInstant().equals(start) ? Optional.of(start)
                : Optional.empty();
    }

    /**
     * Makes his day start {@link #LEAD} from now. Returns a line saying so, or empty when the phase cannot run
     * (the reason is a problem, or, in the hour the clocks go back, only said).
     */
    Optional<String> moveStartOfDay() throws InterruptedException {
        try {
            StackClient.Answer directory = client.directory();
            if (directory.status() != 200) {
                problem.accept("held digest: GET /api/v1/admin/directory answered " + directory.brief());
                return Optional.empty();
            }
            for (JsonNode manager : JSON.readTree(directory.body()).path("managers")) {
                if (Expectations.HELD_MANAGER.equals(manager.path("email").asText())) {
                    original = (ObjectNode) manager.deepCopy();
                }
            }
            if (original == null) {
                problem.accept("held digest: the directory has no manager " + Expectations.HELD_MANAGER);
                return Optional.empty();
            }
            name = original.path("name").asText();
            zone = ZoneId.of(original.path("timeZone").asText());
            Instant now = Instant.now();
            Optional<Instant> startAt = startAfter(now, LEAD, zone);
            if (startAt.isEmpty()) {
                return Optional.of("Held digest: skipped, the clocks go back in " + zone + " this hour, so a start of "
                        + "day cannot be set a minute ahead; run the demo again in an hour to see it");
            }
            ObjectNode changed = original.deepCopy();
            changed.set("workingHours", JSON.valueToTree(workingHoursFrom(startAt.get().atZone(zone),
                    now.atZone(zone).toLocalDate())));
            restoreOnExit = new Thread(this::restoreQuietly, "restore-working-hours");
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
            StackClient.Answer put = client.putManager(original.path("id").asText(), changed);
            if (!put.is2xx()) {
                problem.accept("held digest: changing " + name + "'s working hours answered " + put.brief());
                return Optional.empty();
            }
            start = startAt.get();
            return Optional.of("Held digest: " + name + " (" + Expectations.HELD_TEAM + ") now starts work at "
                    + clock(start) + " " + zone + " (in " + Math.round(Duration.between(Instant.now(), start)
                            .toMillis() / 1000.0) + " s); praise raised before then waits for him");
        } catch (IOException e) {
            problem.accept("held digest: cannot change the working hours of " + Expectations.HELD_MANAGER + ": " + e);
            return Optional.empty();
        }
    }

    /** When his day starts now; null when it was not moved. */
    Instant start() {
        return start;
    }

    String clock(Instant instant) {
        return CLOCK.format(instant.atZone(zone));
    }

    /** The calls the engine accepted for his team. */
    void posted(List<DemoSurvey> accepted) {
        surveys = List.copyOf(accepted);
    }

    /** Whether waiting is over: the digest names every call, or it is {@link #SENT_WITHIN} past his start. */
    boolean settled(List<MailboxWatcher.Seen> emails, Instant now) {
        if (start == null || surveys.isEmpty()) {
            return true;
        }
        if (now.isAfter(start.plus(SENT_WITHIN))) {
            return true;
        }
        Set<String> named = new LinkedHashSet<>();
        emailsToHim(emails).forEach(e -> named.add(e.surveyId()));
        return !now.isBefore(start) && named.size() == surveys.size();
    }

    /** Emails expected per recipient: one digest to him. */
    Map<String, Integer> expectedEmails() {
        return start == null || surveys.isEmpty() ? Map.of() : Map.of(Expectations.HELD_MANAGER, 1);
    }

    /** Puts his working hours back as they were; a problem if the engine refuses. */
    void restore() throws InterruptedException {
        if (original == null || restoreOnExit == null) {
            return;
        }
        try {
            StackClient.Answer put = client.putManager(original.path("id").asText(), original);
            if (!put.is2xx()) {
                problem.accept("held digest: putting " + name + "'s working hours back answered " + put.brief());
            }
        } catch (IOException e) {
            problem.accept("held digest: cannot put " + name + "'s working hours back: " + e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook restores once more, which changes nothing
        }
        restoreOnExit = null;
    }

    private void restoreQuietly() {
        try {
            client.putManager(original.path("id").asText(), original);
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not put the working hours of " + Expectations.HELD_MANAGER + " back: " + e);
        }
    }

    /** Checks what reached him and sums it up in a few lines; each deviation is a problem. */
    List<String> summarize(List<MailboxWatcher.Seen> emails) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        if (start == null) {
            lines.add("Held digest: not shown (see above)");
            return lines;
        }
        if (surveys.isEmpty()) {
            lines.add("Held digest: no call for " + Expectations.HELD_TEAM + " was accepted");
            return lines;
        }
        checkRaised();
        List<MailboxWatcher.Seen> toHim = emailsToHim(emails);
        Map<String, List<MailboxWatcher.Seen>> byEmail = new LinkedHashMap<>();
        toHim.forEach(e -> byEmail.computeIfAbsent(e.email(), k -> new ArrayList<>()).add(e));
        for (List<MailboxWatcher.Seen> email : byEmail.values()) {
            Instant seenAt = email.get(0).seenAt();
            if (seenAt.isBefore(start)) {
                problem.accept("an email to " + Expectations.HELD_MANAGER + " about " + surveyIds(email) + " arrived at "
                        + clock(seenAt) + ", before his day started at " + clock(start) + ": the praise was not held");
            }
        }
        if (byEmail.size() > 1) {
            problem.accept(byEmail.size() + " emails to " + Expectations.HELD_MANAGER + " about the held praise "
                    + "instead of one digest");
        }
        String calls = surveys.size() + " " + Expectations.Type.ALL_FIVES + " for " + Expectations.HELD_TEAM;
        lines.add("Held digest (praise outside working hours waits for them): " + calls + " posted before the day of "
                + name + " started at " + clock(start) + " " + zone);
        List<List<MailboxWatcher.Seen>> before = byEmail.values().stream()
                .filter(email -> email.get(0).seenAt().isBefore(start)).toList();
        List<List<MailboxWatcher.Seen>> after = byEmail.values().stream()
                .filter(email -> !email.get(0).seenAt().isBefore(start)).toList();
        String afterText;
        if (after.isEmpty()) {
            afterText = "nothing within " + SENT_WITHIN.toSeconds() + " s";
        } else {
            boolean oneNamesAll = after.stream().anyMatch(email -> email.stream().map(MailboxWatcher.Seen::surveyId)
                    .distinct().count() == surveys.size());
            afterText = String.format("%s, the first %.1f s later, %s", emails(after.size()),
                    Duration.between(start, after.get(0).get(0).seenAt()).toMillis() / 1000.0,
                    !oneNamesAll ? "none naming every call" : surveys.size() == 2 ? "naming both calls"
                            : "naming all " + surveys.size() + " calls");
        }
        lines.add("  before it: " + (before.isEmpty() ? "nothing" : emails(before.size())) + " to "
                + Expectations.HELD_MANAGER + "; after it: " + afterText);
        lines.add("  his working hours are put back as they were");
        return lines;
    }

    /** The praise was raised as ALL_FIVES, so that a missing digest is not blamed on the notifications. */
    private void checkRaised() throws InterruptedException {
        for (DemoSurvey survey : surveys) {
            try {
                List<String> types = client.escalationTypes(survey.surveyId());
                Set<String> expected = new LinkedHashSet<>();
                survey.expectedTypes().forEach(type -> expected.add(type.name()));
                if (!Set.copyOf(types).equals(expected) || types.size() != expected.size()) {
                    problem.accept(survey.surveyId() + " (held praise): expected " + expected + ", the engine has "
                            + (types.isEmpty() ? "nothing" : types));
                }
            } catch (IOException e) {
                problem.accept("cannot read the escalations of " + survey.surveyId() + ": " + e.getMessage());
            }
        }
    }

    private static String emails(int count) {
        return count + (count == 1 ? " email" : " emails");
    }

    private List<MailboxWatcher.Seen> emailsToHim(List<MailboxWatcher.Seen> emails) {
        Set<String> ids = new LinkedHashSet<>();
        surveys.forEach(s -> ids.add(s.surveyId()));
        return emails.stream().filter(e -> e.recipient().equals(Expectations.HELD_MANAGER)
                && ids.contains(e.surveyId())).toList();
    }

    private static String surveyIds(List<MailboxWatcher.Seen> email) {
        return String.join(", ", email.stream().map(MailboxWatcher.Seen::surveyId).distinct().toList());
    }
}
