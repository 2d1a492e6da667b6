package dev.closeloop.escalation.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.RecordingAccessed;

class RecordingAccessDetailTest {

    @Test
    void aUseOfAConsoleLinkSaysSoRatherThanNamingALevel() {
        assertThat(RecordingAccessTimeline.detail(RecordingAccessed.PLAYED, "mia.jones@acme.example", 0))
                .isEqualTo("Recording played by mia.jones@acme.example (console link)");
        assertThat(RecordingAccessTimeline.detail(RecordingAccessed.VIEWED, "mia.jones@acme.example", 2))
                .isEqualTo("Recording page opened by mia.jones@acme.example (level 2 link)");
    }
}
