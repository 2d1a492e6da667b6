package dev.closeloop.localstack.chaos;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.closeloop.localstack.LocalBroker;

/**
 * Artemis in a process of its own, so that the chaos run can kill it with SIGKILL as a crash would (an embedded
 * broker in the run's own JVM could only be stopped politely). Arguments: journal directory, AMQP port.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalBroker broker = LocalBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
        System.out.println("Artemis ready on AMQP port " + args[1]);
        new CountDownLatch(1).await();
    }
}
