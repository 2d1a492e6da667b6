package dev.closeloop.recording.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.platform.outbox.OutboxRelay;
import dev.closeloop.recording.AccessAudit;
import dev.closeloop.recording.AccessAudit.Outcome;
import dev.closeloop.recording.AccessAudit.What;
import dev.closeloop.recording.ByteRange;
import dev.closeloop.recording.LinkTokens;
import dev.closeloop.recording.Recording;
import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.repository.AccessAuditRepository;
import dev.closeloop.recording.repository.RecordingLinkRepository;
import dev.closeloop.recording.repository.RecordingRepository;
import dev.closeloop.recording.storage.RecordingStorage;
import dev.closeloop.recording.storage.RecordingStorage.StoredContent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Decides what a recording link may see and writes the audit row for every use of a known link, refused or
 * not, in the same transaction, together with the {@code recordings.accessed} event when the use is one the
 * escalation's timeline should show ({@link AccessAnnouncements}); a token naming no link is audited without one.
 * Tokens are looked up by their hash and never logged.
 */
@ApplicationScoped
public class LinkAccessService {

    /** Who is asking, as far as the request tells. */
    public record Client(String remoteAddress, String userAgent) {
    }

    private final RecordingLinkRepository links;
    private final RecordingRepository recordings;
    private final AccessAuditRepository audit;
    private final RecordingStorage storage;
    private final AccessAnnouncements announcements;
    private final OutboxRelay relay;

    public LinkAccessService(RecordingLinkRepository links, RecordingRepository recordings,
            AccessAuditRepository audit, RecordingStorage storage, AccessAnnouncements announcements,
            OutboxRelay relay) {
        this.links = links;
        this.recordings = recordings;
        this.audit = audit;
        this.storage = storage;
        this.announcements = announcements;
        this.relay = relay;
    }

    /** The player page. */
    public Uni<LinkAccess> page(String token, Client client) {
        return inTransaction(() -> access(token, What.PAGE, null, client));
    }

    /** The audio, all of it or the one range the {@code Range} header asks for. */
    public Uni<LinkAccess> audio(String token, String rangeHeader, Client client) {
        return inTransaction(() -> access(token, What.AUDIO, rangeHeader, client));
    }

    /** One use of a link as committed: the answer, and whether it enqueued an event. */
    private record Use(LinkAccess access, boolean announced) {
    }

    // Programmatic rather than @WithTransaction: the relay is kicked after the commit, outside the returned Uni,
    // so the answer never waits for the broker.
    private Uni<LinkAccess> inTransaction(Supplier<Uni<Use>> work) {
        return Panache.withTransaction(work).map(use -> {
            if (use.announced()) {
                relay.publishSoon();
            }
            return use.access();
        });
    }

    private Uni<Use> access(String token, What what, String rangeHeader, Client client) {
        Instant now = Instant.now();
        if (!LinkTokens.isWellFormed(token)) {
            return unknown(what, rangeHeader, client, now);
        }
        return links.findByTokenHash(LinkTokens.hash(token)).flatMap(link -> {
            if (link == null) {
                return unknown(what, rangeHeader, client, now);
            }
            if (link.revokedAt != null) {
                return record(new LinkAccess.Revoked(link), link, what, Outcome.REVOKED, rangeHeader, client, now);
            }
            if (link.isExpiredAt(now)) {
                return record(new LinkAccess.Expired(link), link, what, Outcome.EXPIRED, rangeHeader, client, now);
            }
            return recordings.findByTenantAndRecordingId(link.tenant, link.recordingId)
                    .flatMap(recording -> stored(recording))
                    .flatMap(found -> {
                        if (found.isEmpty()) {
                            return record(new LinkAccess.Pending(link, what), link, what, Outcome.NOT_YET_AVAILABLE,
                                    rangeHeader, client, now);
                        }
                        Recording recording = found.get().recording();
                        StoredContent content = found.get().content();
                        ByteRange range = what == What.AUDIO ? ByteRange.parse(rangeHeader, content.size())
                                : new ByteRange.Whole(content.size());
                        if (range instanceof ByteRange.Unsatisfiable) {
                            return record(new LinkAccess.RangeNotSatisfiable(link, (ByteRange.Unsatisfiable) range),
                                    link, what, Outcome.RANGE_NOT_SATISFIABLE, rangeHeader, client, now);
                        }
                        return record(new LinkAccess.Granted(link, recording, content, range), link, what,
                                Outcome.GRANTED, rangeHeader, client, now);
                    });
        });
    }

    private record Found(Recording recording, StoredContent content) {
    }

    private Uni<Optional<Found>> stored(Recording recording) {
        if (recording == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return storage.find(recording.storageKey).map(content -> {
            if (content.isEmpty()) {
                Log.errorf("Recording tenant=%s recordingId=%s is registered but its bytes are missing from storage",
                        recording.tenant, recording.recordingId);
                return Optional.<Found>empty();
            }
            return Optional.of(new Found(recording, content.get()));
        });
    }

    /**
     * A token that names no link, audited with what little there is: not the token (one character away from a
     * real one, it would nearly be one), no link, no event.
     */
    private Uni<Use> unknown(What what, String rangeHeader, Client client, Instant now) {
        LinkAccess access = new LinkAccess.Unknown();
        AccessAudit row = auditRow(what, Outcome.UNKNOWN_LINK, access.status(), rangeHeader, client, now);
        Log.infof("Recording link refused: unknown token what=%s remoteAddress=%s", what, row.remoteAddress);
        return audit.persist(row).replaceWith(new Use(access, false));
    }

    private static AccessAudit auditRow(What what, Outcome outcome, int status, String rangeHeader, Client client,
            Instant now) {
        AccessAudit row = new AccessAudit();
        row.id = UUID.randomUUID();
        row.at = now;
        row.what = what;
        row.outcome = outcome;
        row.httpStatus = status;
        row.requestedRange = clip(rangeHeader, 200);
        row.remoteAddress = clip(client.remoteAddress(), 100);
        row.userAgent = clip(client.userAgent(), 300);
        return row;
    }

    private Uni<Use> record(LinkAccess access, RecordingLink link, What what, Outcome outcome,
            String rangeHeader, Client client, Instant now) {
        AccessAudit row = auditRow(what, outcome, access.status(), rangeHeader, client, now);
        row.linkId = link.id;
        row.tenant = link.tenant;
        row.recordingId = link.recordingId;
        row.managerId = link.managerId;
        row.recipientEmail = link.recipientEmail;
        if (what == What.PAGE || outcome != Outcome.GRANTED) {
            Log.infof("Recording link used linkId=%s surveyId=%s managerId=%s what=%s outcome=%s status=%d", link.id,
                    link.surveyId, link.managerId, what, outcome, row.httpStatus);
        }
        // announce first: it looks for earlier uses and must not find this one
        return announcements.announce(link, what, outcome, now)
                .flatMap(announced -> audit.persist(row).replaceWith(new Use(access, announced)));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
