package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Role;
import vn.cungem.student.RollUp;
import vn.cungem.student.Students;
import vn.cungem.student.internal.StudentTallies;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The kept counts equal the ones recomputed from the rows after every kind of change: imports (new and updated
 * students), proposals, decisions, returns and merges; and the check does notice counts that drifted.
 */
@IntegrationTest
class StudentTalliesIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudentImports imports;

    @Autowired
    Students students;

    @Autowired
    StudentTallies tallies;

    long province;
    long district;
    long commune;
    long schoolA;
    String codeA;
    long campaign;
    AccountDetails officer;
    AccountDetails manager;

    @BeforeEach
    void setUp() {
        ImportTestData data = new ImportTestData(jdbc);
        province = fixtures.unit("Tỉnh Đếm Sẵn", "province", null);
        district = fixtures.unit("Huyện Đếm Sẵn", "district", province);
        commune = fixtures.unit("Xã Đếm Sẵn", "commune", district);
        schoolA = fixtures.school("Trường Tiểu học Đếm Sẵn", commune);
        // a school that never sends its list: the roll-up keeps naming it
        fixtures.school("Trường Tiểu học Chưa Gửi", commune);
        codeA = data.schoolCode(schoolA);
        campaign = data.campaign(province);
        officer = fixtures.account(Role.SCHOOL_OFFICER, commune, schoolA, null);
        manager = fixtures.manager(province);
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new java.util.ArrayList<>();
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Minh Đức", "Võ Thị Em"};
        for (int i = 0; i < names.length; i++) {
            List<String> row = ImportTestData.row(names[i], "0" + (i + 1) + "/09/2013", "Nam", "", codeA);
            row.set(4, TestFixtures.unique("HS").replaceAll("[^A-Z0-9]", ""));
            rows.add(row);
        }
        rows.get(1).set(9, "Hộ nghèo; Khuyết tật");
        return rows;
    }

    private List<Long> ids() {
        return jdbc.sql("select id from student where campaign_id = ? and status <> 'MERGED' order by id")
                .param(campaign)
                .query(Long.class)
                .list();
    }

    private void countsAgree() {
        assertThat(tallies.differences(campaign)).isEmpty();
        RollUp rollUp = students.rollUp(campaign, commune, manager.caller());
        long fromRows = jdbc.sql("select count(*) from student where campaign_id = ? and status <> 'MERGED'")
                .param(campaign)
                .query(Long.class)
                .single();
        assertThat(rollUp.schools())
                .filteredOn(l -> l.id() == schoolA)
                .singleElement()
                .satisfies(l -> assertThat(l.total()).isEqualTo(fromRows));
        // a commune keeps no rows: the district's roll-up sums its schools'
        assertThat(students.rollUp(campaign, district, manager.caller()).units())
                .filteredOn(l -> l.id() == commune)
                .singleElement()
                .satisfies(l -> assertThat(l.total()).isEqualTo(fromRows));
        // the schools that have not sent their list, counted from the rows the way the roll-up did before V300
        long notSent =
                jdbc.sql("""
                        select count(*) from school sc
                        where sc.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)
                          and sc.retired_on is null and sc.school_level = 'PRIMARY'
                          and not exists (select 1 from student s where s.campaign_id = ? and s.school_id = sc.id
                                          and s.status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED'))""").params(province, campaign).query(Long.class).single();
        assertThat(students.rollUp(campaign, province, manager.caller()).notProposedTotal())
                .isEqualTo(notSent);
        assertThat(rollUp.notProposedTotal()).isEqualTo(notSent);
    }

    @Test
    void keptCountsEqualTheRowsAfterImportsDecisionsReturnsAndMerges() {
        List<List<String>> rows = rows();
        ImportJob first = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows), null, officer.caller());
        imports.commit(campaign, first.id(), officer.caller());
        countsAgree();
        assertThat(students.rollUp(campaign, province, manager.caller()).notProposedTotal())
                .isEqualTo(2);
        RollUp provinceView = students.rollUp(campaign, province, manager.caller());
        assertThat(provinceView.units())
                .singleElement()
                .satisfies(l -> assertThat(l.registered()).isEqualTo(5));

        // the second file changes one student's categories and adds one
        rows.get(0).set(9, "Khuyết tật");
        List<String> added = ImportTestData.row("Đỗ Gia Huy", "07/09/2013", "Nam", "", codeA);
        added.set(4, TestFixtures.unique("HS").replaceAll("[^A-Z0-9]", ""));
        rows.add(added);
        ImportJob second = imports.upload(campaign, "lop-sua.xlsx", ImportTestData.xlsx(rows), null, officer.caller());
        ImportJob committed = imports.commit(campaign, second.id(), officer.caller());
        assertThat(committed.inserted()).isEqualTo(1);
        assertThat(committed.updated()).isGreaterThanOrEqualTo(1);
        countsAgree();

        List<Long> ids = ids();
        students.merge(ids.get(0), ids.get(5), "hai lần", officer.caller());
        countsAgree();
        students.proposeSchool(campaign, schoolA, officer.caller());
        countsAgree();
        assertThat(students.rollUp(campaign, province, manager.caller()).notProposedTotal())
                .isEqualTo(1);
        assertThat(jdbc.sql("select schools from student_proposing_school_tally where campaign_id = ? and unit_id = ?")
                        .params(campaign, province)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        students.approve(ids.subList(0, 2), manager.caller());
        students.returnForCorrection(List.of(ids.get(2)), "sai ngày sinh", manager.caller());
        students.reject(List.of(ids.get(3)), "không thuộc diện", manager.caller());
        countsAgree();
        RollUp after = students.rollUp(campaign, province, manager.caller());
        assertThat(after.units()).singleElement().satisfies(l -> {
            assertThat(l.approved()).isEqualTo(2);
            assertThat(l.returned()).isEqualTo(1);
            assertThat(l.rejected()).isEqualTo(1);
            assertThat(l.proposed()).isEqualTo(1);
        });
        long khuyetTat =
                jdbc.sql("""
                        select students from student_tally where campaign_id = ? and place_kind = 'UNIT'
                         and place_id = ? and category = 'KHUYET_TAT' and status = 'APPROVED'""").params(campaign, province).query(Long.class).single();
        assertThat(khuyetTat).isEqualTo(2);
    }

    @Autowired
    vn.cungem.organisation.UnitDirectory units;

    /**
     * A commune moved to another district (organisation's move, as in the 2025 reorganisation) takes its students'
     * counts along in the same transaction, per status and category, with its school that has sent its list.
     */
    @Test
    void aCommuneMovedToAnotherDistrictTakesItsCountsAlong() {
        ImportJob job = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows()), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        students.proposeSchool(campaign, schoolA, officer.caller());
        students.approve(ids().subList(0, 2), manager.caller());
        long other = fixtures.unit("Huyện Nhận Về", "district", province);

        units.move(commune, other, "Sáp nhập đơn vị hành chính", manager.caller());

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(tallies.perStatus(campaign, "UNIT", district, null)).isEmpty();
        assertThat(tallies.perStatus(campaign, "UNIT", other, null))
                .containsEntry(vn.cungem.student.StudentStatus.APPROVED, 2L)
                .containsEntry(vn.cungem.student.StudentStatus.PROPOSED, 3L);
        assertThat(students.rollUp(campaign, other, manager.caller()).units())
                .filteredOn(l -> l.id() == commune)
                .singleElement()
                .satisfies(l -> assertThat(l.total()).isEqualTo(5));
        assertThat(jdbc.sql("select schools from student_proposing_school_tally where campaign_id = ? and unit_id = ?")
                        .params(campaign, other)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // and back again: nothing is counted twice
        units.move(commune, district, "Trả lại đơn vị cũ", manager.caller());
        countsAgree();
        assertThat(tallies.perStatus(campaign, "UNIT", other, null)).isEmpty();
    }

    @Autowired
    vn.cungem.organisation.SchoolDirectory schools;

    /**
     * A school moved to a commune of another district, then made an inter-level school (its level changed): its
     * students follow it in the database, and their kept counts, per unit and school level, follow in the same
     * transaction, with the count of schools that sent their list.
     */
    @Test
    void aSchoolMovedOrChangingLevelTakesItsCountsAlong() {
        ImportJob job = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows()), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        students.proposeSchool(campaign, schoolA, officer.caller());
        students.approve(ids().subList(0, 2), manager.caller());
        long otherDistrict = fixtures.unit("Huyện Đón Trường", "district", province);
        long otherCommune = fixtures.unit("Xã Đón Trường", "commune", otherDistrict);

        schools.move(schoolA, otherCommune, "Trường về xã mới", manager.caller());

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(tallies.perStatus(campaign, "UNIT", district, null)).isEmpty();
        assertThat(tallies.perStatus(campaign, "UNIT", otherDistrict, null))
                .containsEntry(vn.cungem.student.StudentStatus.APPROVED, 2L);
        assertThat(jdbc.sql("select schools from student_proposing_school_tally where campaign_id = ? and unit_id = ?")
                        .params(campaign, otherCommune)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        schools.update(
                schoolA,
                null,
                vn.cungem.organisation.SchoolLevel.LOWER_SECONDARY,
                null,
                null,
                "Thành trường liên cấp",
                manager.caller());

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(jdbc.sql("""
                        select coalesce(sum(students), 0) from student_tally where campaign_id = ?
                           and place_kind = 'UNIT' and place_id = ? and category = '*' and school_level = 'PRIMARY'""").params(campaign, province).query(Long.class).single())
                .isZero();
        // a decision after the change moves the counts kept under the new level
        students.approve(ids().subList(2, 3), manager.caller());
        assertThat(tallies.differences(campaign)).isEmpty();
    }

    @Autowired
    vn.cungem.student.internal.StudentRepository repository;

    /**
     * A decision moves the counts from the students as it read them (no read before or after): its update refuses a
     * student whose categories changed since, so the counts can never move from a stale reading. And the counts per
     * category of a school and of a commune, no longer kept (V390), are counted from the rows: the list still gives them.
     */
    @Test
    void aDecisionMovesCountsFromWhatItReadAndCategoriesBelowTheProvinceAreCounted() {
        ImportJob job = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows()), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        students.proposeSchool(campaign, schoolA, officer.caller());
        List<Long> ids = ids();
        var stale = repository.find(ids.get(0)).orElseThrow();
        jdbc.sql("update student set categories = 'KHUYET_TAT', version = version + 1 where id = ?")
                .param(ids.get(0))
                .update();
        tallies.recount(campaign);
        assertThat(repository.moveStatus(stale, vn.cungem.student.StudentStatus.APPROVED, null, manager.caller()))
                .as("a student changed since it was read is not moved")
                .isFalse();
        students.approve(ids.subList(0, 3), manager.caller());
        countsAgree();

        long keptBelowProvince =
                jdbc.sql("""
                        select count(*) from student_tally where campaign_id = ?
                          and ((place_kind = 'SCHOOL' and category <> '*') or (place_kind = 'UNIT' and place_id = ?))""").params(campaign, commune).query(Long.class).single();
        assertThat(keptBelowProvince).isZero();
        for (Long place : new Long[] {null, commune, province}) {
            for (String category : java.util.Arrays.asList("KHUYET_TAT", "HO_NGHEO", null)) {
                long fromRows = jdbc.sql("""
                                select count(*) from student where campaign_id = ? and status = 'APPROVED'
                                  and (',' || categories || ',') like ?""")
                        .params(campaign, category == null ? "%" : "%," + category + ",%")
                        .query(Long.class)
                        .single();
                var filter = new vn.cungem.student.StudentFilter(
                        campaign, place, place == null ? schoolA : null, null, null, category, null, 0, 50, null, null);
                assertThat(fromRows).isPositive();
                assertThat(students.list(filter, manager.caller())
                                .countsByStatus()
                                .getOrDefault(vn.cungem.student.StudentStatus.APPROVED, 0L))
                        .as("approved of %s at %s", category, place == null ? "the school" : place)
                        .isEqualTo(fromRows);
            }
        }
    }

    /**
     * Two managers decide on students of the same school at the same moment: both decisions move the same counters
     * (the school's, its commune's … the country's "proposed"), each in key order, so neither waits for the other in a
     * circle and both are counted. Five rounds, on H2 and PostgreSQL.
     */
    @Test
    void twoDecisionsOnOneSchoolAtTheSameMomentAreBothCounted() throws Exception {
        String[] family = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam"};
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < family.length; i++) {
            List<String> row = ImportTestData.row("Hoàng Văn " + family[i], (10 + i) + "/03/2013", "Nam", "", codeA);
            row.set(4, TestFixtures.unique("HS").replaceAll("[^A-Z0-9]", ""));
            rows.add(row);
        }
        ImportJob job = imports.upload(campaign, "lop-6.xlsx", ImportTestData.xlsx(rows), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        students.proposeSchool(campaign, schoolA, officer.caller());
        List<Long> ids = ids();
        AccountDetails other = fixtures.manager(province);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long a = ids.get(round * 2);
                long b = ids.get(round * 2 + 1);
                var start = new java.util.concurrent.CyclicBarrier(2);
                var first = pool.submit(() -> {
                    start.await();
                    return students.approve(List.of(a), manager.caller());
                });
                var second = pool.submit(() -> {
                    start.await();
                    return students.reject(List.of(b), "không thuộc diện", other.caller());
                });
                first.get(60, java.util.concurrent.TimeUnit.SECONDS);
                second.get(60, java.util.concurrent.TimeUnit.SECONDS);
                countsAgree();
            }
        } finally {
            pool.shutdownNow();
        }
        RollUp after = students.rollUp(campaign, province, manager.caller());
        assertThat(after.units()).singleElement().satisfies(l -> {
            assertThat(l.approved()).isEqualTo(5);
            assertThat(l.rejected()).isEqualTo(5);
        });
    }

    @Test
    void theCheckNoticesCountsThatDriftedAndARecountMendsThem() {
        ImportJob job = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows()), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        jdbc.sql("update student_tally set students = students + 1 where campaign_id = ? and place_kind = 'SCHOOL'"
                        + " and category = '*'")
                .param(campaign)
                .update();
        assertThat(tallies.differences(campaign)).hasSize(1);
        tallies.recount(campaign);
        assertThat(tallies.differences(campaign)).isEmpty();
    }

    @Test
    void aSchoolCountsAsSentOnceWhateverItsStudentsDecisionsAndADriftedCountIsMended() {
        ImportJob job = imports.upload(campaign, "lop.xlsx", ImportTestData.xlsx(rows()), null, officer.caller());
        imports.commit(campaign, job.id(), officer.caller());
        List<Long> ids = ids();
        students.proposeSchool(campaign, schoolA, officer.caller());
        students.returnForCorrection(List.of(ids.get(0)), "sai ngày sinh", manager.caller());
        students.reject(ids.subList(1, 5), "không thuộc diện", manager.caller());
        countsAgree();
        assertThat(students.rollUp(campaign, province, manager.caller()).notProposedTotal())
                .isEqualTo(1);

        // a drifted count of sent schools is found and mended like the others
        jdbc.sql(
                        "update student_proposing_school_tally set schools = schools + 3 where campaign_id = ? and unit_id = ?")
                .params(campaign, commune)
                .update();
        assertThat(tallies.differences(campaign)).hasSize(1);
        tallies.recount(campaign);
        countsAgree();
    }
}
