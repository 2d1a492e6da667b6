package dev.closeloop.intake.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
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
 *
 * <p>Every string has a maximum length, every list and number a bound: what the contract leaves open is
 * bounded here generously (a name of 200 characters, a comment of 8,000), so that no single field can fill
 * the 64 KiB body or a database row with something no telephony platform sends.
 */
@Schema(name = "SurveySubmission", description = "A completed post-call survey")
public record SurveySubmission(
        @Schema(description = "The telephony platform's id; unique per tenant, the idempotency key",
                examples = "tel-2026-000123", pattern = SurveySubmission.SURVEY_ID_PATTERN, maxLength = 128)
        @NotNull(message = "is required")
        @Pattern(regexp = SURVEY_ID_PATTERN, message = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -")
        String surveyId,

        @Schema(format = "date-time", examples = "2026-12-04T10:15:00Z", maxLength = IsoInstant.MAX_LENGTH)
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

        @Schema(maxLength = COMMENT)
        @Size(max = COMMENT, message = "must be at most " + COMMENT + " characters")
        String comment,

        @Valid
        SubmittedCsrFlags csr) {

    public static final String SURVEY_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";
    public static final int MAX_ANSWERS = 50;
    /** Ids, references, queues, teams and sites. */
    public static final int ID = 128;
    /** People's names. */
    public static final int NAME = 200;
    /** RFC 5321's limit for an address. */
    public static final int EMAIL = 254;
    public static final int QUESTION = 1000;
    public static final int NOTE = 2000;
    public static final int COMMENT = 8000;
    /** A day: no call lasts longer, and a bigger number is a unit mistake (milliseconds) or garbage. */
    public static final int MAX_DURATION_SECONDS = 86_400;

    @Schema(name = "SubmittedCall")
    public record SubmittedCall(
            @NotBlank(message = "must not be blank")
            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String callId,

            @Schema(format = "date-time", examples = "2026-12-04T10:02:11Z", maxLength = IsoInstant.MAX_LENGTH)
            @NotNull(message = "is required") @IsoInstant
            String startedAt,

            @Schema(minimum = "0", maximum = "86400")
            @PositiveOrZero(message = "must not be negative")
            @Max(value = MAX_DURATION_SECONDS, message = "must be at most " + MAX_DURATION_SECONDS + " (24 hours)")
            Integer durationSeconds,

            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String queue,

            @Schema(description = "The recording uploaded to recording-service, if there is one", maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String recordingId) {
    }

    @Schema(name = "SubmittedCustomer")
    public record SubmittedCustomer(
            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String reference,

            @NotBlank(message = "must not be blank")
            @Schema(maxLength = NAME)
            @Size(max = NAME, message = "must be at most " + NAME + " characters")
            String name,

            @Schema(description = "E.164", examples = "+441632960001", maxLength = 16)
            @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be an E.164 number such as +441632960001")
            String phone,

            // @Email alone accepts "" and dot-less domains; a customer we are to call back needs a real address.
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
            @Schema(maxLength = EMAIL)
            @Size(max = EMAIL, message = "must be at most " + EMAIL + " characters")
            String email) {
    }

    @Schema(name = "SubmittedAgent")
    public record SubmittedAgent(
            @NotBlank(message = "must not be blank")
            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String id,

            @Schema(maxLength = NAME)
            @Size(max = NAME, message = "must be at most " + NAME + " characters")
            String name,

            @NotBlank(message = "must not be blank")
            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String team,

            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String site) {
    }

    @Schema(name = "SubmittedAnswer")
    public record SubmittedAnswer(
            @NotBlank(message = "must not be blank")
            @Schema(maxLength = ID)
            @Size(max = ID, message = "must be at most " + ID + " characters")
            String questionId,

            @Schema(maxLength = QUESTION)
            @Size(max = QUESTION, message = "must be at most " + QUESTION + " characters")
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

            @Schema(maxLength = NOTE)
            @Size(max = NOTE, message = "must be at most " + NOTE + " characters")
            String attentionReason,

            Boolean lead,

            @Schema(enumeration = { "SALES", "RENEWAL", "WARRANTY", "OTHER" }, description = "Required when lead is true")
            @Pattern(regexp = "SALES|RENEWAL|WARRANTY|OTHER", message = "must be one of SALES, RENEWAL, WARRANTY, OTHER")
            String leadType,

            @Schema(maxLength = NOTE)
            @Size(max = NOTE, message = "must be at most " + NOTE + " characters")
            String leadNote) {
    }
}
