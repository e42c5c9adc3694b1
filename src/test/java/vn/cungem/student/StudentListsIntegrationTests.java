package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.student.internal.ListCursor;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Lists at any size: every order pages by cursor forward and back without losing or repeating a row, searches find a
 * child by any part of the name, the student code or the guardian's phone, and the counts read from the kept counts
 * equal the rows.
 */
@IntegrationTest
class StudentListsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Students students;

    long districtA;
    long schoolA;
    long schoolB;
    long campaign;
    AccountDetails officerA;
    AccountDetails officerB;
    AccountDetails managerA;
    String phoneOfCuc;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @BeforeEach
    void registry() throws Exception {
        long province = fixtures.unit("Tỉnh Danh Sách", "province", null);
        districtA = fixtures.unit("Huyện Danh Sách", "district", province);
        long communeA = fixtures.unit("Xã Danh Sách", "commune", districtA);
        long districtB = fixtures.unit("Huyện Bên Cạnh", "district", province);
        long communeB = fixtures.unit("Xã Bên Cạnh", "commune", districtB);
        schoolA = fixtures.school("Trường Tiểu học Bình Minh", communeA);
        schoolB = fixtures.school("Trường Tiểu học An Lạc", communeB);
        officerA = fixtures.account(Role.SCHOOL_OFFICER, null, schoolA, null);
        officerB = fixtures.account(Role.SCHOOL_OFFICER, null, schoolB, null);
        managerA = fixtures.manager(districtA);
        AccountDetails provinceManager = fixtures.manager(province);
        campaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique("DS-"),
                                "Cùng em học trực tuyến",
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        provinceManager.caller())
                .id();
        phoneOfCuc = String.format("09%08d", RANDOM.nextInt(100_000_000));
        register(officerA, "Đặng Thị Cúc", "Hộ nghèo", "Chưa có thiết bị", 4, phoneOfCuc);
        register(officerA, "Nguyễn Văn An", "Hộ nghèo", "Dùng chung", 3, null);
        register(officerA, "Nguyễn Văn Anh", "Mồ côi cả cha và mẹ do dịch Covid-19", "Chưa có thiết bị", 5, null);
        register(officerA, "Trần Văn Đức", "Hộ nghèo", "Chưa có thiết bị", 3, null);
        register(officerA, "Lê Thị Hoa", "Hộ nghèo", "Dùng chung", 2, null);
        register(officerA, "Phạm Văn Bình", "Hộ nghèo", "Chưa có thiết bị", 4, null);
        register(officerB, "Võ Thị Em", "Hộ nghèo", "Chưa có thiết bị", 1, null);
        register(officerB, "Nguyễn Thị An", "Hộ nghèo", "Dùng chung", 2, null);
    }

    private void register(AccountDetails who, String name, String category, String device, int grade, String phone)
            throws Exception {
        String json = """
                {"student": {"fullName": "%s", "birthDate": "05/09/2012", "gender": "Nữ", "grade": "%d",
                 "guardianName": "Nguyễn Văn Hùng", "guardianPhone": %s, "categories": "%s",
                 "deviceSituation": "%s", "connectivity": "4G", "needs": "thiết bị"}}""".formatted(name, grade, phone == null ? "null" : "\"" + phone + "\"", category, device);
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/students")
                        .with(user(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
    }

    private StudentFilter filter(StudentSort sort, String cursor, int size) {
        return new StudentFilter(campaign, null, null, null, null, null, null, 0, size, sort, cursor);
    }

    private static List<String> names(StudentPage page) {
        return page.rows().stream().map(StudentRow::name).toList();
    }

    @Test
    void everyOrderPagesForwardAndBackWithoutLosingOrRepeatingARow() {
        Caller admin = Caller.SYSTEM;
        for (StudentSort sort : StudentSort.values()) {
            List<String> whole = names(students.list(filter(sort, null, 200), admin));
            assertThat(whole).hasSize(8);
            List<String> walked = new ArrayList<>();
            List<StudentPage> pages = new ArrayList<>();
            StudentPage page = students.list(filter(sort, null, 3), admin);
            assertThat(page.previousCursor()).isNull();
            while (true) {
                pages.add(page);
                walked.addAll(names(page));
                if (page.nextCursor() == null) {
                    break;
                }
                page = students.list(filter(sort, page.nextCursor(), 3), admin);
            }
            assertThat(walked).as(sort.name()).isEqualTo(whole);
            assertThat(pages).hasSize(3);
            // back from the last page gives the same pages again
            StudentPage back = students.list(filter(sort, pages.get(2).previousCursor(), 3), admin);
            assertThat(names(back)).as(sort.name()).isEqualTo(names(pages.get(1)));
            StudentPage first = students.list(filter(sort, back.previousCursor(), 3), admin);
            assertThat(names(first)).isEqualTo(names(pages.get(0)));
            assertThat(first.previousCursor()).isNull();
        }
        assertThat(names(students.list(filter(StudentSort.NAME, null, 3), admin)))
                .containsExactly("Đặng Thị Cúc", "Lê Thị Hoa", "Nguyễn Thị An");
        assertThat(names(students.list(filter(StudentSort.PRIORITY, null, 1), admin)))
                .containsExactly("Nguyễn Văn Anh");
        assertThat(names(students.list(filter(StudentSort.SCHOOL, null, 2), admin)))
                .containsExactly("Nguyễn Thị An", "Võ Thị Em");
        assertThat(names(students.list(filter(StudentSort.DATE, null, 1), admin)))
                .containsExactly("Nguyễn Thị An");
    }

    @Test
    void aCursorIsNoWayIntoAnotherSchoolNorACraftedString() throws Exception {
        StudentPage ofB = students.list(filter(StudentSort.NAME, null, 1), officerB.caller());
        assertThat(ofB.nextCursor()).isNotNull();
        // officer A may not start from a row of school B: it would tell where that child's name sorts
        assertThatThrownBy(() -> students.list(filter(StudentSort.NAME, ofB.nextCursor(), 5), officerA.caller()))
                .isInstanceOf(InvalidValueException.class);
        String otherSort = new ListCursor(StudentSort.DATE, true, 1).encode();
        assertThatThrownBy(() -> students.list(filter(StudentSort.NAME, otherSort, 5), officerA.caller()))
                .isInstanceOf(InvalidValueException.class);
        mvc.perform(get("/api/v1/campaigns/{c}/students", campaign)
                        .param("cursor", "not-a-cursor")
                        .with(user(officerA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student.cursor"));
        // a page by number deeper than 10,000 rows is refused with the way on, not walked row by row
        mvc.perform(get("/api/v1/campaigns/{c}/students", campaign)
                        .param("page", "201")
                        .param("size", "50")
                        .header("Accept-Language", "vi")
                        .with(user(officerA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student.page-too-deep"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nextCursor")));
        mvc.perform(get("/api/v1/campaigns/{c}/students", campaign)
                        .param("page", "200")
                        .param("size", "50")
                        .with(user(officerA)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/campaigns/{c}/students", campaign)
                        .param("sort", "SIDEWAYS")
                        .with(user(officerA)))
                .andExpect(status().isBadRequest());
        // walking officer A's list never leaves school A
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            StudentPage page = students.list(filter(StudentSort.PRIORITY, cursor, 2), officerA.caller());
            walked.addAll(names(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(walked).hasSize(6).doesNotContain("Võ Thị Em", "Nguyễn Thị An");
    }

    @Test
    void findsAChildByAnyPartOfTheNameTheCodeOrTheGuardiansPhone() {
        StudentFilter byWords = new StudentFilter(campaign, null, null, null, null, null, "van an", 0, 50);
        assertThat(names(students.list(byWords, managerA.caller())))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Nguyễn Văn Anh");
        StudentFilter outOfOrder = new StudentFilter(campaign, null, null, null, null, null, "anh nguyen", 0, 50);
        assertThat(names(students.list(outOfOrder, managerA.caller()))).containsExactly("Nguyễn Văn Anh");
        String written = "+84 " + phoneOfCuc.substring(1, 4) + " " + phoneOfCuc.substring(4);
        StudentFilter byPhone = new StudentFilter(campaign, null, null, null, null, null, written, 0, 50);
        StudentPage found = students.list(byPhone, managerA.caller());
        assertThat(names(found)).containsExactly("Đặng Thị Cúc");
        assertThat(found.countsExact()).isTrue();
        assertThat(found.total()).isEqualTo(1);
        // outside the reader's scope the same search finds nobody
        assertThat(students.list(byPhone, officerB.caller()).rows()).isEmpty();
    }

    /**
     * A search finds its matches once and chooses the page among them by id: every order pages through the same matches
     * by cursor, forward and back, with or without a status, and its counts per status are exactly its rows'.
     */
    @Test
    void aSearchPagesThroughItsMatchesInEveryOrderAndCountsThem() {
        Caller admin = Caller.SYSTEM;
        for (StudentStatus status : java.util.Arrays.asList(null, StudentStatus.REGISTERED)) {
            for (StudentSort sort : StudentSort.values()) {
                StudentFilter all =
                        new StudentFilter(campaign, null, null, status, null, null, "thi", 0, 200, sort, null);
                StudentPage whole = students.list(all, admin);
                assertThat(names(whole)).as(sort + " " + status).isNotEmpty().allMatch(n -> n.contains("Thị"));
                assertThat(whole.countsExact()).isTrue();
                assertThat(whole.countsByStatus().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .as("counts of %s %s", sort, status)
                        .isEqualTo(students.list(
                                        new StudentFilter(
                                                campaign, null, null, null, null, null, "thi", 0, 200, sort, null),
                                        admin)
                                .rows()
                                .size());
                List<String> walked = new ArrayList<>();
                StudentPage page = students.list(
                        new StudentFilter(campaign, null, null, status, null, null, "thi", 0, 1, sort, null), admin);
                List<StudentPage> pages = new ArrayList<>();
                while (true) {
                    pages.add(page);
                    walked.addAll(names(page));
                    if (page.nextCursor() == null) {
                        break;
                    }
                    page = students.list(
                            new StudentFilter(
                                    campaign, null, null, status, null, null, "thi", 0, 1, sort, page.nextCursor()),
                            admin);
                }
                assertThat(walked).as(sort + " " + status).isEqualTo(names(whole));
                if (pages.size() > 1) {
                    StudentPage back = students.list(
                            new StudentFilter(
                                    campaign,
                                    null,
                                    null,
                                    status,
                                    null,
                                    null,
                                    "thi",
                                    0,
                                    1,
                                    sort,
                                    pages.get(pages.size() - 1).previousCursor()),
                            admin);
                    assertThat(names(back)).isEqualTo(names(pages.get(pages.size() - 2)));
                }
            }
        }
    }

    @Autowired
    vn.cungem.student.internal.StudentListing listing;

    /**
     * A search with thousands of matches walks the order's index instead of sorting every match: the same rows, in the
     * same order, from the start and after or before any row, as the search's own path gives.
     */
    @Test
    void aSearchWalkingTheOrderFindsTheSamePagesAsOneSortingItsMatches() {
        String scope = "s.campaign_id = ? and s.status <> 'MERGED'";
        String byName = "(' ' || s.name_folded) like ?";
        for (StudentSort sort : StudentSort.values()) {
            var order = vn.cungem.student.internal.ListOrder.of(sort);
            if (order == vn.cungem.student.internal.ListOrder.SCHOOL) {
                continue;
            }
            List<Long> all = listing
                    .page(scope + " and " + byName, List.of(campaign, "% nguyen%"), order, null, true, 50, 0, true)
                    .stream()
                    .map(StudentRow::id)
                    .toList();
            assertThat(all).hasSize(3);
            for (int from = 0; from < all.size(); from++) {
                Object[] key = listing.key(order, all.get(from), scope, List.of(campaign))
                        .orElseThrow();
                for (boolean forward : List.of(true, false)) {
                    assertThat(listing
                                    .walk(
                                            scope,
                                            List.of(campaign),
                                            byName,
                                            List.of("% nguyen%"),
                                            order,
                                            key,
                                            forward,
                                            2,
                                            0)
                                    .stream()
                                    .map(StudentRow::id)
                                    .toList())
                            .as(sort + " from " + from + (forward ? " on" : " back"))
                            .isEqualTo(listing
                                    .page(
                                            scope + " and " + byName,
                                            List.of(campaign, "% nguyen%"),
                                            order,
                                            key,
                                            forward,
                                            2,
                                            0,
                                            true)
                                    .stream()
                                    .map(StudentRow::id)
                                    .toList());
                }
            }
            assertThat(
                            listing
                                    .walk(
                                            scope,
                                            List.of(campaign),
                                            byName,
                                            List.of("% nguyen%"),
                                            order,
                                            null,
                                            true,
                                            2,
                                            1)
                                    .stream()
                                    .map(StudentRow::id)
                                    .toList())
                    .as(sort + " with an offset")
                    .isEqualTo(all.subList(1, 3));
        }
    }

    @Test
    void countsFromTheKeptCountsEqualTheRowsForEveryReader() {
        students.proposeSchool(campaign, schoolA, officerA.caller());
        List<Long> proposed = students
                .list(
                        new StudentFilter(campaign, null, schoolA, StudentStatus.PROPOSED, null, null, null, 0, 50),
                        managerA.caller())
                .rows()
                .stream()
                .map(StudentRow::id)
                .toList();
        students.approve(proposed.subList(0, 2), managerA.caller());
        for (Caller reader : List.of(Caller.SYSTEM, managerA.caller(), officerA.caller(), officerB.caller())) {
            StudentPage page = students.list(filter(StudentSort.PRIORITY, null, 50), reader);
            assertThat(page.countsExact()).isTrue();
            assertThat(page.countsByStatus()).isEqualTo(countedFromRows(reader, page.rows()));
        }
        StudentFilter orphans =
                new StudentFilter(campaign, districtA, null, null, null, "ORPHAN_BOTH_PARENTS", null, 0, 50);
        StudentPage page = students.list(orphans, managerA.caller());
        assertThat(page.total()).isEqualTo(1).isEqualTo(page.rows().size());
    }

    private static Map<StudentStatus, Long> countedFromRows(Caller reader, List<StudentRow> rows) {
        Map<StudentStatus, Long> counts = new EnumMap<>(StudentStatus.class);
        rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }
}
