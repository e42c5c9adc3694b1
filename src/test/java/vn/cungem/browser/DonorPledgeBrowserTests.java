package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.TestFixtures;

/**
 * A donor who has never used the platform opens the public pledge page on a phone, pledges a used laptop with its
 * charger and 500.000 ₫, and gets the code, the transfer details and a VietQR code a banking app can read.
 */
class DonorPledgeBrowserTests extends BrowserTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Autowired
    BankAccounts bankAccounts;

    @Test
    void aNewDonorPledgesALaptopAndMoneyFromAPhoneAndGetsAReadableVietQr() throws Exception {
        long province = fixtures.unit("Tỉnh Nhà Hảo Tâm " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Bến Nghé", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());
        CollectionPoint point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());

        Page page = phone();
        page.navigate(url("/public/campaigns/" + campaign.code() + "/pledge"));
        assertThat(page.locator("h1")).hasText("Đăng ký ủng hộ");
        // step 1, what: the money field comes first, where a donor looks for it
        assertThat(page.locator("#pledge-step")).containsText("Bước 1/3");
        assertThat(page.locator("#step-what input, #step-what select").first()).hasId("cashAmount");
        assertFitsTheScreen(page, "pledge-step1-phone");
        page.locator("#cashAmount").fill("500.000");
        page.locator("[id='lines0.itemType']").selectOption("LAPTOP");
        page.locator("[id='lines0.quantity']").fill("1");
        page.locator("[id='lines0.condition']").selectOption("USED_WORKING");
        page.locator("[id='lines0.accessories']").fill("Sạc và cáp");
        page.locator("#pledge-next").click();
        // step 2, where and when
        assertThat(page.locator("#pledge-step")).containsText("Bước 2/3");
        assertFitsTheScreen(page, "pledge-step2-phone");
        page.locator("#collectionPointId").selectOption(Long.toString(point.id()));
        page.locator("#pledge-next").click();
        // step 3, who
        assertThat(page.locator("#pledge-step")).containsText("Bước 3/3");
        // what was chosen so far, each with its way back
        assertThat(page.locator("#pledge-answers")).containsText("500.000 ₫");
        assertThat(page.locator("#pledge-answers")).containsText("1 × Máy tính xách tay");
        assertThat(page.locator("#pledge-answers")).containsText("Điểm tiếp nhận Phường Một");
        assertFitsTheScreen(page, "pledge-step3-phone");
        page.locator("#name").fill("Lê Thị Mai");
        page.locator("#phone").fill("0912 345 678");
        page.locator("input[name=namedPublicly]").check();
        page.locator("#pledge-submit").click();
        page.waitForURL("**/public/pledges/CE*");
        assertFitsTheScreen(page, "pledge-confirmation-phone");

        String code = page.locator("#pledge-code").textContent().trim();
        assertThat(code).matches("CE[0-9A-Z]{8}");
        assertThat(page.locator("main")).containsText("Máy tính xách tay");
        assertThat(page.locator("main")).containsText("Sạc và cáp");
        assertThat(page.locator("#transfer-note")).hasText(code + " UNG HO");
        assertThat(page.locator("#vietqr")).isVisible();
        String payload = page.locator("#vietqr-payload").textContent().trim();
        assertThat(payload).contains("5406500000").contains(code);

        String src = page.locator("#vietqr").getAttribute("src");
        APIResponse png = page.request().get(url(src));
        assertThat(png.status()).isEqualTo(200);
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(decoded).isEqualTo(payload);
        assertThat(decoded).contains("500000").contains(code);

        // the raw payload waits behind a disclosure; the QR image can be saved; the code is to be kept
        assertThat(page.locator("#vietqr-payload")).not().isVisible();
        page.locator("details.govuk-details summary").click();
        assertThat(page.locator("#vietqr-payload")).isVisible();
        assertThat(page.locator("#vietqr-save")).hasAttribute("download", "VietQR-" + code + ".png");
        assertThat(page.locator("#vietqr-save")).hasAttribute("href", src);
        assertThat(page.locator("#keep-code")).containsText("giữ mã đăng ký");
        assertThat(page.locator("#transfer-amount")).hasText("500.000 ₫");
    }

    @Test
    void theStepsWorkWithoutJavaScriptAndADesktopSeesTheSameForm() throws Exception {
        long province = fixtures.unit("Tỉnh Không Script " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Bến Thành", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());
        DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());

        Page page = withoutJavaScript();
        page.navigate(url("/public/campaigns/" + campaign.code() + "/pledge"));
        capture(page, "pledge-step1-desktop");
        page.locator("#pledge-next").click();
        // nothing chosen: the summary at the top links to the amount field
        assertThat(page.locator("#pledge-errors a")).hasAttribute("href", "#cashAmount");
        capture(page, "pledge-step1-errors-desktop");
        page.locator("#cashAmount").fill("200000");
        page.locator("#pledge-next").click();
        assertThat(page.locator("#pledge-step")).containsText("Bước 2/3");
        page.locator("#pledge-next").click();
        assertThat(page.locator("#pledge-step")).containsText("Bước 3/3");
        page.locator("#pledge-back").click();
        assertThat(page.locator("#pledge-step")).containsText("Bước 2/3");
        page.locator("#pledge-next").click();
        page.locator("#name").fill("Phạm Văn Bình");
        page.locator("#phone").fill("0912 345 670");
        page.locator("#pledge-submit").click();
        page.waitForURL("**/public/pledges/CE*");
        assertThat(page.locator("#transfer-amount")).hasText("200.000 ₫");
        // without JavaScript there is no clipboard button, only the text to select
        assertThat(page.locator("button[data-copy]").first()).isHidden();
        assertThat(page.locator("#account-number")).isVisible();
        capture(page, "pledge-confirmation-desktop");
    }

    /** No horizontal scrolling on a phone (issue 12), and a screenshot to look at with -Dcungem.screenshots=true. */
    private void assertFitsTheScreen(Page page, String name) {
        PageWidth.assertNoHorizontalOverflow(page, name);
        capture(page, name);
    }
}
