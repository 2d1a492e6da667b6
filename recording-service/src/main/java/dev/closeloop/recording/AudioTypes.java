package dev.closeloop.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio formats a recording may be uploaded in, per the public contract, and what the first bytes of each
 * look like: an upload whose bytes are not what its {@code Content-Type} says is refused, so a link never
 * serves a browser something else under an audio type.
 */
public final class AudioTypes {

    public static final List<String> ACCEPTED = List.of("audio/wav", "audio/mpeg", "audio/ogg", "audio/mp4");

    private AudioTypes() {
    }

    /**
     * The accepted type a {@code Content-Type} header names, lower-cased and without parameters
     * ({@code audio/ogg; codecs=opus} → {@code audio/ogg}), or empty when it names none of them.
     */
    public static Optional<String> accepted(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return ACCEPTED.contains(type) ? Optional.of(type) : Optional.empty();
    }

    /** How many leading bytes {@link #sniff} needs. */
    public static final int SNIFF_LENGTH = 12;

    /**
     * Which accepted type the first bytes of a file are ({@code RIFF....WAVE}; {@code ID3} or an MPEG audio frame
     * sync; {@code OggS}; {@code ....ftyp}), or empty when they are none of them (too short, or something else).
     */
    public static Optional<String> sniff(byte[] head) {
        if (head.length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (head.length >= 3 && ascii(head, 0, "ID3") || head.length >= 2 && isMpegFrameSync(head[0], head[1])) {
            return Optional.of("audio/mpeg");
        }
        if (head.length >= 4 && ascii(head, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (head.length >= 8 && ascii(head, 4, "ftyp")) {
            return Optional.of("audio/mp4");
        }
        return Optional.empty();
    }

    /**
     * Eleven set bits, then an MPEG version other than the reserved one and a layer other than the reserved one
     * (which also keeps out AAC's ADTS header, whose layer bits are zero).
     */
    private static boolean isMpegFrameSync(byte first, byte second) {
        int version = (second >> 3) & 0b11;
        int layer = (second >> 1) & 0b11;
        return (first & 0xFF) == 0xFF && (second & 0xE0) == 0xE0 && version != 0b01 && layer != 0b00;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        return Arrays.equals(bytes, offset, offset + wanted.length, wanted, 0, wanted.length);
    }
}
