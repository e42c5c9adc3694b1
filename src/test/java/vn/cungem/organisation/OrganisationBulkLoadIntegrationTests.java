package vn.cungem.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.cungem.organisation.OrganisationBulkLoad.Loaded;
import vn.cungem.organisation.OrganisationBulkLoad.PartnerLine;
import vn.cungem.organisation.OrganisationBulkLoad.SchoolLine;
import vn.cungem.organisation.OrganisationBulkLoad.UnitLine;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
@RecordApplicationEvents
class OrganisationBulkLoadIntegrationTests {

    @Autowired
    OrganisationBulkLoad bulk;

    @Autowired
    UnitDirectory units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void loadsUnitsWithTheirClosureAndSchoolsAndLeavesTheAuditEntryToTheCaller() {
        String p = TestFixtures.unique("B");
        Loaded[] loaded = new Loaded[1];
        Callers.asSystem(() -> loaded[0] = bulk.load(
                List.of(
                        new UnitLine(p, "Tỉnh  Thử", "province", null),
                        new UnitLine(p + "-1", "Huyện Thử", "district", p),
                        new UnitLine(p + "-1-1", "Xã Thử", "commune", p + "-1")),
                List.of(new SchoolLine(
                        p + "S", "Trường Tiểu học Thử", SchoolLevel.PRIMARY, Ownership.PUBLIC, p + "-1-1", null))));

        assertThat(loaded[0].schools()).isEqualTo(1);
        long commune = loaded[0].unitIds().get(p + "-1-1");
        assertThat(units.breadcrumb(commune, vn.cungem.shared.security.Caller.SYSTEM))
                .extracting(Crumb::name)
                .containsSubsequence("Tỉnh Thử", "Huyện Thử", "Xã Thử");
        assertThat(jdbc.sql("select count(*) from unit_closure where descendant_id = ?")
                        .param(commune)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(bulk.schoolIds(List.of(p + "S", p + "none"))).containsOnlyKeys(p + "S");
        assertThat(bulk.existingUnitCodes(List.of(p, p + "-9"))).containsExactly(p);
        assertThat(events.stream(vn.cungem.shared.audit.DomainChange.class)).isEmpty();
    }

    @Test
    void aMissingParentStopsTheWholeLoadWithTheCodeNamed() {
        String p = TestFixtures.unique("B");
        assertThatThrownBy(() -> Callers.asSystem(() -> bulk.load(
                        List.of(
                                new UnitLine(p, "Tỉnh Thử", "province", null),
                                new UnitLine(p + "-1", "Xã", "commune", "KHONG-CO")),
                        List.of())))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("unit.parent.missing");
                    assertThat(e.messageVi()).isEqualTo("Không tìm thấy đơn vị cha có mã KHONG-CO.");
                    assertThat(e.messageEn()).isEqualTo("No parent unit with code KHONG-CO.");
                });
        assertThat(bulk.existingUnitCodes(List.of(p))).isEmpty();
    }

    @Test
    void onlyWorkRunningAsTheSystemMayLoad() {
        String p = TestFixtures.unique("B");
        assertThatThrownBy(() -> bulk.load(List.of(new UnitLine(p, "Tỉnh Thử", "province", null)), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> bulk.insertPartners(List.of(new PartnerLine("Đối tác", PartnerKind.BUSINESS, 1, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(bulk.existingUnitCodes(List.of(p))).isEmpty();
    }
}
