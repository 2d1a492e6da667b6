package dev.closeloop.localstack.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.demo.DemoSurvey;
import dev.closeloop.localstack.demo.DemoSurveys;

/**
 * {@code ./closeloop chaos}: drives surveys at a steady rate through a stack of its own while it breaks that
 * stack (broker SIGKILLed three times, every service SIGKILLed once, PostgreSQL restarted, the SMTP server away
 * for half a minute), then counts from the databases and the mail sink whether anything accepted was lost, sent
 * twice or left stuck. Loopback only, bounded in count and time; exits 1 on any loss, duplicate or leftover.
 */
public final class ChaosCommand {

    public static final int DEFAULT_SURVEYS = 2000;
    public static final double DEFAULT_RATE = 15;
    /** How long the run waits, after the last fault, for the pipeline to drain (level 2 comes 45 s late). */
    static final Duration SETTLE = Duration.ofMinutes(5);
    static final String API_KEY = "acme-local-key";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'chaos-'yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path repoRoot;
    private final PrintStream out;
    private final PrintStream err;

    public ChaosCommand(Path repoRoot, PrintStream out, PrintStream err) {
        this.repoRoot = repoRoot;
        this.out = out;
        this.err = err;
    }

    public int run(int surveys, double perSecond, long seed) throws InterruptedException {
        try {
            return runOnce(surveys, perSecond, seed);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            err.println("The chaos run could not complete: " + e);
            return 1;
        }
    }

    private int runOnce(int surveys, double perSecond, long seed) throws Exception {
        // PostgreSQL's and Artemis' own chatter (they run in this JVM for part of the run) goes to a file
        Path infraLog = repoRoot.resolve(".closeloop/logs/chaos-infrastructure.log");
        java.nio.file.Files.createDirectories(infraLog.getParent());
        System.setProperty("org.slf4j.simpleLogger.logFile", infraLog.toString());
        Instant now = Instant.now();
        String runId = RUN_ID.format(now);
        List<DemoSurvey> calls = DemoSurveys.generate(runId, surveys, seed, now);
        Duration driving = Duration.ofMillis(Math.round(surveys * 1000 / perSecond));
        Path home = repoRoot.resolve(".closeloop/chaos");
        out.printf("Chaos run %s: %d surveys at %.0f/s (%d s), seed %d; its own stack in %s%n", runId, surveys,
                perSecond, driving.toSeconds(), seed, repoRoot.relativize(home));
        try (ChaosStack stack = ChaosStack.start(repoRoot, home, message -> out.println("  " + message))) {
            out.println("Faults, one after another while the surveys flow:");
            FaultPlan plan = FaultPlan.against(stack);
            plan.faults().forEach(f -> out.printf("  at %3.0f %% of the driving time: %s%n", f.at() * 100, f.what()));

            ChaosDriver driver = new ChaosDriver(stack.config().url(Service.SURVEY_INTAKE), API_KEY);
            long start = System.nanoTime();
            AtomicReference<Throwable> faultFailure = new AtomicReference<>();
            CompletableFuture<List<FaultPlan.Injected>> faults = CompletableFuture.supplyAsync(
                    () -> plan.run(start, driving, out)).whenComplete((done, failure) -> faultFailure.set(failure));
            int every = Math.max(1, surveys / 10);
            driver.drive(calls, perSecond, posted -> {
                if (posted % every == 0 || posted == surveys) {
                    out.printf("  [%6.1f s] posted %d of %d (accepted so far %d, retried posts %d)%n",
                            FaultPlan.seconds(System.nanoTime() - start), posted, surveys, driver.accepted().size(),
                            driver.retries());
                }
            });
            faults.exceptionally(failure -> null).join();
            if (faultFailure.get() != null) {
                err.println("A fault could not be injected or repaired: " + faultFailure.get().getMessage());
                return 1;
            }
            List<DemoSurvey> accepted = calls.stream().filter(c -> driver.accepted().containsKey(c.surveyId()))
                    .toList();
            ChaosCount count = settle(stack, runId, accepted, start);
            // late duplicates (a redelivery after a crash) would come within a few seconds more
            ChaosStack.pause(Duration.ofSeconds(10));
            count = ChaosCount.of(stack, runId, accepted);
            Map<String, Long> deadLetters = stack.deadLetters();
            long parked = deadLetters.values().stream().mapToLong(Long::longValue).sum();
            print(count, driver, deadLetters, FaultPlan.seconds(System.nanoTime() - start));
            boolean clean = count.clean() && driver.refused().isEmpty() && parked == 0;
            out.println(clean ? "PASS: nothing lost, nothing sent twice, nothing stuck."
                    : "FAIL: see the table above; logs in " + repoRoot.relativize(home.resolve("logs")));
            return clean ? 0 : 1;
        }
    }

    /** Counts every few seconds until everything expected arrived or {@link #SETTLE} has passed. */
    private ChaosCount settle(ChaosStack stack, String runId, List<DemoSurvey> accepted, long start)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        ChaosCount count = ChaosCount.of(stack, runId, accepted);
        while (!count.complete() && System.nanoTime() < deadline) {
            out.printf("  [%6.1f s] draining: escalations %d/%d, alerts %d/%d (duplicated %d), deliveries pending "
                    + "%d%n", FaultPlan.seconds(System.nanoTime() - start), count.escalationsRaised(),
                    count.escalationsExpected(), count.alertsSent(), count.alertsExpected(), count.alertsDuplicated(),
                    count.deliveriesNotSent());
            ChaosStack.pause(Duration.ofSeconds(5));
            count = ChaosCount.of(stack, runId, accepted);
        }
        return count;
    }

    private void print(ChaosCount c, ChaosDriver driver, Map<String, Long> deadLetters, double seconds) {
        out.println();
        out.printf("  %-34s %8s%n", "", "count");
        out.printf("  %-34s %8d   (%d posts retried; %d refused)%n", "surveys accepted (202)", c.accepted(),
                driver.retries(), driver.refused().size());
        out.printf("  %-34s %8d%n", "  stored by intake", c.storedByIntake());
        out.printf("  %-34s %8d%n", "escalations expected", c.escalationsExpected());
        out.printf("  %-34s %8d   (missing %d, unexpected %d)%n", "  raised", c.escalationsRaised(),
                c.escalationsMissing(), c.escalationsExtra());
        out.printf("  %-34s %8d%n", "alerts expected (email)", c.alertsExpected());
        out.printf("  %-34s %8d%n", "  sent", c.alertsSent());
        out.printf("  %-34s %8d%n", "  duplicated (a second message)", c.alertsDuplicated());
        out.printf("  %-34s %8d   (same Message-ID: one message in a mailbox)%n", "  re-sent after a crash",
                c.alertsResent());
        out.printf("  %-34s %8d%n", "  lost", c.alertsLost());
        out.printf("  %-34s %8d%n", "  to someone not expected", c.alertsUnexpected());
        out.printf("  %-34s %8d%n", "deliveries not sent", c.deliveriesNotSent());
        out.printf("  %-34s %8d   %s%n", "outbox rows left", c.outboxLeft().values().stream()
                .mapToInt(Integer::intValue).sum(), c.outboxLeft());
        out.printf("  %-34s %8d   %s%n", "dead letters", deadLetters.values().stream().mapToLong(Long::longValue)
                .sum(), deadLetters);
        driver.refused().entrySet().stream().limit(10)
                .forEach(e -> out.printf("  refused: %s (%s)%n", e.getKey(), e.getValue()));
        out.printf("  %-34s %8.0f s%n", "run took", seconds);
        out.println();
    }
}
