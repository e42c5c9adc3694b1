package vn.cungem.shared.text;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's words for people, read from the message bundles ({@code src/main/resources/i18n}). Pages, mails
 * and errors all take them from here, in Vietnamese and in English, so a wording is changed in one file, and plain
 * Java rules (a value object, a check) can word an error without a Spring context. The Spring {@link MessageSource}
 * bean is this same source ({@code shared.config.MessageSourceConfig}).
 */
public final class Bundles {

    /** One bundle per module (or per large part of one); a key belongs to the bundle of the module that uses it. */
    public static final List<String> BASENAMES = List.of(
            "i18n/messages",
            "i18n/ux",
            "i18n/organisation",
            "i18n/identity",
            "i18n/campaign",
            "i18n/audit",
            "i18n/donation",
            "i18n/donation-cash",
            "i18n/donation-receiving",
            "i18n/donation-integrity",
            "i18n/inventory",
            "i18n/inventory-work",
            "i18n/inventory-places",
            "i18n/transparency",
            "i18n/student",
            "i18n/student-import",
            "i18n/student-values",
            "i18n/donation-banks",
            "i18n/allocation",
            "i18n/volunteer",
            "i18n/inventory-sims",
            "i18n/student-registry",
            "i18n/home",
            "i18n/handover",
            "i18n/followup");

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final ResourceBundleMessageSource MESSAGES = create();

    private Bundles() {}

    private static ResourceBundleMessageSource create() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(BASENAMES.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        // the base files are Vietnamese: a reader whose language has no file reads Vietnamese, whatever the JVM's
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    public static MessageSource messageSource() {
        return MESSAGES;
    }

    /**
     * The message {@code key} in {@code locale}. Arguments are formatted only when there are any ({@code MessageFormat}
     * then reads a single quote as an escape, so such messages write it {@code ''}); a message without arguments keeps
     * its apostrophes as written.
     */
    public static String text(String key, Locale locale, Object... args) {
        return MESSAGES.getMessage(key, args.length == 0 ? null : args, locale);
    }

    public static String vi(String key, Object... args) {
        return text(key, VIETNAMESE, args);
    }

    public static String en(String key, Object... args) {
        return text(key, Locale.ENGLISH, args);
    }
}
