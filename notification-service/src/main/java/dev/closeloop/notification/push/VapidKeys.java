package dev.closeloop.notification.push;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;

/**
 * A VAPID key pair in the form browsers and the {@code web-push} tools use: the public key as the 65-byte
 * uncompressed P-256 point, the private key as the 32-byte scalar, both base64url.
 */
public final class VapidKeys {

    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;

    private VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Reads a pair and checks that the two keys belong together (a signature by one verifies with the other).
     *
     * @throws IllegalArgumentException naming what is wrong with which key
     */
    public static VapidKeys parse(String publicKeyBase64Url, String privateKeyBase64Url) {
        byte[] point = Base64Url.decode(publicKeyBase64Url, "the VAPID public key");
        byte[] scalar = Base64Url.decode(privateKeyBase64Url, "the VAPID private key");
        if (scalar.length != 32) {
            throw new IllegalArgumentException("the VAPID private key must be 32 bytes (base64url), got "
                    + scalar.length);
        }
        try {
            ECParameterSpec p256 = p256();
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(uncompressedPoint(point, "the VAPID public key"), p256));
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), p256));
            VapidKeys keys = new VapidKeys(publicKey, privateKey);
            if (!keys.belongTogether()) {
                throw new IllegalArgumentException("the VAPID public and private keys are not one pair");
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the VAPID keys are not P-256 keys: " + e.getMessage(), e);
        }
    }

    /** The point as JDK key material; it must be a 65-byte uncompressed P-256 point (0x04 ‖ X ‖ Y). */
    static ECPoint uncompressedPoint(byte[] point, String what) {
        if (point.length != 65 || point[0] != 0x04) {
            throw new IllegalArgumentException(what + " must be a 65-byte uncompressed P-256 point (base64url), got "
                    + point.length + " bytes");
        }
        return new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    }

    static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private boolean belongTogether() throws GeneralSecurityException {
        byte[] probe = "closeloop-vapid-pair-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    /** The pair as the web push library signs VAPID tokens with. */
    public VAPIDKeyPair toKeyPair() {
        return VAPIDKeyPairs.of(PrivateKeySources.ofECPrivateKey(privateKey),
                PublicKeySources.ofECPublicKey(publicKey));
    }
}
