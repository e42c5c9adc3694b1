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
        page.locator("[id='lines0.itemType']").selectOption("LAPTOP");
        page.locator("[id='lines0.quantity']").fill("1");
        page.locator("[id='lines0.condition']").selectOption("USED_WORKING");
        page.locator("[id='lines0.accessories']").fill("Sạc và cáp");
        page.locator("#cashAmount").fill("500.000");
        page.locator("#collectionPointId").selectOption(Long.toString(point.id()));
        page.locator("#name").fill("Lê Thị Mai");
        page.locator("#phone").fill("0912 345 678");
        page.locator("input[name=namedPublicly]").check();
        page.locator("#pledge-form button[type=submit]").click();
        page.waitForURL("**/public/pledges/CE*");

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
    }
}
