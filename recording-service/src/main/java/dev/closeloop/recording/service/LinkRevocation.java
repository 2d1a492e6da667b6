package dev.closeloop.recording.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.repository.RecordingLinkRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Withdraws recording links: an admin of the escalation-engine revokes every link, alert and console alike, that
 * names one escalation. A revoked link answers 410 for good; links minted afterwards (the next console view)
 * are new links and work.
 */
@ApplicationScoped
public class LinkRevocation {

    private final RecordingLinkRepository links;
    private final Clock clock;

    public LinkRevocation(RecordingLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** @return how many links were revoked now (those revoked before are not counted again) */
    @WithTransaction
    public Uni<Integer> revokeForEscalation(String tenant, String escalationId, String revokedBy) {
        return links.revokeNamingEscalation(tenant, escalationId, clock.instant(), revokedBy)
                .invoke(revoked -> Log.infof("Recording links revoked tenant=%s escalationId=%s revokedBy=%s count=%d",
                        tenant, escalationId, revokedBy, revoked));
    }
}
