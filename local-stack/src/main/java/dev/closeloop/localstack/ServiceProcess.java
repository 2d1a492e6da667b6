package dev.closeloop.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One service running as a child process of its own, with stdin from /dev/null and stdout and stderr in
 * a log file. Detached ({@code setsid}), it survives the launcher and a Ctrl-C in its terminal: that is
 * how {@code ./closeloop up} leaves the stack running. Ready means its readiness URL answers 200.
 */
public final class ServiceProcess {

    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more).*");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final URI readinessUrl;
    private final Path log;

    private ServiceProcess(String name, Process process, URI readinessUrl, Path log) {
        this.name = name;
        this.process = process;
        this.readinessUrl = readinessUrl;
        this.log = log;
    }

    /** {@code java -jar <service>/target/quarkus-app/quarkus-run.jar} configured from the stack config. */
    public static ServiceProcess start(Service service, StackConfig config, boolean detached) {
        Path jar = service.jar(config.repoRoot());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        List<String> command = List.of(javaExecutable(), "-jar", jar.toString());
        // the stack's own VAPID pair, made once and kept in its home: browsers subscribed stay subscribed
        Map<String, String> environment = config.environment(service, VapidKeyPair.ofStack(config.vapidKeysFile()));
        return start(service.moduleName(), command, environment, config.repoRoot(),
                config.logFile(service.moduleName()), config.readinessUrl(service), detached);
    }

    /**
     * Any command as a service: the log file is truncated, the environment added to this one's. The
     * readiness URL may be null for a process that is not an HTTP service (then do not ask {@link #isReady()}).
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log, URI readinessUrl, boolean detached) {
        List<String> fullCommand = new ArrayList<>();
        if (detached) {
            // a session of its own: no controlling terminal, out of the launcher's process group
            fullCommand.add("setsid");
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), readinessUrl, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java of the running JVM, so services run on the JDK the launcher was checked against. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    /** The process id; {@code setsid} execs in place, so it is the service's own pid. */
    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code when it has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    public URI readinessUrl() {
        return readinessUrl;
    }

    /** One probe: does the readiness URL answer 200 right now? */
    public boolean isReady() {
        return answers200(readinessUrl);
    }

    /** Whether a GET on the URL answers 200 within a couple of seconds. */
    public static boolean answers200(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of its log. */
    public String logTail(int lines) {
        return tail(log, lines, false);
    }

    /**
     * The last lines of its log without stack frames, to show why it failed: what is left are the
     * messages and their "Caused by:" lines.
     */
    public String failureLogTail(int lines) {
        return tail(log, lines, true);
    }

    /** TERM, then KILL if it has not ended within the grace period. */
    public Stopped stop(Duration grace) {
        return stop(process.toHandle(), grace);
    }

    /** How a stop ended. */
    public enum Stopped {
        /** it ended on TERM */
        TERMINATED,
        /** it ignored TERM for the whole grace period and was killed */
        KILLED,
        /** it had already ended */
        NOT_RUNNING
    }

    /** TERM, wait up to {@code grace}, then KILL: for our children and for pids read from pid files. */
    public static Stopped stop(ProcessHandle handle, Duration grace) {
        return stopAll(List.of(handle), grace).get(0);
    }

    /** Sends TERM to all first, so that they shut down in parallel, then waits for each. */
    public static List<Stopped> stopAll(List<ProcessHandle> handles, Duration grace) {
        List<Boolean> wasAlive = new ArrayList<>();
        for (ProcessHandle handle : handles) {
            wasAlive.add(handle.isAlive() && handle.destroy());
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<Stopped> results = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            ProcessHandle handle = handles.get(i);
            if (!wasAlive.get(i)) {
                results.add(Stopped.NOT_RUNNING);
                continue;
            }
            CompletableFuture<ProcessHandle> exit = handle.onExit();
            try {
                exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                results.add(Stopped.TERMINATED);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
                exit.orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> handle).join();
                results.add(Stopped.KILLED);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
                results.add(Stopped.KILLED);
            } catch (ExecutionException e) {
                results.add(Stopped.TERMINATED);
            }
        }
        return results;
    }

    /** The last {@code lines} lines of a text file, or a note that it does not exist. */
    public static String tail(Path file, int lines) {
        return tail(file, lines, false);
    }

    private static String tail(Path file, int lines, boolean withoutStackFrames) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try {
            // lenient decoding: a log may hold bytes that are not UTF-8
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
                    .filter(line -> !withoutStackFrames || !STACK_FRAME.matcher(line).matches())
                    .toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
