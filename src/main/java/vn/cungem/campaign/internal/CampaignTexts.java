package vn.cungem.campaign.internal;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.shared.text.Bundles;

/**
 * Campaign's messages from its bundles (i18n/campaign*.properties) in both languages at once: a problem or refusal
 * carries Vietnamese and English, and the page or API picks the reader's. A thin door to {@link Bundles}, so there is
 * one way to word a message.
 */
@Component
public class CampaignTexts {

    public static final Locale VIETNAMESE = Bundles.VIETNAMESE;

    /** Arguments are formatted only when there are any, so a message without them keeps its apostrophes as written. */
    public String text(String key, Locale locale, Object... args) {
        return Bundles.text(key, locale, args);
    }

    public String vi(String key, Object... args) {
        return Bundles.vi(key, args);
    }

    public String en(String key, Object... args) {
        return Bundles.en(key, args);
    }

    public CampaignProblem problem(String field, String key, Object... args) {
        return CampaignProblem.of(field, key, args);
    }
}
