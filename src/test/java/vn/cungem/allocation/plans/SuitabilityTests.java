package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.SchoolLevel;
import vn.cungem.campaign.ItemType;

class SuitabilityTests {

    @Test
    void memoryWrittenInTheDescriptionDecidesTheClass() {
        assertThat(Suitability.of(ItemType.LAPTOP, "Dell Latitude 5490, RAM 8GB"))
                .isEqualTo(SchoolLevel.UPPER_SECONDARY);
        assertThat(Suitability.of(ItemType.TABLET, "Galaxy Tab A7, 3 GB RAM")).isEqualTo(SchoolLevel.LOWER_SECONDARY);
        assertThat(Suitability.of(ItemType.SMARTPHONE, "ram: 1gb")).isEqualTo(SchoolLevel.PRIMARY);
        assertThat(Suitability.of(ItemType.SMARTPHONE, "Redmi 9A")).isEqualTo(SchoolLevel.UPPER_SECONDARY);
        assertThat(Suitability.of(ItemType.LAPTOP, null)).isEqualTo(SchoolLevel.UPPER_SECONDARY);
        assertThat(Suitability.of(ItemType.SIM_4G, "RAM 1GB")).isEqualTo(SchoolLevel.UPPER_SECONDARY);
    }

    @Test
    void gradesMapToLevelsAndTypesToKinds() {
        assertThat(Suitability.level(1)).isEqualTo(SchoolLevel.PRIMARY);
        assertThat(Suitability.level(5)).isEqualTo(SchoolLevel.PRIMARY);
        assertThat(Suitability.level(6)).isEqualTo(SchoolLevel.LOWER_SECONDARY);
        assertThat(Suitability.level(9)).isEqualTo(SchoolLevel.LOWER_SECONDARY);
        assertThat(Suitability.level(10)).isEqualTo(SchoolLevel.UPPER_SECONDARY);
        for (ItemType t : new ItemType[] {
            ItemType.LAPTOP,
            ItemType.DESKTOP_SET,
            ItemType.TABLET,
            ItemType.SMARTPHONE,
            ItemType.SIM_4G,
            ItemType.WIFI_DEVICE
        }) {
            assertThat(Suitability.kind(t).name()).isEqualTo(t.name());
        }
        assertThat(Suitability.kind(ItemType.TABLET)).isEqualTo(ItemKind.TABLET);
    }
}
