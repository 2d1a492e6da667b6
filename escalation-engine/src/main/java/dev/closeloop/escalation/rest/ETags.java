package dev.closeloop.escalation.rest;

/** Versions as ETags ({@code "3"}) and back from If-Match. */
final class ETags {

    /** Matches nothing we store: versions start at 0. */
    static final long NO_VERSION = -1;

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version named by {@code If-Match: "3"} (a weak tag is taken as well); null when there is no
     * If-Match. A value that is no version of ours gives {@link #NO_VERSION}, so it is answered as stale.
     */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            return version < 0 ? NO_VERSION : version;
        } catch (NumberFormatException e) {
            return NO_VERSION;
        }
    }
}
