package dev.closeloop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Properties;

/**
 * A VAPID key pair for browser push, as the notification-service reads it and browsers take it: the public key
 * as the 65-byte uncompressed P-256 point, the private key as the 32-byte scalar, both base64url without padding.
 *
 * @param publicKey  {@code CLOSELOOP_PUSH_VAPID_PUBLIC_KEY}
 * @param privateKey {@code CLOSELOOP_PUSH_VAPID_PRIVATE_KEY}
 */
public record VapidKeyPair(String publicKey, String privateKey) {

    public static final String PUBLIC_KEY_ENV = "CLOSELOOP_PUSH_VAPID_PUBLIC_KEY";
    public static final String PRIVATE_KEY_ENV = "CLOSELOOP_PUSH_VAPID_PRIVATE_KEY";

    /** A fresh pair from the JDK's EC secp256r1 generator. */
    public static VapidKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            byte[] point = uncompressedPoint((ECPublicKey) pair.getPublic());
            byte[] scalar = new byte[32];
            copyUnsigned(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            return new VapidKeyPair(base64Url(point), base64Url(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /**
     * The stack's pair, kept in {@code file} (made on first use, readable by its owner only), so that browsers
     * subscribed on one {@code up} keep receiving pushes after the next.
     */
    public static VapidKeyPair ofStack(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Properties stored = new Properties();
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
                String publicKey = stored.getProperty(PUBLIC_KEY_ENV);
                String privateKey = stored.getProperty(PRIVATE_KEY_ENV);
                if (publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank()) {
                    return new VapidKeyPair(publicKey.strip(), privateKey.strip());
                }
            }
            VapidKeyPair pair = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), pair.envLines(),
                    StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file stays as private as its directory
            }
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the VAPID keys in " + file, e);
        }
    }

    /** The two {@code NAME=value} lines of the environment the notification-service reads. */
    public String envLines() {
        return PUBLIC_KEY_ENV + "=" + publicKey + System.lineSeparator() + PRIVATE_KEY_ENV + "=" + privateKey
                + System.lineSeparator();
    }

    /** A P-256 public key as Web Push writes it: 0x04, then x and y in 32 bytes each. */
    public static byte[] uncompressedPoint(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        // toByteArray is signed and minimal: drop a leading sign byte, left-pad with zeros to 32 bytes
        int from = bytes.length > 32 ? bytes.length - 32 : 0;
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, offset + 32 - length, length);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
