package vn.cungem.student.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The student's home ward is found by the name people say, with or without "Phường", when that name is unique. */
@IntegrationTest
class HomeWardByNameIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    SchoolsAndUnits units;

    @Test
    void findsTheWardWithoutItsPrefix() {
        String name = TestFixtures.unique("Linh Xuân ");
        long city = fixtures.unit(TestFixtures.unique("Thành phố Thủ Đức "), "district", null);
        long ward = fixtures.unit("Phường " + name, "commune", city);

        assertThat(units.communeByCodeOrName(name)).contains(ward);
        assertThat(units.communeByCodeOrName("phuong " + name.toLowerCase())).contains(ward);
        assertThat(units.communeByCodeOrName("Xã " + name)).contains(ward);
    }

    @Test
    void refusesAShortNameThatFitsTwoUnits() {
        String name = TestFixtures.unique("Tân Phú ");
        long district = fixtures.unit(TestFixtures.unique("Huyện Đồng Phú "), "district", null);
        long ward = fixtures.unit("Phường " + name, "commune", district);
        long commune = fixtures.unit("Xã " + name, "commune", district);

        assertThat(units.communeByCodeOrName(name)).isEmpty();
        // the full name still says which one
        assertThat(units.communeByCodeOrName("Phường " + name)).contains(ward);
        assertThat(units.communeByCodeOrName("Xã " + name)).contains(commune);
    }
}
