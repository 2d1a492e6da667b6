package dev.closeloop.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.closeloop.intake.rest.SurveySubmission.SubmittedAnswer;

/**
 * No two answers of a survey share a {@code questionId}. Each repeat is reported on its own field,
 * {@code answers[i].questionId}, so the caller sees which entry to fix.
 */
@Documented
@Constraint(validatedBy = UniqueQuestionIds.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface UniqueQuestionIds {

    String message() default "must be unique within the survey";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UniqueQuestionIds, List<SubmittedAnswer>> {

        @Override
        public boolean isValid(List<SubmittedAnswer> answers, ConstraintValidatorContext context) {
            if (answers == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < answers.size(); i++) {
                SubmittedAnswer answer = answers.get(i);
                if (answer == null || answer.questionId() == null || seen.add(answer.questionId())) {
                    continue;
                }
                if (valid) {
                    context.disableDefaultConstraintViolation();
                    valid = false;
                }
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("questionId").inIterable().atIndex(i)
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}
