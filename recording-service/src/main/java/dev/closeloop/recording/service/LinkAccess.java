package dev.closeloop.recording.service;

import dev.closeloop.recording.AccessAudit;
import dev.closeloop.recording.ByteRange;
import dev.closeloop.recording.Recording;
import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.storage.RecordingStorage.StoredContent;

/** What one use of a recording link comes to; each answer knows its HTTP status, which is also audited. */
public sealed interface LinkAccess {

    int status();

    /**
     * No such token, or not a token at all. Audited without a link ({@code UNKNOWN_LINK}); never announced, since
     * there is no escalation to tell.
     */
    record Unknown() implements LinkAccess {
        public int status() {
            return 404;
        }
    }

    /** Withdrawn by an admin: gone for good, and the answer says so. */
    record Revoked(RecordingLink link) implements LinkAccess {
        public int status() {
            return 410;
        }
    }

    record Expired(RecordingLink link) implements LinkAccess {
        public int status() {
            return 410;
        }
    }

    /**
     * The link is good but its recording has not been uploaded (yet). The page answers 200 (the link works,
     * come back later); the audio answers 404 (there are no bytes to play).
     */
    record Pending(RecordingLink link, AccessAudit.What what) implements LinkAccess {
        public int status() {
            return what == AccessAudit.What.PAGE ? 200 : 404;
        }
    }

    /** The page, or the bytes in {@code range} (whole: 200, partial: 206). */
    record Granted(RecordingLink link, Recording recording, StoredContent content, ByteRange range)
            implements LinkAccess {
        public int status() {
            return range instanceof ByteRange.Partial ? 206 : 200;
        }
    }

    record RangeNotSatisfiable(RecordingLink link, ByteRange.Unsatisfiable range) implements LinkAccess {
        public int status() {
            return 416;
        }
    }
}
