package dev.closeloop.recording.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.closeloop.recording.RecordingIds;

/**
 * What the escalation-engine's console tells about who is looking at which escalations. Sizes are those of the
 * {@code recording_link} columns: refused, not clipped, since the engine's directory never comes near them.
 */
public record ConsoleLinkRequest(
        @NotBlank @Email @Size(max = 320) String viewerEmail,
        @Size(max = 200) String viewerName,
        @Size(max = 200) String managerId,
        // survey ids have the recording ids' alphabet
        @NotBlank @Pattern(regexp = RecordingIds.PATTERN, message = RecordingIds.MESSAGE) String surveyId,
        @NotEmpty List<@NotBlank @Size(max = 128) String> escalationIds,
        @Size(max = 64) String timeZone) {
}
