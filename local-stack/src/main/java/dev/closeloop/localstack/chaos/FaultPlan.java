package dev.closeloop.localstack.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.closeloop.localstack.Service;

/**
 * What breaks, and when, while the surveys flow: each fault at a share of the driving time, one after another
 * (the next waits until the previous one recovered). The broker is SIGKILLed three times, each service once,
 * PostgreSQL restarted once and the SMTP server taken away for {@link #MAIL_AWAY}.
 */
final class FaultPlan {

    static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    static final Duration MAIL_AWAY = Duration.ofSeconds(30);

    /** One fault: when (a share of the driving time), what, and how to do it. */
    record Fault(double at, String what, Runnable inject) {
    }

    /** What happened: the fault, when it started (seconds into the run) and how long until it was repaired. */
    record Injected(String what, double startedAt, double tookSeconds) {
    }

    private final List<Fault> faults;

    private FaultPlan(List<Fault> faults) {
        this.faults = faults;
    }

    static FaultPlan against(ChaosStack stack) {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault(0.10, "SIGKILL the broker, start it " + BROKER_DOWN.toSeconds() + " s later",
                () -> brokerCrash(stack)));
        faults.add(new Fault(0.20, "SIGKILL survey-intake, start it again", () -> crash(stack,
                Service.SURVEY_INTAKE)));
        faults.add(new Fault(0.30, "SIGKILL escalation-engine, start it again", () -> crash(stack,
                Service.ESCALATION_ENGINE)));
        faults.add(new Fault(0.40, "restart PostgreSQL", stack::restartPostgres));
        faults.add(new Fault(0.45, "SIGKILL the broker, start it " + BROKER_DOWN.toSeconds() + " s later",
                () -> brokerCrash(stack)));
        faults.add(new Fault(0.55, "SIGKILL recording-service, start it again", () -> crash(stack,
                Service.RECORDING_SERVICE)));
        faults.add(new Fault(0.65, "SIGKILL notification-service, start it again", () -> crash(stack,
                Service.NOTIFICATION_SERVICE)));
        faults.add(new Fault(0.70, "take the SMTP server away for " + MAIL_AWAY.toSeconds() + " s", () -> {
            stack.stopMail();
            ChaosStack.pause(MAIL_AWAY);
            stack.startMail();
        }));
        faults.add(new Fault(0.85, "SIGKILL the broker, start it " + BROKER_DOWN.toSeconds() + " s later",
                () -> brokerCrash(stack)));
        return new FaultPlan(faults);
    }

    List<Fault> faults() {
        return faults;
    }

    /** Injects every fault at its time within {@code driving}, counted from {@code startNanos}. */
    List<Injected> run(long startNanos, Duration driving, PrintStream out) {
        List<Injected> done = new ArrayList<>();
        for (Fault fault : faults) {
            long due = startNanos + Math.round(driving.toNanos() * fault.at());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                ChaosStack.pause(Duration.ofNanos(wait));
            }
            double startedAt = seconds(System.nanoTime() - startNanos);
            out.printf("  [%6.1f s] fault: %s%n", startedAt, fault.what());
            long began = System.nanoTime();
            fault.inject().run();
            double took = seconds(System.nanoTime() - began);
            out.printf("  [%6.1f s]   repaired after %.1f s%n", seconds(System.nanoTime() - startNanos), took);
            done.add(new Injected(fault.what(), startedAt, took));
        }
        return done;
    }

    private static void brokerCrash(ChaosStack stack) {
        stack.killBroker();
        ChaosStack.pause(BROKER_DOWN);
        stack.startBroker();
    }

    private static void crash(ChaosStack stack, Service service) {
        stack.killService(service);
        stack.startService(service);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
