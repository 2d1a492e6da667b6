package dev.closeloop.escalation.directory;

/**
 * One thing wrong with a directory.
 *
 * @param path where, e.g. {@code teams[billing-uk].site}
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
