package io.cityops.opscenter.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every MQTT account's password, derived from one province secret with HMAC-SHA256 over the user
 * name: each device, field unit and service gets its own password, and nobody has to keep a
 * password file in step with the city model. Whoever holds the secret can compute any password, so
 * the secret is kept like a private key.
 */
public final class MqttCredentials {
    private static final String ALGORITHM = "HmacSHA256";
    // A context label, so the same secret used for anything else never yields these passwords.
    private static final String CONTEXT = "cityops/mqtt-password/v1/";

    private final SecretKeySpec key;

    public MqttCredentials(byte[] provinceSecret) {
        if (provinceSecret.length < 16) {
            throw new IllegalArgumentException(
                    "the province secret must be at least 16 bytes, not " + provinceSecret.length);
        }
        this.key = new SecretKeySpec(provinceSecret.clone(), ALGORITHM);
    }

    /** The password of the account with this user name (43 URL-safe Base64 characters). */
    public String passwordFor(String username) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((CONTEXT + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the password is this user's; the comparison takes the same time either way. */
    public boolean matches(String username, byte[] password) {
        byte[] expected = passwordFor(username).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, password);
    }
}
