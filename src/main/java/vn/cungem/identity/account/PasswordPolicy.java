package vn.cungem.identity.account;

import java.util.Locale;
import java.util.Set;
import vn.cungem.shared.InvalidValueException;

/**
 * What a password must be: at least 12 characters, not the account's email (or its name part), not one of the
 * passwords every attacker tries first. Length beats composition rules, so there are none of those (NIST SP 800-63B).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    // Lists of leaked passwords put these at the top; Vietnamese ones included because our users type them.
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "1234567890123",
            "12345678910",
            "111111111111",
            "000000000000",
            "123123123123",
            "abc123456789",
            "qwertyuiop12",
            "qwertyuiopas",
            "qwerty123456",
            "password1234",
            "password12345",
            "passwordpassword",
            "iloveyou1234",
            "admin1234567",
            "administrator",
            "letmein12345",
            "welcome12345",
            "changeme1234",
            "matkhau12345",
            "matkhau123456",
            "matkhaucuatoi",
            "anhyeuem1234",
            "anhyeuem123456",
            "emyeuanh1234",
            "vietnam12345",
            "vietnam123456",
            "hanoi1234567",
            "saigon123456",
            "cungem123456",
            "cungem2021cungem",
            "1q2w3e4r5t6y",
            "zaq12wsxcde3",
            "aaaaaaaaaaaa");

    private PasswordPolicy() {}

    /** Throws with a message in both languages when the password may not be used for this email. */
    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refused("password-too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw refused("password-too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT).trim();
        if (email != null && !email.isBlank()) {
            String mail = email.toLowerCase(Locale.ROOT).trim();
            int at = mail.indexOf('@');
            String local = at > 0 ? mail.substring(0, at) : mail;
            if (lower.equals(mail) || lower.equals(local) || lower.contains(mail)) {
                throw refused("password-is-email");
            }
        }
        if (COMMON.contains(lower) || isOneRepeatedCharacter(lower)) {
            throw refused("password-common");
        }
    }

    /** The refusal {@code code}, worded like identity's other errors by {@code account.error.<code>}. */
    private static InvalidValueException refused(String code, Object... args) {
        return InvalidValueException.of(code, "account.error." + code, args);
    }

    private static boolean isOneRepeatedCharacter(String password) {
        return password.chars().distinct().count() == 1;
    }
}
