package dev.closeloop.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits until every service answers 200 on its readiness URL, reporting each as it gets ready. Gives up
 * at once when one of them exits, and at the timeout otherwise.
 */
public final class ReadinessWait {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STILL_WAITING_EVERY = Duration.ofSeconds(10);

    private ReadinessWait() {
    }

    /** Why the wait failed: which service, and what happened to it. */
    public record Failure(ServiceProcess service, String reason) {
    }

    /**
     * Waits as {@link #await} does and fails with the process's name, why, and the last lines of its log.
     *
     * @throws IllegalStateException when a process exited or was not ready in time
     */
    public static void requireReady(List<ServiceProcess> processes, Duration timeout, Consumer<String> progress) {
        await(processes, timeout, progress).ifPresent(failure -> {
            ServiceProcess process = failure.service();
            throw new IllegalStateException(process.name() + " " + failure.reason() + "; last lines of "
                    + process.log() + ":\n" + process.failureLogTail(30));
        });
    }

    /** Empty when all are ready; the first that exited or is still not ready at the timeout otherwise. */
    public static Optional<Failure> await(List<ServiceProcess> services, Duration timeout, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextNote = start + STILL_WAITING_EVERY.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : new ArrayList<>(waiting)) {
                if (!service.isAlive()) {
                    return Optional.of(new Failure(service, "exited with code " + service.exitValue()
                            + " before it was ready"));
                }
                if (service.isReady()) {
                    waiting.remove(service);
                    progress.accept("ready: " + service.name() + " (" + seconds(System.nanoTime() - start) + ")");
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return Optional.of(new Failure(waiting.get(0), "not ready after " + seconds(now - start)
                        + " (" + waiting.get(0).readinessUrl() + ")"));
            }
            if (now > nextNote) {
                progress.accept("still waiting for " + names(waiting) + " (" + seconds(now - start) + ")");
                nextNote = now + STILL_WAITING_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL.toMillis()); // a poll loop against other processes, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(new Failure(waiting.get(0), "interrupted while waiting"));
            }
        }
        return Optional.empty();
    }

    private static String names(List<ServiceProcess> services) {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.name()));
        return String.join(", ", names);
    }

    static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + " s";
    }
}
