package dev.closeloop.localstack.testing;

import java.nio.file.Path;
import java.util.UUID;

/** Where tests keep data: under the module's {@code target/}, one fresh directory per start. */
final class TestScratch {

    private TestScratch() {
    }

    static Path fresh(String what) {
        String base = System.getProperty("closeloop.test.scratch", "target/test-scratch");
        return Path.of(base, what + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}
