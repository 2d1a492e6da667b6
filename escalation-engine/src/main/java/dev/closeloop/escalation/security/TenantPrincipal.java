package dev.closeloop.escalation.security;

import java.security.Principal;

/** The caller: the account's username and the tenant it belongs to. */
public record TenantPrincipal(String username, String tenant) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
