package dev.closeloop.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole suite for an end-to-end test: infrastructure in this JVM, the four packaged services as child
 * processes configured through the runtime configuration contract, ready when {@link #start} returns.
 *
 * <pre>{@code
 * StackConfig config = StackConfig.forTests(StackConfig.findRepoRoot(Path.of("")), scratchDir);
 * try (Stack stack = Stack.start(config)) {
 *     given().baseUri(stack.url(Service.SURVEY_INTAKE).toString())...;
 *     await().until(() -> stack.mailSink().receivedBy("mia.jones@acme.example").size() == 1);
 * }
 * }</pre>
 *
 * Service logs are in {@code home/logs/<service>.log}. The services need the jars of
 * {@code ./mvnw package}.
 */
public final class Stack implements AutoCloseable {

    /** Four JVMs starting at once on a small machine take a while. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackConfig config;
    private final Infrastructure infrastructure;
    private final Map<Service, ServiceProcess> services;
    private final Thread stopOnExit = new Thread(this::close, "stop-closeloop-stack");

    private Stack(StackConfig config, Infrastructure infrastructure, Map<Service, ServiceProcess> services) {
        this.config = config;
        this.infrastructure = infrastructure;
        this.services = services;
    }

    public static Stack start(StackConfig config) {
        return start(config, message -> System.out.println("[stack] " + message));
    }

    /**
     * Starts everything and waits until each service is ready; on failure stops what it started and
     * throws with the tail of the failing service's log.
     */
    public static Stack start(StackConfig config, Consumer<String> progress) {
        Infrastructure infrastructure = Infrastructure.start(config.home(), config.infraPorts());
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        Stack stack = new Stack(config, infrastructure, services);
        // a test JVM that dies without closing the stack must not leave four services behind
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            for (Service service : Service.values()) {
                services.put(service, ServiceProcess.start(service, config, false));
            }
            ReadinessWait.requireReady(new ArrayList<>(services.values()), READY_TIMEOUT, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The mail sink the notification-service sends to. */
    public MailSink mailSink() {
        return infrastructure.mailSink();
    }

    public URI url(Service service) {
        return config.url(service);
    }

    public ServiceProcess process(Service service) {
        return services.get(service);
    }

    /** Stops one service, as a crash or a redeploy would; the rest of the stack goes on. */
    public synchronized ServiceProcess.Stopped stop(Service service) {
        ServiceProcess process = services.remove(service);
        return process == null ? ServiceProcess.Stopped.NOT_RUNNING : process.stop(STOP_GRACE);
    }

    /** Starts a service stopped with {@link #stop(Service)} again and waits until it is ready. */
    public synchronized void start(Service service) {
        if (services.containsKey(service)) {
            throw new IllegalStateException(service + " is running already");
        }
        ServiceProcess process = ServiceProcess.start(service, config, false);
        services.put(service, process);
        ReadinessWait.requireReady(List.of(process), READY_TIMEOUT,
                message -> System.out.println("[stack] " + message));
    }

    /** Stops the services (in parallel), then the infrastructure. Safe to call twice. */
    @Override
    public synchronized void close() {
        List<ProcessHandle> handles = new ArrayList<>();
        services.values().forEach(service -> handles.add(service.handle()));
        ServiceProcess.stopAll(handles, STOP_GRACE);
        services.clear();
        infrastructure.close();
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook finds nothing left to stop
            }
        }
    }
}
