package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.text.Formats;
import vn.cungem.testsupport.TestFixtures;

/**
 * The whole life of a gift: a donor pledges a used laptop and 500.000 ₫ on a phone; the officer at the collection
 * point records the laptop against the pledge code; the manager imports the bank's statement, whose transfer note
 * carries the code; the pledge is then fully received, and the public tracking page says so without naming anyone.
 */
class DonationJourneyBrowserTests extends BrowserTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Autowired
    BankAccounts bankAccounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void receiptAndStatementImportCloseTheDonorsPledge() {
        long province = fixtures.unit("Tỉnh Hành Trình Quà " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Linh Trung", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());
        CollectionPoint point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());

        // The donor, on a phone, without an account.
        Page donor = phone();
        donor.navigate(url("/public/campaigns/" + campaign.code() + "/pledge"));
        donor.locator("[id='lines0.itemType']").selectOption("LAPTOP");
        donor.locator("[id='lines0.quantity']").fill("1");
        donor.locator("[id='lines0.condition']").selectOption("USED_WORKING");
        donor.locator("[id='lines0.accessories']").fill("Sạc và cáp");
        donor.locator("#cashAmount").fill("500.000");
        donor.locator("#pledge-next").click();
        donor.locator("#collectionPointId").selectOption(Long.toString(point.id()));
        donor.locator("#pledge-next").click();
        donor.locator("#name").fill("Trần Văn Hùng");
        donor.locator("#phone").fill("+84 912 345 679");
        donor.locator("#pledge-submit").click();
        donor.waitForURL("**/public/pledges/CE*");
        String code = donor.locator("#pledge-code").textContent().trim();

        // The officer at the collection point, on a phone, records what arrived against the code.
        Page officer = phone();
        signIn(officer, manager.email(), TestFixtures.PASSWORD);
        officer.navigate(url("/campaigns/" + campaign.id() + "/receipts/new?point=" + point.id()));
        officer.locator("#find").fill(code.toLowerCase());
        officer.locator("form[role=search] button[type=submit]").click();
        assertThat(officer.locator("#type0")).hasValue("LAPTOP");
        officer.locator("#ser0").fill("5CG1234XYZ");
        officer.locator("form[method=post] button[type=submit]").last().click();
        assertThat(officer.locator("h1")).containsText("BN");

        // The manager imports the bank's statement; the transfer note carries the code among the bank's own words.
        Page desk = desktop();
        signIn(desk, manager.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/campaigns/" + campaign.id() + "/statements"));
        String today = Formats.DATE.format(DonationTestData.TODAY);
        String csv = "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM\nSao kê tài khoản\n"
                + "Ngày giao dịch,Số bút toán,Ghi nợ,Ghi có,Số dư,Nội dung\n"
                + today + ",FT2126300001,,\"500.000\",\"10.500.000\",MBVCB.1234567.TRAN VAN HUNG chuyen tien." + code
                + " UNG HO\n";
        desk.locator("#file")
                .setInputFiles(new FilePayload("saoke.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        desk.locator("form[enctype='multipart/form-data'] button[type=submit]").click();
        assertThat(desk.locator("main")).containsText("Khớp theo mã");

        long pledgeId = jdbc.sql("select id from pledge where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        desk.navigate(url("/campaigns/" + campaign.id() + "/pledges/" + pledgeId));
        assertThat(desk.locator("main")).containsText("Đã nhận đủ");

        // The public sees the gift's journey by its code, and nobody's name or phone.
        Page anyone = phone();
        anyone.navigate(url("/public/track/" + code));
        assertThat(anyone.locator("main")).containsText("Máy tính xách tay");
        assertThat(anyone.locator("main")).not().containsText("Trần Văn Hùng");
        assertThat(anyone.locator("main")).not().containsText("0912");
        assertThat(anyone.content()).doesNotContain("0912345679");
    }
}
