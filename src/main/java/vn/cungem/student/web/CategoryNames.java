package vn.cungem.student.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.PriorityCategory;

/** A campaign's priority categories by code, named in the reader's language (Vietnamese where no English is given). */
final class CategoryNames {

    private CategoryNames() {}

    static Map<String, String> of(Campaign campaign, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (PriorityCategory c : campaign.spec().categories()) {
            names.put(c.code(), english && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.nameVi());
        }
        return names;
    }
}
