package dev.closeloop.localstack.testing.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.closeloop.localstack.VapidKeyPair;

/**
 * A browser's side of Web Push, for tests: its P-256 key pair and auth secret (what {@code PushSubscription.toJSON()}
 * hands the console), and the decryption of an aes128gcm message (RFC 8291 on RFC 8188), written with JDK crypto
 * alone so that it checks the library's encryption rather than repeating it.
 */
public final class TestBrowser {

    private final KeyPair keys;
    private final byte[] publicPoint;
    private final byte[] authSecret = new byte[16];

    public TestBrowser() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        publicPoint = point((ECPublicKey) keys.getPublic());
        new SecureRandom().nextBytes(authSecret);
    }

    public String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicPoint);
    }

    public String auth() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(authSecret);
    }

    /** The plaintext of one aes128gcm body: header (salt, rs, keyid = the sender's public point), one record. */
    public byte[] decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = Byte.toUnsignedInt(in.get());
        if (idLength != 65) {
            throw new AssertionError("keyid must be the sender's 65-byte public point, is " + idLength + " bytes");
        }
        byte[] senderPoint = new byte[idLength];
        in.get(senderPoint);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new AssertionError("more than one record: " + ciphertext.length + " > rs " + recordSize);
        }

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(publicKeyOf(senderPoint), true);
        byte[] ecdhSecret = agreement.generateSecret();

        // RFC 8291 §3.4: IKM from the auth secret and both public keys
        byte[] prkKey = hmac(authSecret, ecdhSecret);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicPoint, senderPoint,
                new byte[] { 1 });
        byte[] ikm = hmac(prkKey, keyInfo);
        // RFC 8188 §2.2/2.3: content encryption key and nonce from the salt
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 1 })), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 1 })), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        // the last record ends with the delimiter 0x02, then zero padding
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new AssertionError("no last-record delimiter (0x02) in the plaintext");
        }
        return Arrays.copyOf(padded, end);
    }

    static PublicKey publicKeyOf(byte[] point) throws Exception {
        if (point.length != 65 || point[0] != 0x04) {
            throw new AssertionError("not an uncompressed P-256 point: " + point.length + " bytes");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w,
                parameters.getParameterSpec(ECParameterSpec.class)));
    }

    static byte[] point(ECPublicKey key) {
        return VapidKeyPair.uncompressedPoint(key);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
