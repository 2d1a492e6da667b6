package dev.closeloop.recording.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the escalation-engine's console tells about who is looking at which escalations. Sizes are those of the
 * {@code recording_link} columns: refused, not clipped, since the engine's directory never comes near them.
 */
public record ConsoleLinkRequest(
        @NotBlank @Email @Size(max = 320) String viewerEmail,
        @Size(max = 200) String viewerName,
        @Size(max = 200) String managerId,
        // survey ids have the recording ids' alphabet, but survey-intake lets them start with any of it
        @NotBlank @Pattern(regexp = ConsoleLinkRequest.SURVEY_ID_PATTERN,
                message = "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'") String surveyId,
        @NotEmpty List<@NotBlank @Size(max = 128) String> escalationIds,
        @Size(max = 64) String timeZone) {

    /** Survey ids as survey-intake accepts them. */
    static final String SURVEY_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";
}
