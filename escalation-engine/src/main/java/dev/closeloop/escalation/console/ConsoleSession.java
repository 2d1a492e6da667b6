package dev.closeloop.escalation.console;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.rest.Callers;
import dev.closeloop.escalation.service.DirectoryService;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** The {@link Viewer} of the current request, from the session's identity and the tenant's directory. */
@ApplicationScoped
public class ConsoleSession {

    private final CurrentIdentityAssociation identity;
    private final DirectoryService directories;

    public ConsoleSession(CurrentIdentityAssociation identity, DirectoryService directories) {
        this.identity = identity;
        this.directories = directories;
    }

    public Uni<Viewer> viewer() {
        return identity.getDeferredIdentity()
                .map(Callers::of)
                .flatMap(caller -> directories.require(caller.tenant())
                        .map(versioned -> Viewer.of(caller, versioned.directory())));
    }
}
