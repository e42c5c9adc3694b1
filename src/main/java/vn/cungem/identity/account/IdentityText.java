package vn.cungem.identity.account;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/**
 * Identity's words for people, from {@code i18n/identity*.properties}. Errors and mails carry both languages, because
 * they are made before anyone knows which one the reader will see.
 */
@Component
public class IdentityText {

    private final MessageSource messages;

    IdentityText(MessageSource messages) {
        this.messages = messages;
    }

    String vi(String key, Object... args) {
        return messages.getMessage(key, args, VietnameseText.VIETNAMESE);
    }

    String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** The error {@code code}, worded by {@code account.error.<code>}. */
    public InvalidValueException invalid(String code, Object... args) {
        return invalidAs(code, "account.error." + code, args);
    }

    /** The error {@code code} worded by another key, where one code has more than one cause. */
    public InvalidValueException invalidAs(String code, String key, Object... args) {
        return new InvalidValueException(code, vi(key, args), en(key, args));
    }

    /** A role as it reads inside a sentence ("… với vai trò cán bộ nhà trường"), resolved in each language. */
    static MessageSourceResolvable roleInSentence(Role role) {
        return new DefaultMessageSourceResolvable("role.inSentence." + role.name());
    }

    /** What the role's scope is called: a unit, a school, a volunteer team or a partner organisation. */
    static MessageSourceResolvable scopeWord(Role role) {
        return new DefaultMessageSourceResolvable("scope.word." + role.name());
    }
}
