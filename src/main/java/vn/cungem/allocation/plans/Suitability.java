package vn.cungem.allocation.plans;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.SchoolLevel;
import vn.cungem.campaign.ItemType;

/**
 * The engine's words for inventory's items and student's grades. An item's suitability class is read from its
 * description, the only specifications inventory keeps: a memory size written there ("4GB RAM", "RAM 2 GB") decides
 * (under 2 GB: primary only; under 4 GB: up to lower-secondary; more: every level); without one the item is taken to
 * suit every level, and the kind preferred per level does the rest (a laptop before a smartphone for upper-secondary).
 */
final class Suitability {

    private static final Pattern RAM =
            Pattern.compile("(?i)(?:ram\\s*:?\\s*(\\d{1,3})\\s*gb?)|(?:(\\d{1,3})\\s*gb?\\s*ram)");

    private Suitability() {}

    static ItemKind kind(ItemType type) {
        return ItemKind.valueOf(type.name());
    }

    static SchoolLevel of(ItemType type, String description) {
        if (!type.isDevice() || description == null) {
            return SchoolLevel.UPPER_SECONDARY;
        }
        Matcher m = RAM.matcher(description);
        if (!m.find()) {
            return SchoolLevel.UPPER_SECONDARY;
        }
        int gb = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        return gb < 2 ? SchoolLevel.PRIMARY : gb < 4 ? SchoolLevel.LOWER_SECONDARY : SchoolLevel.UPPER_SECONDARY;
    }

    /** Grades 1–5 primary, 6–9 lower-secondary, 10–12 upper-secondary (Luật Giáo dục 2019, art. 28). */
    static SchoolLevel level(int grade) {
        return grade <= 5
                ? SchoolLevel.PRIMARY
                : grade <= 9 ? SchoolLevel.LOWER_SECONDARY : SchoolLevel.UPPER_SECONDARY;
    }
}
