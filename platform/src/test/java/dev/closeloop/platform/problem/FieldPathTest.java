package dev.closeloop.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    private static ValidatorFactory factory;

    record Answer(@Max(5) int score) {
    }

    record Body(List<@Valid Answer> answers) {
    }

    record Answers(List<@NotNull Answer> answers) {
    }

    static class Resource {
        public void get(@Pattern(regexp = "[a-z]+") String surveyId) {
        }

        public void submit(@Valid Body body) {
        }

        public void submitAnswers(@Valid Answers body) {
        }
    }

    @BeforeAll
    static void start() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void anInvalidPathOrQueryParameterIsNamedAfterTheParameter() throws Exception {
        Method get = Resource.class.getMethod("get", String.class);
        Set<ConstraintViolation<Resource>> violations = factory.getValidator().forExecutables()
                .validateParameters(new Resource(), get, new Object[] { "NOT VALID" });

        assertThat(violations).extracting(v -> ProblemMappers.fieldPath(v.getPropertyPath()))
                .containsExactly(get.getParameters()[0].getName());
    }

    @Test
    void aFieldInsideABodyIsNamedFromTheBodyDown() throws Exception {
        Method submit = Resource.class.getMethod("submit", Body.class);
        Body body = new Body(List.of(new Answer(3), new Answer(6)));
        Set<ConstraintViolation<Resource>> violations = factory.getValidator().forExecutables()
                .validateParameters(new Resource(), submit, new Object[] { body });

        assertThat(violations).extracting(v -> ProblemMappers.fieldPath(v.getPropertyPath()))
                .containsExactly("answers[1].score");
    }

    @Test
    void aNullListElementIsNamedByItsIndex() throws Exception {
        Method submit = Resource.class.getMethod("submitAnswers", Answers.class);
        Answers body = new Answers(Arrays.asList(new Answer(3), null));
        Set<ConstraintViolation<Resource>> violations = factory.getValidator().forExecutables()
                .validateParameters(new Resource(), submit, new Object[] { body });

        assertThat(violations).extracting(v -> ProblemMappers.fieldPath(v.getPropertyPath()))
                .containsExactly("answers[1]");
    }
}
