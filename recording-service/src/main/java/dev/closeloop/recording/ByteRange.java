package dev.closeloop.recording;

import java.util.Locale;

/**
 * What a {@code Range} request header asks of a recording of a known size (RFC 9110 §14), reduced to what
 * an audio player needs: one range of bytes. A header this service does not act on (another unit, several
 * ranges, a malformed or inverted range) is ignored, as the RFC allows, and the whole recording is sent.
 */
public sealed interface ByteRange permits ByteRange.Whole, ByteRange.Partial, ByteRange.Unsatisfiable {

    /** The whole recording: {@code 200}. */
    record Whole(long size) implements ByteRange {
    }

    /** Bytes {@code first..last} inclusive: {@code 206} with {@code Content-Range}. */
    record Partial(long first, long last, long size) implements ByteRange {

        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** Nothing of the recording lies in the range: {@code 416} with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable(long size) implements ByteRange {

        public String contentRange() {
            return "bytes */" + size;
        }
    }

    static ByteRange parse(String header, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (header == null) {
            return new Whole(size);
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new Whole(size);
        }
        String spec = value.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0 || spec.indexOf('-', dash + 1) >= 0) {
            return new Whole(size);
        }
        String firstText = spec.substring(0, dash).strip();
        String lastText = spec.substring(dash + 1).strip();
        if (firstText.isEmpty()) {
            // bytes=-n: the last n bytes
            if (!isDigits(lastText)) {
                return new Whole(size);
            }
            long suffix = toLong(lastText);
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable(size);
            }
            return new Partial(Math.max(0, size - suffix), size - 1, size);
        }
        if (!isDigits(firstText) || !(lastText.isEmpty() || isDigits(lastText))) {
            return new Whole(size);
        }
        long first = toLong(firstText);
        long last = lastText.isEmpty() ? Long.MAX_VALUE : toLong(lastText);
        if (last < first) {
            return new Whole(size);
        }
        if (first >= size) {
            return new Unsatisfiable(size);
        }
        return new Partial(first, Math.min(last, size - 1), size);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits too many for a long stand for a position beyond any recording. */
    private static long toLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
