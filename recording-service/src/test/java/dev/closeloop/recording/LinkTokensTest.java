package dev.closeloop.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void tokensAreUrlSafeUnpaddedAndCarry256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String token = LinkTokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(LinkTokens.isWellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void theStoredHashIsHexAndRevealsNothingOfTheToken() {
        String token = LinkTokens.newToken();
        String hash = LinkTokens.hash(token);
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(LinkTokens.hash(token)).isEqualTo(hash);
        assertThat(LinkTokens.hash(LinkTokens.newToken())).isNotEqualTo(hash);
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(LinkTokens.isWellFormed(null)).isFalse();
        assertThat(LinkTokens.isWellFormed("")).isFalse();
        assertThat(LinkTokens.isWellFormed("abc")).isFalse();
        assertThat(LinkTokens.isWellFormed("A".repeat(44))).isFalse();
        assertThat(LinkTokens.isWellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(LinkTokens.isWellFormed("A".repeat(42) + "/")).isFalse();
        assertThat(LinkTokens.isWellFormed("A".repeat(42) + "+")).isFalse();
    }
}
