package vn.cungem.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
@RecordApplicationEvents
class UnitDirectoryIntegrationTests {

    @Autowired
    UnitDirectory units;

    @Autowired
    SchoolDirectory schools;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    final Caller system = Caller.SYSTEM;

    @BeforeEach
    void levels() {
        fixtures.ensureLevels();
    }

    static String code() {
        return TestFixtures.unique("");
    }

    Unit create(String name, String level, Long parentId) {
        return units.createUnit(new NewUnit(code(), name, level, parentId), system)
                .value();
    }

    @Test
    void createsAUnitWithItsClosureRowsAndAnAuditEvent() {
        Unit province = create("Tỉnh Kiên Giang", "province", null);
        Unit district = create("Huyện Phú Quốc", "district", province.id());

        assertThat(depth(province.id(), district.id())).isEqualTo(1);
        assertThat(depth(district.id(), district.id())).isZero();
        assertThat(events.stream(DomainChange.class)
                        .filter(e -> e.entityType().equals("AdministrativeUnit")
                                && e.entityId().equals(String.valueOf(district.id()))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("CREATED");
                    assertThat(e.after()).containsEntry("name", "Huyện Phú Quốc");
                });
    }

    @Test
    void retryingTheSameCreateReturnsTheExistingUnitAndADifferentOneIsAConflict() {
        Unit province = create("Tỉnh Bình Dương", "province", null);
        String code = code();
        Created<Unit> first = units.createUnit(new NewUnit(code, "Huyện Phú Giáo", "district", province.id()), system);
        Created<Unit> again = units.createUnit(new NewUnit(code, "Huyện Phú Giáo", "district", province.id()), system);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThatThrownBy(() -> units.createUnit(new NewUnit(code, "Huyện Khác", "district", province.id()), system))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(code);
    }

    @Test
    void refusesAChildWhoseLevelDoesNotRankBelowItsParent() {
        Unit district = create("Quận 1", "district", null);
        assertThatThrownBy(() -> create("Tỉnh X", "province", district.id()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("unit.level.rank");
    }

    @Test
    void movingAUnitRewritesTheClosureOfItsWholeSubtreeAndKeepsItsId() {
        Unit oldProvince = create("Tỉnh Cũ", "province", null);
        Unit newProvince = create("Tỉnh Mới", "province", null);
        Unit district = create("Huyện Giữa", "district", oldProvince.id());
        Unit commune = create("Xã Cuối", "commune", district.id());

        Unit moved = units.move(district.id(), newProvince.id(), "Sáp nhập 2025", system);

        assertThat(moved.id()).isEqualTo(district.id());
        assertThat(moved.parentId()).isEqualTo(newProvince.id());
        assertThat(depth(newProvince.id(), commune.id())).isEqualTo(2);
        assertThat(depth(newProvince.id(), district.id())).isEqualTo(1);
        assertThat(depth(oldProvince.id(), commune.id())).isNull();
        assertThat(depth(district.id(), commune.id())).isEqualTo(1);
        assertThat(events.stream(DomainChange.class)
                        .filter(e -> e.action().equals("MOVED") && e.entityId().equals(String.valueOf(district.id()))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.before()).containsEntry("parentId", oldProvince.id());
                    assertThat(e.after()).containsEntry("parentId", newProvince.id());
                    assertThat(e.reason()).isEqualTo("Sáp nhập 2025");
                });
    }

    @Test
    void refusesMovingAUnitUnderItsOwnDescendantOrAnEqualRank() {
        Unit province = create("Tỉnh A", "province", null);
        Unit district = create("Huyện A", "district", province.id());
        Unit otherDistrict = create("Huyện B", "district", province.id());

        assertThatThrownBy(() -> units.move(district.id(), district.id(), null, system))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> units.move(district.id(), otherDistrict.id(), null, system))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rank below");
    }

    @Test
    void refusesToRetireAUnitWithActiveChildrenOrSchoolsThenRetiresItWhenEmpty() {
        Unit district = create("Huyện Nhà Bè", "district", null);
        Unit commune = create("Xã Phước Kiển", "commune", district.id());
        long school = fixtures.school("Trường Tiểu học Phước Kiển", commune.id());

        assertThatThrownBy(() -> units.retire(district.id(), null, null, system))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).messageVi()).contains("còn 1 đơn vị trực thuộc"));
        assertThatThrownBy(() -> units.retire(commune.id(), null, null, system))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("1 active schools");

        schools.retire(school, LocalDate.of(2025, 7, 1), "Sáp nhập trường", system);
        units.retire(commune.id(), LocalDate.of(2025, 7, 1), "Sáp nhập xã", system);
        Unit retired = units.retire(district.id(), LocalDate.of(2025, 7, 1), "Bỏ cấp huyện", system);

        assertThat(retired.retiredOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(units.find(district.id())).isPresent();
        assertThat(events.stream(DomainChange.class)
                        .filter(e ->
                                e.action().equals("RETIRED") && e.entityId().equals(String.valueOf(district.id()))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.before()).containsEntry("retiredOn", null);
                    assertThat(e.after()).containsEntry("retiredOn", "2025-07-01");
                    assertThat(e.reason()).isEqualTo("Bỏ cấp huyện");
                });
        assertThat(events.stream(DomainChange.class)
                        .filter(e ->
                                e.entityType().equals("School") && e.entityId().equals(String.valueOf(school))))
                .extracting(DomainChange::action)
                .containsExactly("RETIRED");
    }

    @Test
    void searchIgnoresDiacriticsAndFoldsDToD() {
        String marker = TestFixtures.unique("zq");
        Unit city = create("Thành phố Thủ Đức " + marker, "district", null);

        assertThat(units.search("thu duc " + marker, null, false, 0, system).items())
                .extracting(h -> h.unit().id())
                .containsExactly(city.id());
        assertThat(units.search("THỦ ĐỨC " + marker, null, false, 0, system).items())
                .hasSize(1);
        assertThat(units.search(city.code(), null, false, 0, system).items())
                .extracting(h -> h.unit().id())
                .containsExactly(city.id());
    }

    @Test
    void aManagerSeesOnlyTheirSubtreeAndChangesOnlyStrictlyBelowTheirUnit() {
        Unit province = create("Tỉnh C", "province", null);
        Unit districtA = create("Huyện A", "district", province.id());
        Unit districtB = create("Huyện B", "district", province.id());
        Unit communeA = create("Xã A", "commune", districtA.id());
        Caller manager = fixtures.manager(districtA.id()).caller();

        assertThat(units.get(communeA.id(), manager).name()).isEqualTo("Xã A");
        assertThatThrownBy(() -> units.get(districtB.id(), manager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.get(province.id(), manager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.rename(districtA.id(), "Huyện A mới", null, manager))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.move(communeA.id(), districtB.id(), null, manager))
                .isInstanceOf(NotFoundException.class);
        assertThat(units.rename(communeA.id(), "Xã A mới", "Nghị quyết", manager)
                        .name())
                .isEqualTo("Xã A mới");
        assertThat(units.search(null, null, false, 0, manager).items())
                .extracting(h -> h.unit().id())
                .containsExactly(districtA.id());
        assertThat(units.breadcrumb(communeA.id(), manager))
                .extracting(Crumb::visible)
                .containsExactly(false, true, true);
    }

    @Test
    void importsANationSizedListInOneTransactionQuickly() {
        // 6-digit run-unique prefix + 2 digits per level keeps codes within the 12 digits a unit code may have.
        String prefix = String.format("%06d", Long.parseLong(TestFixtures.unique("")) % 1_000_000);
        List<UnitRow> rows = new ArrayList<>();
        int row = 1;
        for (int p = 0; p < 63; p++) {
            String province = prefix + String.format("%02d", p);
            rows.add(new UnitRow(row++, province, "Tỉnh " + p, "province", null));
            for (int d = 0; d < 11; d++) {
                String district = province + String.format("%02d", d);
                rows.add(new UnitRow(row++, district, "Huyện " + p + "-" + d, "district", province));
                for (int c = 0; c < 16; c++) {
                    rows.add(new UnitRow(
                            row++,
                            district + String.format("%02d", c),
                            "Xã " + p + "-" + d + "-" + c,
                            "commune",
                            district));
                }
            }
        }
        long start = System.nanoTime();
        ImportReport report = units.importRows(rows, system);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.rejected()).isEmpty();
        assertThat(report.added()).hasSize(63 + 63 * 11 + 63 * 11 * 16);
        assertThat(millis)
                .as("import of %d units took %d ms", rows.size(), millis)
                .isLessThan(60_000);
        Long communesUnderFirstProvince = jdbc.sql(
                        "select count(*) from unit_closure c join administrative_unit p on p.id = c.ancestor_id"
                                + " where p.code = ? and c.depth = 2")
                .param(prefix + "00")
                .query(Long.class)
                .single();
        assertThat(communesUnderFirstProvince).isEqualTo(11 * 16);
    }

    @Test
    void seedsSchoolsInBulkAndSkipsCodesThatExist() {
        Unit commune = create("Xã Hàng Loạt", "commune", null);
        String prefix = "B" + TestFixtures.unique("");
        List<NewSchool> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new NewSchool(
                    prefix + "-" + i,
                    "Trường Tiểu học số " + i,
                    SchoolLevel.PRIMARY,
                    Ownership.PUBLIC,
                    commune.id(),
                    null));
        }

        assertThat(schools.importSchools(rows, system)).isEqualTo(300);
        assertThat(schools.importSchools(rows, system)).isZero();
        assertThat(schools.search("truong tieu hoc so 12", null, commune.id(), false, 0, system)
                        .total())
                .isEqualTo(11);
        assertThatThrownBy(() -> schools.importSchools(
                        List.of(new NewSchool("X" + prefix, "T", SchoolLevel.PRIMARY, Ownership.PUBLIC, -1, null)),
                        system))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyAdminsImport() {
        Unit district = create("Huyện D", "district", null);
        Caller manager = fixtures.manager(district.id()).caller();
        assertThatThrownBy(() -> units.importRows(List.of(), manager)).isInstanceOf(AccessDeniedException.class);
    }

    Integer depth(long ancestor, long descendant) {
        return jdbc.sql("select depth from unit_closure where ancestor_id = ? and descendant_id = ?")
                .params(ancestor, descendant)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
