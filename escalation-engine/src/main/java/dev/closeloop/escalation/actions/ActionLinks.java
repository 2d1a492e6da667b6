package dev.closeloop.escalation.actions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.closeloop.events.Recipient;

/**
 * Mints and verifies the one-tap action links of the alert email. A token is the link's fields (see
 * {@link ActionLink}) and their HMAC-SHA256 under the service's secret, both base64url: nothing is
 * stored, so a link needs no table and works on every replica that shares the secret. Whoever holds
 * the token holds the credential, which is why it is bound to one recipient, one escalation and one
 * tenant, and expires.
 * <p>
 * Pure: no framework. The time comes from the clock it is given.
 */
public final class ActionLinks {

    /** Where links are served: {@code <public-url>/a/<token>}. */
    public static final String PATH = "/a/";
    /** Shorter secrets make the HMAC guessable in principle; 32 bytes is SHA-256's own size. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte FORMAT = 1;
    /** A real token is about 250 characters; anything far longer is not worth decoding. */
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validFor;
    private final String publicUrl;
    private final Clock clock;

    /**
     * @param secret    the HMAC key; at least {@value #MIN_SECRET_BYTES} bytes in UTF-8
     * @param validFor  how long a minted link works
     * @param publicUrl where browsers reach this service, e.g. {@code https://closeloop.example}
     * @throws IllegalArgumentException when one of them cannot be used, so a misconfigured service stops at start
     */
    public ActionLinks(String secret, Duration validFor, String publicUrl, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the action link secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long");
        }
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("action links must be valid for a positive duration, not " + validFor);
        }
        String url = publicUrl == null ? "" : publicUrl.strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("the public URL must be an http(s) URL, not '" + publicUrl + "'");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.validFor = validFor;
        this.publicUrl = url.replaceAll("/+$", "");
        this.clock = clock;
    }

    /**
     * The recipients, each with an acknowledge link for every escalation they are told about. Escalation
     * ids that are not the engine's UUIDs get no link. A link's time counts from when the alert reaches
     * the recipient: for one held for their working hours, from {@code holdUntil}.
     */
    public List<Recipient> withAcknowledgeLinks(String tenant, List<Recipient> recipients) {
        return recipients.stream().map(recipient -> {
            if (recipient.email() == null || recipient.email().isBlank()) {
                return recipient;
            }
            Instant expiresAt = recipient.reachedAt(clock.instant()).plus(validFor).truncatedTo(ChronoUnit.SECONDS);
            Map<String, String> urls = new LinkedHashMap<>();
            for (String id : recipient.escalationIds()) {
                uuid(id).ifPresent(uuid -> urls.put(id, url(mint(new ActionLink(tenant, uuid,
                        recipient.managerId(), recipient.email(), ActionLink.Action.ACKNOWLEDGE, expiresAt)))));
            }
            return recipient.withAcknowledgeUrls(urls);
        }).toList();
    }

    /** A link to acknowledge the escalation as this recipient, valid from now for the configured time. */
    public String acknowledgeUrl(String tenant, UUID escalationId, String managerId, String email) {
        return url(mint(new ActionLink(tenant, escalationId, managerId, email, ActionLink.Action.ACKNOWLEDGE,
                expiresAt())));
    }

    /** Whole seconds, as the token carries them: a minted link reads back exactly as it was made. */
    private Instant expiresAt() {
        return clock.instant().plus(validFor).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The token that carries this link. */
    public String mint(ActionLink link) {
        byte[] payload = encode(link);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /**
     * The link a token carries when this service signed it, expired or not; empty for anything else
     * (malformed, tampered with, signed under another secret). The signature is checked before a byte of
     * the payload is read, in constant time.
     */
    public Optional<ActionLink> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        Optional<byte[]> payload = base64(token.substring(0, dot));
        Optional<byte[]> signature = base64(token.substring(dot + 1));
        if (payload.isEmpty() || signature.isEmpty()
                || !MessageDigest.isEqual(sign(payload.get()), signature.get())) {
            return Optional.empty();
        }
        return decode(payload.get());
    }

    /**
     * The bytes of canonical base64url only: the decoder ignores the unused low bits of the last character,
     * and without this check several spellings of one token would all be accepted.
     */
    private static Optional<byte[]> base64(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the link no longer works, by this service's clock. */
    public boolean expired(ActionLink link) {
        return !clock.instant().isBefore(link.expiresAt());
    }

    private String url(String token) {
        return publicUrl + PATH + token;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            // every JDK has HmacSHA256
            throw new IllegalStateException("cannot compute " + ALGORITHM, e);
        }
    }

    private static byte[] encode(ActionLink link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(link.action().name());
            out.writeUTF(link.tenant());
            out.writeLong(link.escalationId().getMostSignificantBits());
            out.writeLong(link.escalationId().getLeastSignificantBits());
            out.writeUTF(link.managerId() == null ? "" : link.managerId());
            out.writeUTF(link.email());
            out.writeLong(link.expiresAt().getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Only ever called on a payload this service signed; still read defensively, for payloads of another format. */
    private static Optional<ActionLink> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT) {
                return Optional.empty();
            }
            ActionLink.Action action = ActionLink.Action.valueOf(in.readUTF());
            String tenant = in.readUTF();
            UUID escalationId = new UUID(in.readLong(), in.readLong());
            String managerId = in.readUTF();
            String email = in.readUTF();
            Instant expiresAt = Instant.ofEpochSecond(in.readLong());
            if (in.available() > 0) {
                return Optional.empty();
            }
            return Optional.of(new ActionLink(tenant, escalationId, managerId.isEmpty() ? null : managerId, email,
                    action, expiresAt));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
