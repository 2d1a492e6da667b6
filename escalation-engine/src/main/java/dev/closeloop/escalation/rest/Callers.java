package dev.closeloop.escalation.rest;

import dev.closeloop.escalation.security.DirectoryIdentityProvider;
import dev.closeloop.escalation.service.EscalationLifecycleService.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated account as the services see it: its tenant and username. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityIdentity identity) {
        return new Caller((String) identity.getAttribute(DirectoryIdentityProvider.TENANT),
                identity.getPrincipal().getName());
    }
}
