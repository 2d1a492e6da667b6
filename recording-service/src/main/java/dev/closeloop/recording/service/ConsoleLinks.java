package dev.closeloop.recording.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.config.LinksConfig;
import dev.closeloop.recording.service.LinkMinting.MintedLink;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Links for a manager looking at an escalation in the escalation-engine's console: minted when the page
 * renders, for that viewer alone, short-lived ({@link LinksConfig#consoleTtl()}). They play, are audited and
 * are announced on the timeline exactly like alert links, with level {@link RecordingLink#CONSOLE_LEVEL}.
 */
@ApplicationScoped
public class ConsoleLinks {

    /** Who will use the link, as the engine's directory knows them. */
    public record Viewer(String email, String name, String managerId, String timeZone) {
    }

    private final LinkMinting minting;
    private final LinksConfig config;
    private final Clock clock;

    public ConsoleLinks(LinkMinting minting, LinksConfig config, Clock clock) {
        this.minting = minting;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<MintedLink> mint(String tenant, String recordingId, String surveyId, List<String> escalationIds,
            Viewer viewer) {
        Instant now = clock.instant();
        RecordingLink link = new RecordingLink();
        link.origin = RecordingLink.Origin.CONSOLE;
        link.tenant = tenant;
        link.recordingId = recordingId;
        link.surveyId = surveyId;
        link.escalationIds = List.copyOf(escalationIds);
        // as for alert recipients: the audit and the timeline name the directory id, else the email
        link.managerId = viewer.managerId() != null ? viewer.managerId() : viewer.email();
        link.recipientName = viewer.name();
        link.recipientEmail = viewer.email();
        link.recipientTimeZone = viewer.timeZone();
        link.level = RecordingLink.CONSOLE_LEVEL;
        link.createdAt = now;
        link.expiresAt = now.plus(config.effectiveConsoleTtl());
        return minting.mint(link).invoke(minted -> Log.infof(
                "Console link minted linkId=%s surveyId=%s escalationIds=%s managerId=%s expiresAt=%s", minted.id(),
                surveyId, escalationIds, link.managerId, minted.expiresAt()));
    }
}
