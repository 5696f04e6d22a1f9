package io.cityops.dashboards.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens the server accepts. Tokens are kept only as SHA-256 digests, so a lookup does
 * not compare secrets character by character and a heap dump does not reveal them.
 */
public final class TokenRegistry {
    private final Map<String, Principal> byDigest = new HashMap<>();

    public TokenRegistry(Map<String, Principal> tokens) {
        tokens.forEach((token, principal) -> byDigest.put(digest(token), principal));
    }

    /** The principal holding this token, if it is one of ours. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(digest(token.trim())));
    }

    public int size() {
        return byDigest.size();
    }

    private static String digest(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
