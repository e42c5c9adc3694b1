package vn.cungem.campaign;

import vn.cungem.shared.text.VietnameseText;

/** A spec as it is saved: tidied text, sets in a fixed order, English falling back to the Vietnamese. */
final class NormalisedSpec {

    private NormalisedSpec() {}

    /** Tidied text, sets in a fixed order, so that a retried request compares equal to what it saved. */
    static CampaignSpec of(CampaignSpec s) {
        return new CampaignSpec(
                s.code() == null ? null : s.code().trim().toUpperCase(java.util.Locale.ROOT),
                VietnameseText.tidy(s.name()),
                blankToNull(s.description() == null ? null : s.description().strip()),
                s.organisingUnitId(),
                s.participatingUnitIds().stream().distinct().sorted().toList(),
                s.eligibleLevels().stream().distinct().sorted().toList(),
                s.itemTypes().stream().distinct().sorted().toList(),
                s.phases().stream()
                        .map(p -> new Phase(
                                VietnameseText.tidy(p.name()),
                                p.startsOn(),
                                p.endsOn(),
                                p.targetDevices(),
                                p.targetStudents(),
                                p.targetCashVnd()))
                        .toList(),
                s.categories().stream()
                        .map(c -> new PriorityCategory(
                                c.code() == null ? null : c.code().trim().toUpperCase(java.util.Locale.ROOT),
                                VietnameseText.tidy(c.nameVi()),
                                orElse(VietnameseText.tidy(c.nameEn()), VietnameseText.tidy(c.nameVi())),
                                c.weight()))
                        .toList(),
                s.requirements().stream()
                        .map(r -> new DeviceRequirement(
                                r.itemType(),
                                VietnameseText.tidy(r.textVi()),
                                orElse(VietnameseText.tidy(r.textEn()), VietnameseText.tidy(r.textVi()))))
                        .toList(),
                s.milestones().stream()
                        .map(m -> new Milestone(m.startsOn(), m.endsOn(), VietnameseText.tidy(m.title())))
                        .toList());
    }

    /** English text is optional on forms; the Vietnamese stands in for it rather than leaving English readers blank. */
    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
