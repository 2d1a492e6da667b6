package dev.closeloop.intake.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

import dev.closeloop.intake.validation.IsoInstant;
import dev.closeloop.intake.validation.LeadTypeWhenLead;
import dev.closeloop.intake.validation.UniqueQuestionIds;

/**
 * The body of {@code POST /api/v1/surveys}, exactly as the public contract defines it. Every rule of the
 * contract is a constraint here, so one validation pass reports every offending field at once; that is
 * also why instants arrive as strings ({@link IsoInstant}) rather than failing the JSON reading on the
 * first bad date.
 */
@Schema(name = "SurveySubmission", description = "A completed post-call survey")
public record SurveySubmission(
        @Schema(description = "The telephony platform's id; unique per tenant, the idempotency key",
                examples = "tel-2026-000123", pattern = SurveySubmission.SURVEY_ID_PATTERN, maxLength = 128)
        @NotNull(message = "is required")
        @Pattern(regexp = SURVEY_ID_PATTERN, message = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -")
        String surveyId,

        @Schema(format = "date-time", examples = "2026-12-04T10:15:00Z")
        @NotNull(message = "is required") @IsoInstant
        String completedAt,

        @NotNull(message = "is required") @Valid
        SubmittedCall call,

        @NotNull(message = "is required") @Valid
        SubmittedCustomer customer,

        @NotNull(message = "is required") @Valid
        SubmittedAgent agent,

        @Schema(maxItems = MAX_ANSWERS)
        @Size(max = MAX_ANSWERS, message = "must hold at most " + MAX_ANSWERS + " answers")
        @UniqueQuestionIds
        List<@NotNull(message = "is required") @Valid SubmittedAnswer> answers,

        String comment,

        @Valid
        SubmittedCsrFlags csr) {

    public static final String SURVEY_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";
    public static final int MAX_ANSWERS = 50;

    @Schema(name = "SubmittedCall")
    public record SubmittedCall(
            @NotBlank(message = "must not be blank")
            String callId,

            @Schema(format = "date-time", examples = "2026-12-04T10:02:11Z")
            @NotNull(message = "is required") @IsoInstant
            String startedAt,

            @PositiveOrZero(message = "must not be negative")
            Integer durationSeconds,

            String queue,

            @Schema(description = "The recording uploaded to recording-service, if there is one")
            String recordingId) {
    }

    @Schema(name = "SubmittedCustomer")
    public record SubmittedCustomer(
            String reference,

            @NotBlank(message = "must not be blank")
            String name,

            @Schema(description = "E.164", examples = "+441632960001")
            @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be an E.164 number such as +441632960001")
            String phone,

            // @Email alone accepts "" and dot-less domains; a customer we are to call back needs a real address.
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
            String email) {
    }

    @Schema(name = "SubmittedAgent")
    public record SubmittedAgent(
            @NotBlank(message = "must not be blank")
            String id,

            String name,

            @NotBlank(message = "must not be blank")
            String team,

            String site) {
    }

    @Schema(name = "SubmittedAnswer")
    public record SubmittedAnswer(
            @NotBlank(message = "must not be blank")
            String questionId,

            String question,

            @Schema(minimum = "1", maximum = "5")
            @NotNull(message = "is required")
            @Range(min = 1, max = 5, message = "must be between 1 and 5")
            Integer score) {
    }

    @Schema(name = "SubmittedCsrFlags", description = "What the CSR flagged at the end of the call; absent flags read as false")
    @LeadTypeWhenLead
    public record SubmittedCsrFlags(
            Boolean needsAttention,

            String attentionReason,

            Boolean lead,

            @Schema(enumeration = { "SALES", "RENEWAL", "WARRANTY", "OTHER" }, description = "Required when lead is true")
            @Pattern(regexp = "SALES|RENEWAL|WARRANTY|OTHER", message = "must be one of SALES, RENEWAL, WARRANTY, OTHER")
            String leadType,

            String leadNote) {
    }
}
