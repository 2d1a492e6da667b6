package dev.closeloop.recording;

import java.util.regex.Pattern;

/**
 * Recording ids as the telephony platform sends them: the same alphabet as survey ids, so an id can never
 * smuggle a path ({@code /}, {@code ..} as a segment is impossible without {@code /}) or a control character.
 */
public final class RecordingIds {

    /** 1–128 characters of {@code [A-Za-z0-9._:-]}. */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1,128}";

    public static final String MESSAGE = "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private RecordingIds() {
    }

    public static boolean isValid(String recordingId) {
        return recordingId != null && COMPILED.matcher(recordingId).matches();
    }
}
