package vn.cungem.student.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest of texts added one after another (each followed by a separator, so "ab"+"c" is not "a"+"bc"): what
 * a preview checked against, kept with the import so the commit can tell whether it is still the same.
 */
final class CheckDigest {

    private final MessageDigest sha;

    CheckDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    CheckDigest add(Object value) {
        sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    static String of(String text) {
        return new CheckDigest().add(text).hex();
    }
}
