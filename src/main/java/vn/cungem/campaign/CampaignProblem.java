package vn.cungem.campaign;

import vn.cungem.shared.text.Bundles;

/** One broken rule, named by the form field it concerns, with the message in Vietnamese and English. */
public record CampaignProblem(String field, String messageVi, String messageEn) {

    /** The problem with {@code field}, worded by the bundles' {@code key} in both languages. */
    public static CampaignProblem of(String field, String key, Object... args) {
        return new CampaignProblem(field, Bundles.vi(key, args), Bundles.en(key, args));
    }
}
