package dev.closeloop.recording.rest;

import java.time.Instant;

import dev.closeloop.recording.Recording;

/** A stored recording as the telephony platform sees it; where it is stored stays private. */
public record RecordingView(String recordingId, String contentType, long size, String sha256, Instant uploadedAt) {

    static RecordingView of(Recording recording) {
        return new RecordingView(recording.recordingId, recording.contentType, recording.sizeBytes, recording.sha256,
                recording.uploadedAt);
    }
}
