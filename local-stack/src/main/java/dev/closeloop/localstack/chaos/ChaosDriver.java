package dev.closeloop.localstack.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.closeloop.localstack.demo.DemoSurvey;

/**
 * Plays the telephony platform during the faults: posts each survey at its slot of a steady rate and, like any
 * sane client, retries what failed (connection refused, timeout, 5xx, 429) with back-off until intake answers 202.
 * A survey counts as accepted from its first 202 on; a 4xx other than 429 is a refusal the run reports.
 */
final class ChaosDriver {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI surveys;
    private final String apiKey;
    private final Map<String, Integer> acceptedAfterAttempts = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    ChaosDriver(URI intake, String apiKey) {
        this.surveys = intake.resolve("/api/v1/surveys");
        this.apiKey = apiKey;
    }

    /** Posts every survey, {@code perSecond} a second, and returns once each is accepted, refused or given up. */
    void drive(List<DemoSurvey> calls, double perSecond, java.util.function.IntConsumer posted)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        long gap = Math.round(1_000_000_000 / perSecond);
        for (int i = 0; i < calls.size(); i++) {
            long due = start + i * gap;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            DemoSurvey call = calls.get(i);
            senders.submit(() -> deliver(call));
            posted.accept(i + 1);
        }
        senders.shutdown();
        if (!senders.awaitTermination(GIVE_UP_AFTER.toSeconds() + 60, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    Map<String, Integer> accepted() {
        return acceptedAfterAttempts;
    }

    Map<String, String> refused() {
        return refused;
    }

    int retries() {
        return retries.get();
    }

    private void deliver(DemoSurvey call) {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Duration backOff = Duration.ofMillis(250);
        for (int attempt = 1; System.nanoTime() < giveUp; attempt++) {
            int status = post(call);
            if (status == 202) {
                acceptedAfterAttempts.put(call.surveyId(), attempt);
                return;
            }
            if (status >= 400 && status < 500 && status != 429) {
                refused.put(call.surveyId(), "HTTP " + status);
                return;
            }
            retries.incrementAndGet();
            ChaosStack.pause(backOff);
            backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0 ? Duration.ofSeconds(4)
                    : backOff.multipliedBy(2);
        }
        refused.put(call.surveyId(), "no 202 within " + GIVE_UP_AFTER.toMinutes() + " min");
    }

    /** The answer's status, or 0 when there was none (refused, reset, timed out). */
    private int post(DemoSurvey call) {
        HttpRequest request = HttpRequest.newBuilder(surveys).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body().toString()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
