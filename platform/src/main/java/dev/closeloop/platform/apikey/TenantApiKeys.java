package dev.closeloop.platform.apikey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telephony platform's per-tenant API keys, of which only SHA-256 hashes are kept. Both
 * survey-intake and recording-service read the same file (a mounted Kubernetes Secret; a file
 * under {@code .closeloop/} in the local stack), one {@code tenant:sha256-hex} entry per line.
 *
 * <p>A key is random and long, so a fast hash is enough: there is nothing to brute-force that the
 * key's own entropy does not already protect. Lookups compare against every entry in constant
 * time, so timing reveals neither whether a key exists nor which tenant it belongs to.
 */
@ApplicationScoped
public class TenantApiKeys {

    record Entry(String tenant, byte[] hash) {
    }

    /** Null when no key file is configured. */
    private final List<Entry> entries;

    /**
     * The file is optional because this bean exists in every service through the platform jar, while
     * only the services with {@link TenantApiKeyRequired} endpoints (survey-intake, recording-service)
     * have keys; using the keys without a file fails.
     */
    @Inject
    TenantApiKeys(@ConfigProperty(name = "closeloop.api-keys.file") Optional<Path> file) {
        this.entries = file.map(path -> List.copyOf(load(path))).orElse(null);
    }

    public TenantApiKeys(Path file) {
        this.entries = List.copyOf(load(file));
    }

    TenantApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The tenant the presented key belongs to, or empty when it is no tenant's key. */
    public Optional<String> tenantOf(String presentedKey) {
        if (entries == null) {
            throw new IllegalStateException("closeloop.api-keys.file (CLOSELOOP_API_KEYS_FILE) is not set");
        }
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.hash()) && match == null) {
                match = entry.tenant();
            }
        }
        return Optional.ofNullable(match);
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
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
