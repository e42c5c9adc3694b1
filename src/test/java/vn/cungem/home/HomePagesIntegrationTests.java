package vn.cungem.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

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
