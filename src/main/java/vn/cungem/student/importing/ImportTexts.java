package vn.cungem.student.importing;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The import's texts for people, from the message bundles in both languages: a row's reasons and an import's failure
 * are stored in Vietnamese and English, and the page shows the one of the reader. Arguments are passed as text, so a
 * row number is never grouped ("dòng 1.234").
 */
@Component
class ImportTexts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ImportTexts(MessageSource messages) {
        this.messages = messages;
    }

    String vi(String key, Object... args) {
        return text(key, args, VIETNAMESE);
    }

    String en(String key, Object... args) {
        return text(key, args, Locale.ENGLISH);
    }

    /** The text for a reader of this locale: English when asked for, else Vietnamese. */
    String in(Locale locale, String key, Object... args) {
        return "en".equals(locale.getLanguage()) ? en(key, args) : vi(key, args);
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }
}
