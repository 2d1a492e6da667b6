package dev.closeloop.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    @Test
    void withoutOptionsTheRunIsTheFullOne() {
        assertThat(ChaosOptions.parse(List.of(), quiet())).isEqualTo(new ChaosOptions(ChaosCommand.DEFAULT_SURVEYS,
                ChaosCommand.DEFAULT_RATE, 7));
    }

    @Test
    void eachOptionIsReadInBothSpellings() {
        assertThat(ChaosOptions.parse(List.of("--surveys", "300", "--rate=10", "--seed", "42"), quiet()))
                .isEqualTo(new ChaosOptions(300, 10, 42));
    }

    @Test
    void unusableValuesAreNamedAndNothingRuns() {
        assertRefused(List.of("--surveys", "0"), "--surveys must be between 1 and 100000, not 0");
        assertRefused(List.of("--rate", "1000"), "--rate must be between 0.5 and 200.0 a second, not 1000.0");
        assertRefused(List.of("--rate", "NaN"), "--rate must be between");
        assertRefused(List.of("--seed", "x"), "--seed needs a number, not 'x'");
        assertRefused(List.of("--surveys"), "--surveys needs a value");
        assertRefused(List.of("--broker-only"), "unknown option for chaos: --broker-only");
    }

    private static void assertRefused(List<String> options, String why) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ChaosOptions.parse(options, new PrintStream(err, true, StandardCharsets.UTF_8))).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(why);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
