package dev.closeloop.escalation.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.events.EscalationType;
import dev.closeloop.platform.problem.Problem;

/**
 * The list's query parameters, read by hand so that every bad one is named in the 400 answer
 * (JAX-RS conversion would answer a bare 404 for an unconvertible query parameter). An empty
 * parameter reads as absent.
 */
record ListParameters(EscalationRepository.Filter filter, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static ListParameters parse(String surveyId, String type, String status, String team, String site, String from,
            String to, String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        EscalationType typeValue = enumValue("type", type, EscalationType.class, errors);
        EscalationStatus statusValue = enumValue("status", status, EscalationStatus.class, errors);
        Instant fromValue = instant("from", from, errors);
        Instant toValue = instant("to", to, errors);
        if (fromValue != null && toValue != null && !toValue.isAfter(fromValue)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        Integer pageValue = integer("page", page, 0, Integer.MAX_VALUE, 0, "must be an integer of 0 or more", errors);
        Integer sizeValue = integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE,
                "must be an integer from 1 to " + MAX_SIZE, errors);
        if (pageValue != null && sizeValue != null && (long) pageValue * sizeValue > Integer.MAX_VALUE) {
            errors.add(new Problem.FieldError("page", "is beyond the last possible page"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new ListParameters(new EscalationRepository.Filter(blank(surveyId) ? null : surveyId.strip(),
                typeValue, statusValue, blank(team) ? null : team.strip(), blank(site) ? null : site.strip(), fromValue,
                toValue), pageValue, sizeValue);
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type,
            List<Problem.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        errors.add(new Problem.FieldError(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", "))));
        return null;
    }

    static Instant instant(String name, String value, List<Problem.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant such as 2026-12-04T10:15:00Z"));
            return null;
        }
    }

    private static Integer integer(String name, String value, int min, int max, int fallback, String message,
            List<Problem.FieldError> errors) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, message));
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
