package dev.closeloop.recording.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.LinkTokens;
import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.config.LinksConfig;
import dev.closeloop.recording.repository.RecordingLinkRepository;
import io.smallrye.mutiny.Uni;

/**
 * Gives a recording link its token and stores it: the one place tokens are made, for alert recipients
 * ({@link AlertPreparation}) and console viewers ({@link ConsoleLinks}) alike. The raw token leaves only inside
 * the returned URLs; the row keeps its hash.
 */
@ApplicationScoped
public class LinkMinting {

    /** A stored link as its holder opens it: the page, the audio the page plays, and when both stop working. */
    public record MintedLink(UUID id, String url, String audioUrl, Instant expiresAt) {
        public static final MintedLink NONE = new MintedLink(null, null, null, null);
    }

    private final RecordingLinkRepository links;
    private final LinksConfig config;

    public LinkMinting(RecordingLinkRepository links, LinksConfig config) {
        this.links = links;
        this.config = config;
    }

    /**
     * Persists {@code link}, described in full but for its id and token hash, in the caller's transaction.
     */
    public Uni<MintedLink> mint(RecordingLink link) {
        String token = LinkTokens.newToken();
        link.id = UUID.randomUUID();
        link.tokenHash = LinkTokens.hash(token);
        return links.persist(link).map(saved -> {
            String url = config.normalizedBaseUrl() + "/r/" + token;
            return new MintedLink(saved.id, url, url + "/audio", saved.expiresAt);
        });
    }
}
