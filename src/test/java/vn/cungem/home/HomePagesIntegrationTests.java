package vn.cungem.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.DonorDetails;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PledgeLineRequest;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Formats;
import vn.cungem.student.Students;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.testsupport.TestStudents;

/** Each role lands on a home page of its own, and no link it is shown answers 403 or 404. */
@IntegrationTest
class HomePagesIntegrationTests {

    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"(/[^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Students students;

    @Autowired
    CollectionPoints points;

    @Autowired
    Pledges pledges;

    @Autowired
    CollectionPointStaff staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountUserDetailsService accountDetails;

    long province;
    long school;
    long campaignId;
    String campaignName;

    @BeforeEach
    void activeCampaign() {
        String suffix = TestFixtures.unique("");
        province = fixtures.unit("Tỉnh Trang Chủ " + suffix, "province", null);
        long district = fixtures.unit("Huyện Trang Chủ " + suffix, "district", province);
        long commune = fixtures.unit("Xã Trang Chủ " + suffix, "commune", district);
        school = fixtures.school("Trường Tiểu học Trang Chủ " + suffix, commune);
        campaignName = "Cùng em về nhà " + suffix;
        var manager = fixtures.manager(province).caller();
        long id = campaigns
                .create(
                        new CampaignSpec(
                                "TC-" + suffix,
                                campaignName,
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.TABLET),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        manager)
                .id();
        campaigns.changeStatus(id, CampaignStatus.ACTIVE, "Bắt đầu", manager);
        campaignId = id;
    }

    @Test
    void aSchoolOfficerSeesReturnedStudentsAndTheListToPropose() throws Exception {
        String page = home(fixtures.account(Role.SCHOOL_OFFICER, null, school, null));
        assertThat(page).contains("0 học sinh bị trả lại, cần sửa", "0 học sinh chưa đề xuất", campaignName);
        assertThat(page).doesNotContain("href=\"/units\"", "href=\"/accounts\"");
    }

    @Test
    void aManagerSeesTheListsWaitingForApproval() throws Exception {
        String page = home(fixtures.manager(province));
        assertThat(page).contains("0 học sinh đang chờ duyệt", campaignName);
    }

    /**
     * Real figures for each role of one campaign: four students (one returned, one proposed, one approved, one not yet
     * proposed), a second school that proposed nobody, a collection point at the school with two pledges expected
     * today and one in ten days, a target of three students.
     */
    @Test
    void eachRoleSeesItsOwnFiguresOfTheCampaign() throws Exception {
        String suffix = TestFixtures.unique("");
        long district = fixtures.unit("Huyện Số Liệu " + suffix, "district", province);
        long commune = fixtures.unit("Xã Số Liệu " + suffix, "commune", district);
        long busy = fixtures.school("Trường Tiểu học Bận " + suffix, commune);
        fixtures.school("Trường Tiểu học Chậm " + suffix, commune);
        AccountDetails manager = fixtures.manager(province);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, busy, null);
        LocalDate today = DonationTestData.TODAY;
        String name = "Số liệu " + suffix;
        long id = campaigns
                .create(
                        new CampaignSpec(
                                "SL-" + suffix,
                                name,
                                null,
                                district,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(new Phase("Khảo sát", today.minusDays(5), today.plusDays(10), null, 3, null)),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        manager.caller())
                .id();
        campaigns.changeStatus(id, CampaignStatus.ACTIVE, "Bắt đầu", manager.caller());
        List<Long> ids = new java.util.ArrayList<>();
        for (String pupil : List.of("Lê Văn Một", "Lê Văn Hai", "Phan Thị Ba", "Phan Thị Bốn")) {
            ids.add(TestStudents.register(students, id, busy, pupil, officer.caller()));
        }
        students.propose(ids.subList(0, 3), officer.caller());
        students.returnForCorrection(List.of(ids.get(0)), "Thiếu giấy xác nhận hộ nghèo", manager.caller());
        students.approve(List.of(ids.get(1)), manager.caller());
        long point = points.create(
                        id,
                        new CollectionPointForm(
                                "Điểm Bận " + suffix, null, busy, "1 Đường Số", "Thứ 2–Thứ 6, 7h30–11h00", true, null),
                        manager.caller())
                .id();
        // a partner organisation and a volunteer team staff the point too
        InventoryTestPeople people = new InventoryTestPeople(jdbc, fixtures, accountDetails);
        long partner = people.partner(district);
        long team = people.team(district);
        staff.assign(id, point, partner, null, manager.caller());
        staff.assign(id, point, null, team, manager.caller());
        AccountDetails partnerUser = fixtures.account(Role.PARTNER_USER, null, null, partner);
        AccountDetails volunteer = people.volunteer(team, district);
        for (LocalDate day : List.of(today, today, today.plusDays(10))) {
            pledges.submit(new PledgeRequest(
                    id,
                    List.of(new PledgeLineRequest(ItemType.LAPTOP, 1, ItemCondition.USED_WORKING, null, null)),
                    null,
                    point,
                    day,
                    new DonorDetails(DonorKind.INDIVIDUAL, "Người Ủng Hộ", "0903123456", null, null, null, false, true),
                    false,
                    null,
                    TestFixtures.unique("home-")));
        }

        String officersPage = home(officer);
        assertThat(officersPage)
                .contains(
                        "1 học sinh bị trả lại, cần sửa",
                        "1 học sinh chưa đề xuất",
                        "Hạn đề xuất danh sách: " + Formats.DATE.format(today.plusDays(10)),
                        "2 lượt ủng hộ dự kiến mang đến hôm nay",
                        "3 lượt ủng hộ còn chờ tiếp nhận");
        String managersPage = home(manager);
        assertThat(managersPage)
                .contains(
                        "1 học sinh đang chờ duyệt",
                        "1 trường chưa đề xuất học sinh nào",
                        // the week runs Monday to Sunday: today's two are in it, the one in ten days is not
                        "2 lượt ủng hộ dự kiến mang đến trong tuần này",
                        "1 học sinh đã duyệt / chỉ tiêu 3")
                // no statement imported: nothing unmatched is shown
                .doesNotContain("dòng sao kê chưa khớp");
        // the partner's members and the team receive at the point: the same figures of it
        assertThat(home(partnerUser))
                .contains("2 lượt ủng hộ dự kiến mang đến hôm nay", "3 lượt ủng hộ còn chờ tiếp nhận", name)
                .doesNotContain("học sinh bị trả lại", "đang chờ duyệt");
        assertThat(home(volunteer))
                .contains(
                        // no device has reached the team's workshop yet
                        "0 thiết bị đang chờ đội của bạn", "2 lượt ủng hộ dự kiến mang đến hôm nay");
        // a manager of another province sees none of it
        long elsewhere = fixtures.unit(TestFixtures.unique("Tỉnh Khác "), "province", null);
        assertThat(home(fixtures.manager(elsewhere))).doesNotContain(name);
    }

    @Test
    void aManagerOutsideTheCampaignsAreaIsNotShownIt() throws Exception {
        long elsewhere = fixtures.unit(TestFixtures.unique("Tỉnh Khác "), "province", null);
        assertThat(home(fixtures.manager(elsewhere))).doesNotContain(campaignName);
    }

    @Test
    void everyLinkOfEveryRolesHomePageOpens() throws Exception {
        List<AccountDetails> people = List.of(
                fixtures.admin(),
                fixtures.manager(province),
                fixtures.account(Role.SCHOOL_OFFICER, null, school, null),
                fixtures.account(Role.VOLUNTEER_TECHNICIAN, province, null, null),
                fixtures.account(Role.DONOR, null, null, null));
        for (AccountDetails person : people) {
            Set<String> links = links(home(person));
            assertThat(links).as(person.getUsername()).contains("/dashboard", "/account");
            for (String link : links) {
                int status = mvc.perform(get(link).with(user(person)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status)
                        .as(person.getAuthorities() + " opens " + link)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void everyLinkOfTheCampaignPageOpensForEachRoleThatSeesIt() throws Exception {
        for (AccountDetails person :
                List.of(fixtures.manager(province), fixtures.account(Role.SCHOOL_OFFICER, null, school, null))) {
            String page = mvc.perform(get("/campaigns/" + campaignId).with(user(person)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            for (String link : links(page)) {
                if (!link.startsWith("/campaigns/" + campaignId + "/")) {
                    continue;
                }
                int status = mvc.perform(get(link).with(user(person)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status)
                        .as(person.getAuthorities() + " opens " + link)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void thePublicHomePageNamesTheApplicationOnce() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Cùng Em</title>");
    }

    private String home(AccountDetails person) throws Exception {
        return mvc.perform(get("/dashboard").with(user(person)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The pages a home page links to: the menu and the page's own links, not the language switch or static files. */
    private static Set<String> links(String html) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            if (!href.contains("lang=") && !href.startsWith("/css") && !href.startsWith("/js")) {
                links.add(href);
            }
        }
        return links;
    }
}
