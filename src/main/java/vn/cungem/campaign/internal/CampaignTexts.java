package vn.cungem.campaign.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.CampaignProblem;

/**
 * Campaign's messages from its bundles (i18n/campaign*.properties) in both languages at once: a problem or refusal
 * carries Vietnamese and English, and the page or API picks the reader's.
 */
@Component
public class CampaignTexts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    CampaignTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Arguments are formatted only when there are any, so a message without them keeps its apostrophes as written. */
    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    public String vi(String key, Object... args) {
        return text(key, VIETNAMESE, args);
    }

    public String en(String key, Object... args) {
        return text(key, Locale.ENGLISH, args);
    }

    public CampaignProblem problem(String field, String key, Object... args) {
        return new CampaignProblem(field, vi(key, args), en(key, args));
    }
}
