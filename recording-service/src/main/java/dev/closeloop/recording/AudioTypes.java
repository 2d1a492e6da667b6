package dev.closeloop.recording;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The audio formats a recording may be uploaded in, per the public contract. */
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
}
