package dev.closeloop.escalation.directory;

import java.util.List;

/** The directory file cannot be used; the message lists every problem with the field it is in. */
public class DirectoryException extends RuntimeException {

    private final List<String> problems;

    public DirectoryException(String source, List<String> problems) {
        super("Invalid directory " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
