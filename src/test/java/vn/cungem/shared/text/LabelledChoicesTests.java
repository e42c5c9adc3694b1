package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.ItemType;
import vn.cungem.organisation.SchoolLevel;

/** Every choice people pick by name has that name in both bundles, so no page shows a missing-message error. */
class LabelledChoicesTests {

    @Test
    void everyLabelledConstantIsNamedInVietnameseAndEnglish() {
        List<String> missing = new ArrayList<>();
        List<Class<?>> enums = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.cungem").stream()
                        .filter(JavaClass::isEnum)
                        .filter(c -> c.isAssignableTo(Labelled.class))
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();
        assertThat(enums).contains(SchoolLevel.class, ItemType.class, CampaignStatus.class);
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                try {
                    Labelled.Label label = ((Labelled) constant).label();
                    if (label.vi().isBlank() || label.en().isBlank()) {
                        missing.add(type.getSimpleName() + "." + constant);
                    }
                } catch (RuntimeException e) {
                    missing.add(type.getSimpleName() + "." + constant + ": " + e.getMessage());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theNamesComeFromTheBundlesUnderTheEnumsKey() {
        assertThat(SchoolLevel.LOWER_SECONDARY.nameVi()).isEqualTo("Trung học cơ sở");
        assertThat(SchoolLevel.LOWER_SECONDARY.nameEn()).isEqualTo("Lower secondary");
        assertThat(ItemType.DESKTOP_SET.labelKey()).isEqualTo("label.ItemType.DESKTOP_SET");
        assertThat(ItemType.DESKTOP_SET.nameEn()).isEqualTo("Desktop computer set");
        assertThat(CampaignStatus.CLOSED.nameVi()).isEqualTo("Đã kết thúc");
    }
}
