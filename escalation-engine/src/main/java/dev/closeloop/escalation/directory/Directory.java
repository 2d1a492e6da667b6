package dev.closeloop.escalation.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validated directory: tenants with their teams, contacts and accounts. Immutable; built by
 * {@link DirectoryLoader}, which refuses anything inconsistent.
 */
public final class Directory {

    /** An account together with the tenant it belongs to. */
    public record Login(String tenant, Account account) {
    }

    private final Map<String, Tenant> tenants;
    private final Map<String, Login> logins;

    Directory(List<Tenant> tenants) {
        Map<String, Tenant> byId = new LinkedHashMap<>();
        Map<String, Login> byUsername = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            byId.put(tenant.id(), tenant);
            for (Account account : tenant.accounts()) {
                byUsername.put(normalise(account.username()), new Login(tenant.id(), account));
            }
        }
        this.tenants = Map.copyOf(byId);
        this.logins = Map.copyOf(byUsername);
    }

    public Optional<Tenant> tenant(String id) {
        return Optional.ofNullable(id == null ? null : tenants.get(id));
    }

    public List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    /** The account with this username (case-insensitive), whatever its tenant. */
    public Optional<Login> login(String username) {
        return Optional.ofNullable(username == null ? null : logins.get(normalise(username)));
    }

    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
