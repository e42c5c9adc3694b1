package vn.cungem.browser;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * Where the student journeys take place: a province, a district with one commune and one primary school, the school's
 * officer, the district's manager, and a survey campaign run by the district with the default priority categories.
 */
record StudentArea(
        long province,
        long district,
        long commune,
        long school,
        AccountDetails officer,
        AccountDetails manager,
        long campaign) {

    static StudentArea create(
            TestFixtures fixtures,
            Campaigns campaigns,
            String provinceName,
            String districtName,
            String communeName,
            String schoolName,
            String codePrefix,
            String campaignName) {
        long province = fixtures.unit(provinceName + " " + TestFixtures.unique(""), "province", null);
        long district = fixtures.unit(districtName, "district", province);
        long commune = fixtures.unit(communeName, "commune", district);
        long school = fixtures.school(schoolName, commune);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        AccountDetails manager = fixtures.manager(district);
        long campaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique(codePrefix),
                                campaignName,
                                null,
                                district,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP, ItemType.SIM_4G),
                                List.of(new Phase(
                                        "Khảo sát và đề xuất",
                                        LocalDate.of(2021, 9, 1),
                                        LocalDate.of(2021, 9, 30),
                                        null,
                                        null,
                                        null)),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        manager.caller())
                .id();
        return new StudentArea(province, district, commune, school, officer, manager, campaign);
    }
}
