package dev.closeloop.recording;

import java.util.regex.Pattern;

/**
 * Recording ids as the telephony platform sends them: the alphabet of survey ids, starting with a letter or digit,
 * so an id can never smuggle a path: no {@code /} or backslash, no {@code .} or {@code ..} (nor a hidden-file
 * name), no control character, nothing beyond ASCII that could look like one of the allowed characters. The raw id
 * never becomes a path anyway ({@link StorageKeys} hashes it); this keeps odd ids out of logs and URLs too.
 */
public final class RecordingIds {

    /** 1–128 characters of {@code [A-Za-z0-9._:-]}, the first a letter or digit. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    public static final String MESSAGE = "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-', "
            + "starting with a letter or digit";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private RecordingIds() {
    }

    public static boolean isValid(String recordingId) {
        return recordingId != null && COMPILED.matcher(recordingId).matches();
    }
}
