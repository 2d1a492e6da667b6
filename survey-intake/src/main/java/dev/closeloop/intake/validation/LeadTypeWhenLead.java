package dev.closeloop.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.closeloop.intake.rest.SurveySubmission.SubmittedCsrFlags;

/** A CSR who flags a lead says what kind: {@code leadType} is required when {@code lead} is true. */
@Documented
@Constraint(validatedBy = LeadTypeWhenLead.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LeadTypeWhenLead {

    String message() default "is required when lead is true";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LeadTypeWhenLead, SubmittedCsrFlags> {

        @Override
        public boolean isValid(SubmittedCsrFlags csr, ConstraintValidatorContext context) {
            // A present but unknown leadType is the @Pattern's to report, once.
            if (csr == null || !Boolean.TRUE.equals(csr.lead()) || csr.leadType() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("leadType")
                    .addConstraintViolation();
            return false;
        }
    }
}
