package vn.cungem.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.Distance;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.Reason;
import vn.cungem.allocation.engine.SchoolLevel;
import vn.cungem.allocation.engine.Why;
import vn.cungem.shared.text.Bundles;

class ExplanationsTests {

    @Test
    void wordsAFallbackWithTheRankGroupedTheReadersWay() {
        Why why = new Why(
                Reason.SERVED_FALLBACK,
                5,
                1204,
                ItemKind.SMARTPHONE,
                Distance.SAME_COMMUNE,
                ItemKind.TABLET,
                SchoolLevel.PRIMARY,
                0,
                0);
        assertThat(Explanations.text(why, Bundles.VIETNAMESE))
                .isEqualTo("Xếp thứ 1.204 trong huyện; hết máy tính bảng phù hợp nên nhận điện thoại thông minh ở cùng"
                        + " xã, phường.");
        assertThat(Explanations.text(why, Locale.ENGLISH))
                .isEqualTo("Ranked 1,204 in the district; no suitable tablet left, so receives a smartphone from the"
                        + " same commune.");
    }

    @Test
    void wordsEveryReasonInBothLanguagesWithoutPlaceholdersLeft() {
        for (Reason reason : Reason.values()) {
            Why why = new Why(
                    reason,
                    5,
                    3,
                    ItemKind.LAPTOP,
                    Distance.SAME_SCHOOL,
                    ItemKind.LAPTOP,
                    SchoolLevel.UPPER_SECONDARY,
                    12,
                    40);
            for (Locale locale : new Locale[] {Bundles.VIETNAMESE, Locale.ENGLISH}) {
                assertThat(Explanations.text(why, locale))
                        .as("%s %s", reason, locale)
                        .doesNotContain("{")
                        .isNotBlank();
            }
        }
        assertThat(Explanations.text(
                        new Why(Reason.QUOTA_USED_UP, 5, 7, null, null, null, null, 0, 1500), Bundles.VIETNAMESE))
                .isEqualTo("Xếp thứ 7 trong huyện; hạn mức 1.500 thiết bị của huyện đã dành cho các em xếp trên.");
    }
}
