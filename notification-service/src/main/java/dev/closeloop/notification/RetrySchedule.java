package dev.closeloop.notification;

import java.time.Duration;

/** Exponential back-off between delivery attempts: initial, initial × multiplier, … capped at max. */
public record RetrySchedule(Duration initial, double multiplier, Duration max) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max and multiplier >= 1, got "
                    + initial + ", " + multiplier + ", " + max);
        }
    }

    /** How long to wait after the given number of failed attempts (1 = the first one failed). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts <= 1) {
            return initial;
        }
        double millis = initial.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
