package dev.closeloop.localstack.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a service logs while a test runs, for tests that prove something never reaches a log (tokens, keys,
 * passwords). A {@link Handler} on the root logger of {@code java.util.logging}, which is the JBoss LogManager
 * Quarkus logs through. Each record is kept as its message pattern, every parameter and the stack trace of what
 * it carries, so a secret shows whatever the log format would have made of it.
 *
 * <pre>
 * try (LogCapture log = LogCapture.start(Map.of("dev.closeloop", Level.FINE))) {
 *     ... requests carrying the secrets ...
 *     assertThat(log.recordsContaining(secret)).isEmpty();
 * }
 * </pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();
    private final Map<String, Level> levels;
    private final List<Level> previous = new ArrayList<>();

    private LogCapture(Map<String, Level> levels) {
        this.levels = Map.copyOf(levels);
        setLevel(Level.ALL);
    }

    /**
     * Starts capturing, with the named loggers lowered to the given levels meanwhile (to see debug output that a
     * deployment might switch on); {@link #close()} restores them.
     */
    public static LogCapture start(Map<String, Level> levels) {
        LogCapture capture = new LogCapture(levels);
        capture.levels.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            capture.previous.add(logger.getLevel());
            logger.setLevel(level);
        });
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public static LogCapture start() {
        return start(Map.of());
    }

    /**
     * The embedded broker of {@link BrokerTestResource} logs in the test's JVM too; it stands in for the deployment's
     * broker, so it is not the service under test.
     */
    private static final String TEST_BROKER = "org.apache.activemq";

    @Override
    public void publish(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().startsWith(TEST_BROKER)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                .append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(" | ").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        records.add(text.toString());
    }

    /** All captured records so far, one per line (stack traces span several). */
    public String text() {
        return String.join("\n", records);
    }

    /** The captured records that contain the text: empty is what a test for a secret expects. */
    public List<String> recordsContaining(String text) {
        return records.stream().filter(record -> record.contains(text)).toList();
    }

    /** How many records were captured: a test shows it saw the log at all. */
    public int size() {
        return records.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        int i = 0;
        for (String name : levels.keySet()) {
            Logger.getLogger(name).setLevel(previous.get(i++));
        }
    }
}
