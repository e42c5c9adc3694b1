package vn.cungem.identity.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.cungem.shared.text.NameShape;
import vn.cungem.shared.text.VietnameseText;

/** What people type into account forms, tidied and checked, or refused with a message in both languages. */
@Component
class AccountInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final IdentityText text;

    AccountInput(IdentityText text) {
        this.text = text;
    }

    /** Whether it looks like an email at all, for the forms that must not say why they do nothing. */
    static boolean looksLikeEmail(String raw) {
        return raw != null && EMAIL.matcher(raw.trim()).matches();
    }

    String email(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw text.invalid("email-invalid");
        }
        return email;
    }

    String name(String raw) {
        String name = VietnameseText.tidy(raw);
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw text.invalid("name-required");
        }
        return name;
    }

    /** A donor's own name as typed in the public sign-up: name-shaped, since anyone may type anything there. */
    String personName(String raw) {
        if (!NameShape.isPersonName(raw)) {
            throw text.invalid("name-not-a-name", String.valueOf(NameShape.MAX_PERSON_NAME));
        }
        return VietnameseText.tidy(raw);
    }

    /** The reason for a change, or null when none was given. */
    String reason(String raw) {
        String tidy = VietnameseText.tidy(raw);
        if (tidy == null || tidy.isEmpty()) {
            return null;
        }
        if (tidy.length() > 500) {
            throw text.invalid("reason-too-long");
        }
        return tidy;
    }
}
