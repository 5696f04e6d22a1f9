package io.cityops.opscenter.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the format Mosquitto 2 writes with {@code mosquitto_passwd}: {@code
 * $7$<iterations>$<Base64 salt>$<Base64 PBKDF2-HMAC-SHA512>}, 12-byte salt, 101 iterations (its
 * default), so the generated file loads without running {@code mosquitto_passwd -U}.
 */
public final class MosquittoPasswordHash {
    static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPasswordHash() {}

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    static String hash(String password, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "$7$"
                + iterations
                + "$"
                + b64.encodeToString(salt)
                + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Whether a {@code $7$} hash is of this password. */
    public static boolean verify(String password, String hash) {
        String[] parts = hash.split("\\$");
        if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
            throw new IllegalArgumentException("not a Mosquitto $7$ hash: " + hash);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[4]);
        byte[] actual = pbkdf2(password, b64.decode(parts[3]), Integer.parseInt(parts[2]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        // PBEKeySpec encodes the characters as UTF-8, as mosquitto_passwd hashes the bytes typed.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "PBKDF2WithHmacSHA512 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
