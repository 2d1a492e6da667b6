package dev.closeloop.localstack.demo;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs one task over and over on a daemon thread of its own, a fixed pause apart, until closed. */
final class Poller implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Runnable task;
    private final long pauseMillis;

    Poller(String name, long pauseMillis, Runnable task) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        this.task = task;
        this.pauseMillis = pauseMillis;
    }

    void start() {
        executor.scheduleWithFixedDelay(task, 0, pauseMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops it, waiting a little for a round under way (an IMAP or HTTP call) to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
