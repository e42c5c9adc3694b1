package vn.cungem.donation.pledge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.donation.BankAccountForm;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.TestFixtures;

/** Active campaigns with a collection point (and optionally a bank account) for the donation tests. */
public final class DonationTestData {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private DonationTestData() {}

    public static Campaign activeCampaign(Campaigns campaigns, long organiserUnitId, Caller manager) {
        String code = "UH-" + TestFixtures.unique("").toUpperCase(java.util.Locale.ROOT);
        CampaignSpec spec = new CampaignSpec(
                code.length() > 32 ? code.substring(0, 32) : code,
                "Ủng hộ máy tính cho em " + code,
                null,
                organiserUnitId,
                List.of(),
                List.of(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY),
                List.of(ItemType.LAPTOP, ItemType.SMARTPHONE, ItemType.SIM_4G, ItemType.CASH),
                List.of(new Phase("Giai đoạn 1", TODAY.minusDays(5), TODAY.plusDays(60), 100, null, null)),
                CampaignDefaults.PRIORITY_CATEGORIES,
                CampaignDefaults.DEVICE_REQUIREMENTS,
                List.of());
        Campaign created = campaigns.create(spec, manager);
        return campaigns.changeStatus(created.id(), CampaignStatus.ACTIVE, "Bắt đầu nhận ủng hộ", manager);
    }

    public static CollectionPoint point(CollectionPoints points, long campaignId, long unitId, Caller manager) {
        return points.create(
                campaignId,
                new CollectionPointForm(
                        "Điểm tiếp nhận Phường Một",
                        unitId,
                        null,
                        "12 Nguyễn Huệ, Phường Một",
                        "Thứ 2–Thứ 6, 7h30–11h00",
                        true,
                        null),
                manager);
    }

    public static void bankAccount(BankAccounts accounts, long campaignId, Caller manager) {
        accounts.save(campaignId, new BankAccountForm("970436", "0011004123456", "Quỹ khuyến học Phường Một"), manager);
    }
}
