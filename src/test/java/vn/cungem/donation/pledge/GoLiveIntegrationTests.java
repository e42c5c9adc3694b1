package vn.cungem.donation.pledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.Pledges;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The public pledge page offers a campaign only once a donor can bring goods somewhere and transfer money somewhere,
 * while its dates last; the campaign's donations page lists what is still missing.
 */
@IntegrationTest
class GoLiveIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Autowired
    BankAccounts bankAccounts;

    @Autowired
    Pledges pledges;

    @Test
    void aCampaignIsOfferedOnlyOnceItHasAPointAndABankAccountAndTheChecklistSaysWhatIsMissing() throws Exception {
        long province = fixtures.unit("Tỉnh Sẵn Sàng " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Sẵn Sàng", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());

        mvc.perform(get("/public/campaigns/{code}/pledge", campaign.code())).andExpect(status().isNotFound());
        assertNotListed(campaign);
        mvc.perform(get("/campaigns/{id}/donations", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chưa giới thiệu chương trình này")))
                .andExpect(missing("started", false))
                .andExpect(missing("hasCollectionPoint", true))
                .andExpect(missing("hasBankAccount", true))
                .andExpect(missing("datesOpen", false))
                .andExpect(content().string(containsString("href=\"/campaigns/" + campaign.id() + "/bank-account\"")));

        DonationTestData.point(points, campaign.id(), ward, manager.caller());
        mvc.perform(get("/public/campaigns/{code}/pledge", campaign.code())).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}/donations", campaign.id()).with(user(manager)))
                .andExpect(missing("hasCollectionPoint", false))
                .andExpect(missing("hasBankAccount", true));

        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());
        mvc.perform(get("/public/campaigns/{code}/pledge", campaign.code())).andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(pledges.openCampaigns())
                .extracting(Campaign::id)
                .contains(campaign.id());
        mvc.perform(get("/campaigns/{id}/donations", campaign.id()).with(user(manager)))
                .andExpect(content().string(containsString("đang mời nhà hảo tâm")))
                .andExpect(content().string(not(containsString("Còn thiếu"))));
    }

    @Test
    void aCampaignWhoseDatesAreOverIsNotOfferedEvenWithAPointAndAnAccount() throws Exception {
        long province = fixtures.unit("Tỉnh Hết Hạn " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Hết Hạn", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        String code = "HH-" + TestFixtures.unique("").toUpperCase(java.util.Locale.ROOT);
        CampaignSpec spec = new CampaignSpec(
                code.length() > 32 ? code.substring(0, 32) : code,
                "Chương trình đã qua " + code,
                null,
                province,
                List.of(),
                List.of(SchoolLevel.PRIMARY),
                List.of(ItemType.LAPTOP, ItemType.CASH),
                List.of(new Phase(
                        "Giai đoạn 1",
                        DonationTestData.TODAY.minusDays(60),
                        DonationTestData.TODAY.minusDays(1),
                        null,
                        null,
                        null)),
                CampaignDefaults.PRIORITY_CATEGORIES,
                CampaignDefaults.DEVICE_REQUIREMENTS,
                List.of());
        Campaign created = campaigns.create(spec, manager.caller());
        Campaign campaign = campaigns.changeStatus(created.id(), CampaignStatus.ACTIVE, "Bắt đầu", manager.caller());
        DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());

        mvc.perform(get("/public/campaigns/{code}/pledge", campaign.code())).andExpect(status().isNotFound());
        assertNotListed(campaign);
        mvc.perform(get("/campaigns/{id}/donations", campaign.id()).with(user(manager)))
                .andExpect(missing("datesOpen", true))
                .andExpect(missing("hasBankAccount", false));
    }

    /** Whether the checklist's line for {@code item} carries the "missing" tag. */
    private static ResultMatcher missing(String item, boolean expected) {
        return result -> {
            String html = result.getResponse().getContentAsString();
            Matcher line = Pattern.compile("<li[^>]*id=\"go-live-" + item + "\"[^>]*>(.*?)</li>", Pattern.DOTALL)
                    .matcher(html);
            org.assertj.core.api.Assertions.assertThat(line.find())
                    .as("checklist line " + item)
                    .isTrue();
            org.assertj.core.api.Assertions.assertThat(line.group(1).contains("Còn thiếu"))
                    .as("is " + item + " missing")
                    .isEqualTo(expected);
        };
    }

    private void assertNotListed(Campaign campaign) {
        org.assertj.core.api.Assertions.assertThat(pledges.openCampaigns())
                .extracting(Campaign::id)
                .doesNotContain(campaign.id());
    }
}
