package dev.closeloop.escalation.console;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import dev.closeloop.escalation.directory.Manager;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.service.EscalationLifecycleService.Caller;

/**
 * Who is looking at the console: the logged-in account, the tenant's directory as it is now, and the manager the
 * account is (same email), when it is one. Times show in that manager's zone; an account that is no manager (an
 * admin) sees UTC.
 */
public record Viewer(Caller caller, TenantDirectory directory, Optional<Manager> manager) {

    static Viewer of(Caller caller, TenantDirectory directory) {
        String username = caller.username().toLowerCase(Locale.ROOT);
        Optional<Manager> manager = directory.managers().stream()
                .filter(m -> m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(username))
                .findFirst();
        return new Viewer(caller, directory, manager);
    }

    public String tenant() {
        return caller.tenant();
    }

    public ZoneId zone() {
        return manager.map(m -> ZoneId.of(m.timeZone())).orElse(ZoneOffset.UTC);
    }

    /** How the page greets them. */
    public String name() {
        return manager.map(Manager::name).orElse(caller.username());
    }
}
