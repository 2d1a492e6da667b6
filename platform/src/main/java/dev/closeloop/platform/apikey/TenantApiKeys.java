package dev.closeloop.platform.apikey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;

/**
 * The telephony platform's per-tenant API keys, of which only SHA-256 hashes are kept. Both
 * survey-intake and recording-service read the same file (a mounted Kubernetes Secret; a file
 * under {@code .closeloop/} in the local stack), one {@code tenant:sha256-hex} entry per line. A tenant
 * may have several lines, each an active key: that is how a key is rotated without downtime.
 *
 * <p>A key is random and long, so a fast hash is enough: there is nothing to brute-force that the
 * key's own entropy does not already protect. Lookups compare against every entry in constant
 * time, so timing reveals neither whether a key exists nor which tenant it belongs to.
 *
 * <p>Kubernetes updates a mounted Secret in place, so the file is looked at again, at most once per
 * {@code closeloop.api-keys.reload-interval}, on use: a changed modification time or size reloads it. A file
 * that became unreadable or malformed keeps the keys last read (and says so at ERROR), rather than locking
 * every tenant out.
 */
@ApplicationScoped
public class TenantApiKeys {

    record Entry(String tenant, byte[] hash) {
    }

    /** A key that authenticated: its tenant, and its hash to tell keys apart (the raw key is never kept). */
    public record Match(String tenant, String keyHash) {
    }

    /** Null when no key file is configured. */
    private final Path file;
    private final Duration reloadInterval;
    private final Clock clock;
    private final AtomicReference<Instant> nextCheck;
    private volatile List<Entry> entries;
    /** The modification time and size of the file as last looked at, or why it could not be read. */
    private String seen;

    /**
     * The file is optional because this bean exists in every service through the platform jar, while
     * only the services with {@link TenantApiKeyRequired} endpoints (survey-intake, recording-service)
     * have keys; using the keys without a file fails.
     */
    @Inject
    TenantApiKeys(ApiKeysConfig config, Clock clock) {
        this(config.file().orElse(null), config.reloadInterval(), clock);
    }

    public TenantApiKeys(Path file) {
        this(file, Duration.ofSeconds(10), Clock.systemUTC());
    }

    TenantApiKeys(Path file, Duration reloadInterval, Clock clock) {
        this.file = file;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        this.nextCheck = new AtomicReference<>(clock.instant().plus(reloadInterval));
        if (file != null) {
            // Read once now: a service must not start on a missing or malformed file.
            this.seen = signature(file);
            this.entries = List.copyOf(load(file));
        }
    }

    /** The tenant the presented key belongs to, or empty when it is no tenant's key. */
    public Optional<String> tenantOf(String presentedKey) {
        return authenticate(presentedKey).map(Match::tenant);
    }

    /** The tenant and key hash of the presented key, or empty when it is no tenant's key. */
    public Optional<Match> authenticate(String presentedKey) {
        List<Entry> current = current();
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String match = null;
        for (Entry entry : current) {
            if (MessageDigest.isEqual(presented, entry.hash()) && match == null) {
                match = entry.tenant();
            }
        }
        return match == null ? Optional.empty() : Optional.of(new Match(match, HexFormat.of().formatHex(presented)));
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private List<Entry> current() {
        List<Entry> loaded = entries;
        if (loaded == null) {
            throw new IllegalStateException("closeloop.api-keys.file (CLOSELOOP_API_KEYS_FILE) is not set");
        }
        Instant now = clock.instant();
        Instant due = nextCheck.get();
        // One request per interval looks at the file (a stat, no read unless it changed); the others go on.
        if (!now.isBefore(due) && nextCheck.compareAndSet(due, now.plus(reloadInterval))) {
            reloadIfChanged();
            loaded = entries;
        }
        return loaded;
    }

    private synchronized void reloadIfChanged() {
        String now = signature(file);
        if (now.equals(seen)) {
            return;
        }
        seen = now;
        try {
            List<Entry> reloaded = List.copyOf(load(file));
            entries = reloaded;
            Log.infof("Tenant API keys reloaded from %s: %d active keys", file, reloaded.size());
        } catch (IllegalStateException e) {
            Log.errorf("%s; keeping the %d API keys read before", e.getMessage(), entries.size());
        }
    }

    private static String signature(Path file) {
        try {
            // Follows the symbolic links a mounted Secret is made of, to the file the kubelet last wrote.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    static List<Entry> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API key file " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String hex = colon < 0 ? "" : line.substring(colon + 1).strip().toLowerCase();
            if (colon <= 0 || !hex.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("API key file " + file + " line " + (i + 1)
                        + ": expected tenant:sha256-hex");
            }
            entries.add(new Entry(line.substring(0, colon).strip(), HexFormat.of().parseHex(hex)));
        }
        return entries;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
