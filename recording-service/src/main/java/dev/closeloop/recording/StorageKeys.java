package dev.closeloop.recording;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a tenant's recording is stored: {@code <tenant>/<h[0..2]>/<h>} with {@code h} the SHA-256 of the
 * recording id. The raw id never becomes a path; the two-character fan-out keeps directories small.
 * Different tenants may use the same recording id: their keys differ by the tenant segment.
 */
public final class StorageKeys {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private StorageKeys() {
    }

    public static String forRecording(String tenant, String recordingId) {
        if (tenant == null || !SAFE_SEGMENT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant name unfit for a storage key");
        }
        if (!RecordingIds.isValid(recordingId)) {
            throw new IllegalArgumentException("invalid recording id");
        }
        String hash = Hashes.sha256Hex(recordingId.getBytes(StandardCharsets.UTF_8));
        return tenant + "/" + hash.substring(0, 2) + "/" + hash;
    }
}
