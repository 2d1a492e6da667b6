package dev.closeloop.localstack;

import java.util.HashSet;
import java.util.Set;

/** Where the infrastructure listens: PostgreSQL, the AMQP broker and the mail sink's SMTP and IMAP. */
public record InfraPorts(int postgres, int amqp, int smtp, int imap) {

    /** The fixed ports of {@code ./closeloop up}. */
    public static final InfraPorts LOCAL_DEFAULTS = new InfraPorts(55432, 5672, 3025, 3143);

    /** Four distinct ports free right now, for tests that run beside anything else. */
    public static InfraPorts free() {
        Set<Integer> seen = new HashSet<>();
        return new InfraPorts(distinctFree(seen), distinctFree(seen), distinctFree(seen), distinctFree(seen));
    }

    static int distinctFree(Set<Integer> seen) {
        int port = Ports.free();
        while (!seen.add(port)) {
            port = Ports.free();
        }
        return port;
    }
}
