package dev.closeloop.localstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code .closeloop/pids/<component>.pid}: how {@code down} and {@code status} find what {@code up}
 * started. A pid counts only while a Java process of that pid is alive, so a stale file (after a reboot,
 * say) is never mistaken for a running component.
 */
public final class PidFiles {

    private final Path directory;

    public PidFiles(Path directory) {
        this.directory = directory;
    }

    public Path file(String component) {
        return directory.resolve(component + ".pid");
    }

    public void write(String component, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(component), pid + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Long> read(String component) {
        return readPid(file(component));
    }

    /** The component's process, if its pid file names a live Java process. */
    public Optional<ProcessHandle> running(String component) {
        return read(component).flatMap(ProcessHandle::of).filter(PidFiles::isLiveJava);
    }

    public boolean exists(String component) {
        return Files.exists(file(component));
    }

    public void remove(String component) {
        try {
            Files.deleteIfExists(file(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeAll(List<String> components) {
        components.forEach(this::remove);
    }

    /** The pid on the first line of a pid file (ours, or PostgreSQL's postmaster.pid). */
    public static Optional<Long> readPid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLiveJava(ProcessHandle handle) {
        // when the command is not visible (another user's process), trust the pid
        return handle.isAlive() && handle.info().command().map(c -> c.contains("java")).orElse(true);
    }
}
