package dev.closeloop.escalation.directory;

import java.util.Set;

/** The roles an account can have. */
public final class Roles {

    /** Reads everything of the tenant, maintains the directory (later). */
    public static final String ADMIN = "admin";
    /** Reads and works the tenant's escalations. */
    public static final String MANAGER = "manager";

    public static final Set<String> ALL = Set.of(ADMIN, MANAGER);

    private Roles() {
    }
}
