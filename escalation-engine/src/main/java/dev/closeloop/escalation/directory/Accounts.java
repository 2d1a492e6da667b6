package dev.closeloop.escalation.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The logins to the escalation API, from the seed file; immutable. */
public final class Accounts {

    /** An account together with the tenant it belongs to. */
    public record Login(String tenant, Account account) {
    }

    private final Map<String, Login> logins;

    Accounts(List<Login> logins) {
        Map<String, Login> byUsername = new LinkedHashMap<>();
        logins.forEach(login -> byUsername.put(normalise(login.account().username()), login));
        this.logins = Map.copyOf(byUsername);
    }

    /** The account with this username (case-insensitive), whatever its tenant. */
    public Optional<Login> login(String username) {
        return Optional.ofNullable(username == null ? null : logins.get(normalise(username)));
    }

    public long count(String tenant) {
        return logins.values().stream().filter(login -> login.tenant().equals(tenant)).count();
    }

    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
