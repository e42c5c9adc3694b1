package vn.cungem.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets for links and API tokens. Only {@link #hash(String)} is stored: the token has 256 bits of entropy, so
 * a fast unsalted SHA-256 is enough (no dictionary to attack) and lets us look a token up by its hash.
 */
public final class SecretTokens {

    public static final String API_TOKEN_PREFIX = "ce_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private SecretTokens() {}

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newApiToken() {
        return API_TOKEN_PREFIX + newToken();
    }

    /** A password people can type from a console: no look-alike characters (0/O, 1/l/I). */
    public static String newPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: 64 characters, the column width. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** What lists show so a person can tell tokens apart without the secret: "ce_" plus six characters. */
    public static String displayPrefix(String apiToken) {
        return apiToken.substring(0, Math.min(apiToken.length(), API_TOKEN_PREFIX.length() + 6));
    }
}
