package dev.closeloop.escalation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.feed.EscalationFeed;
import dev.closeloop.escalation.feed.FeedEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Multi;

/** The caller's tenant's escalations as they change, as server-sent events. */
@Path("/api/v1/escalations/feed")
@RolesAllowed({ Roles.ADMIN, Roles.MANAGER })
@Tag(name = "Escalations")
public class EscalationFeedResource {

    private final EscalationFeed feed;
    private final CurrentIdentityAssociation identity;

    public EscalationFeedResource(EscalationFeed feed, CurrentIdentityAssociation identity) {
        this.feed = feed;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live changes", description = "One event per change to any of the tenant's escalations "
            + "(raised, notified, acknowledged, escalated…), within a second of the change committing, from whichever "
            + "replica made it: {tenant, escalationId, kind, at}. A HEARTBEAT event every 20 s keeps the connection "
            + "open. Nothing is replayed: after reconnecting, read the list again.")
    public Multi<FeedEvent> feed() {
        return identity.getDeferredIdentity().map(Callers::of).toMulti()
                .flatMap(caller -> feed.withHeartbeat(caller.tenant()));
    }
}
