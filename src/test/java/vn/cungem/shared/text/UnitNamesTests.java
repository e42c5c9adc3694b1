package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitNamesTests {

    @Test
    void dropsTheWardOrCommunePrefixWhateverTheDiacritics() {
        assertThat(UnitNames.bareCommuneName("Phường Linh Xuân")).isEqualTo("linh xuan");
        assertThat(UnitNames.bareCommuneName("xa Minh Hoa")).isEqualTo("minh hoa");
        assertThat(UnitNames.bareCommuneName("Thị trấn  Châu Thành")).isEqualTo("chau thanh");
        assertThat(UnitNames.bareCommuneName("Đặc khu Phú Quốc")).isEqualTo("phu quoc");
    }

    @Test
    void keepsANameWithoutPrefixAndAPrefixAlone() {
        assertThat(UnitNames.bareCommuneName("Linh Xuân")).isEqualTo("linh xuan");
        assertThat(UnitNames.bareCommuneName("Phường")).isEqualTo("phuong");
        // "Xuân" starts like "xa" but is not the prefix "xa "
        assertThat(UnitNames.bareCommuneName("Xuân Lộc")).isEqualTo("xuan loc");
    }

    @Test
    void variantsCoverEveryPrefixOfTheBareName() {
        assertThat(UnitNames.communeNameVariants("Linh Xuân"))
                .containsExactly(
                        "linh xuan", "phuong linh xuan", "xa linh xuan", "thi tran linh xuan", "dac khu linh xuan");
        assertThat(UnitNames.communeNameVariants("Phường Linh Xuân")).contains("xa linh xuan", "linh xuan");
        assertThat(UnitNames.communeNameVariants("  ")).isEmpty();
    }
}
