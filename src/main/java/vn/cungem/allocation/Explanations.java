package vn.cungem.allocation;

import java.text.NumberFormat;
import java.util.Locale;
import vn.cungem.allocation.engine.Why;
import vn.cungem.shared.text.Bundles;

/**
 * Words a decision of the engine for people, from the {@code i18n/allocation} bundle: "Xếp thứ 1.204 trong huyện; hết
 * máy tính bảng phù hợp…". Numbers are grouped the reader's way (1.204 in Vietnamese, 1,204 in English).
 */
public final class Explanations {

    private static final String WHY = "allocation.why.";
    private static final String KIND = "allocation.kind.";
    private static final String DISTANCE = "allocation.distance.";
    private static final String LEVEL = "allocation.level.";

    private Explanations() {}

    public static String text(Why why, Locale locale) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        return Bundles.text(
                WHY + why.reason().name(),
                locale,
                numbers.format(why.rank()),
                why.kind() == null ? "" : Bundles.text(KIND + why.kind().name(), locale),
                why.distance() == null
                        ? ""
                        : Bundles.text(DISTANCE + why.distance().name(), locale),
                why.missed() == null ? "" : Bundles.text(KIND + why.missed().name(), locale),
                Long.toString(why.relatedStudentId()),
                numbers.format(why.poolDevices()),
                why.level() == null ? "" : Bundles.text(LEVEL + why.level().name(), locale));
    }
}
