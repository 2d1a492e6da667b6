package dev.closeloop.escalation.service;

/** The directory changed since the admin read it (If-Match is stale). Answered 412 with the current version. */
public class DirectoryVersionException extends RuntimeException {

    private final long currentVersion;

    public DirectoryVersionException(long currentVersion) {
        super("the directory has changed since it was read; it is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
