package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: a volunteer on a 390×844 phone takes a used laptop from received to ready: inspects it (the battery
 * fails), repairs it with a part, wipes it, installs the lower-secondary profile and marks it ready.
 */
class WorkshopJourneyBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    SoftwareProfiles profiles;

    @Test
    void aVolunteerMakesAUsedLaptopReadyOnAPhone() {
        var data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String tag = data.device(ItemType.LAPTOP);
        profiles.create(
                data.campaign,
                new SoftwareProfiles.NewProfile(SchoolLevel.LOWER_SECONDARY, "THCS", "Trình duyệt, OLM, LibreOffice"),
                fixtures.manager(data.district).caller());
        AccountDetails volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null);

        Page phone = phone();
        signIn(phone, volunteer.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/campaigns/" + data.campaign + "/inventory"));
        phone.locator("a:text('" + tag + "')").click();
        assertThat(phone.locator("#work-status")).hasText("Đã nhận");

        capture(phone, "workshop-item-received-phone");
        phone.locator("button[data-move=START_INSPECTION]").click();
        assertThat(phone.locator("#work-status")).hasText("Đang kiểm tra");
        phone.locator("input[name='result.BATTERY'][value=FAIL]").check();
        phone.locator("input[name='note.BATTERY']").fill("Pin phồng, sạc không vào");
        capture(phone, "workshop-inspection-phone");
        phone.locator("#inspection-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Cần sửa chữa");

        phone.locator("button[data-move=START_REPAIR]").click();
        phone.locator("#repair-form input[name=fault]").fill("Pin phồng");
        phone.locator("#repair-form input[name=partName]").first().fill("Pin 3 cell");
        phone.locator("#repair-form input[name=partCost]").first().fill("350000");
        phone.locator("#repair-form input[name=hours]").fill("0.5");
        phone.locator("#repair-form button[type=submit]").click();
        assertThat(phone.locator("#work-history")).containsText("Pin phồng");

        phone.locator("#wipe-form select[name=method]").selectOption("OVERWRITE");
        phone.locator("#wipe-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã xóa dữ liệu");

        phone.locator("#software-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã cài phần mềm");
        capture(phone, "workshop-before-ready-phone");
        phone.locator("button[data-move=MARK_READY]").click();
        assertThat(phone.locator("#work-status")).hasText("Sẵn sàng trao");
        assertThat(phone.locator("#work-history li")).hasCount(7);
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);

        // The same item at the workshop's desk: its history and what may happen next.
        Page desk = desktop();
        signIn(desk, volunteer.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/campaigns/" + data.campaign + "/inventory"));
        capture(desk, "workshop-list-desktop");
        desk.locator("a:text('" + tag + "')").click();
        assertThat(desk.locator("#work-status")).hasText("Sẵn sàng trao");
        capture(desk, "workshop-item-ready-desktop");
    }

    /**
     * Issue 13's "done when" from the start: the laptop is received at a school's collection point by that school's
     * officer, and the volunteer finds it by scanning its tag in scan mode (typed, as a USB scanner types), then
     * inspects it (one check fails), repairs it with a part, wipes it, installs the lower-secondary profile, prints its
     * label and marks it ready, all on a 390×844 phone.
     */
    @Test
    void aLaptopReceivedByTheSchoolsOfficerIsScannedRepairedWipedLabelledAndMadeReadyByAVolunteer() {
        var donations = new vn.cungem.donation.receiving.DonationTestData(jdbc);
        long city = fixtures.unit(TestFixtures.unique("Tỉnh "), "province", null);
        long district = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        long school = fixtures.school("Trường THCS Linh Trung", district);
        long campaign = donations.campaign(district);
        long point = donations.point(campaign, district, school);
        profiles.create(
                campaign,
                new SoftwareProfiles.NewProfile(SchoolLevel.LOWER_SECONDARY, "THCS", "Trình duyệt, OLM, LibreOffice"),
                fixtures.manager(district).caller());
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        AccountDetails volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, district, null, null);

        Page desk = phone();
        signIn(desk, officer.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/campaigns/" + campaign + "/receipts/new"));
        desk.locator("#point").selectOption(String.valueOf(point));
        desk.locator("#donorName").fill("Lê Văn Tâm");
        desk.locator("#type0").selectOption("LAPTOP");
        desk.locator("#qty0").fill("1");
        desk.locator("#cond0").selectOption("USED_WORKING");
        desk.locator("#desc0").fill("ThinkPad T480, RAM 8GB");
        capture(desk, "workshop-receipt-officer-phone");
        desk.locator("form button[type=submit]").last().click();
        String tag = jdbc.sql("select tag from inventory_item where campaign_id = ?")
                .param(campaign)
                .query(String.class)
                .single();
        assertThat(desk.locator("main")).containsText(tag);
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("""
                                select count(*) from inventory_item i join inventory_place p on p.id = i.place_id
                                 where i.tag = ? and p.collection_point_id = ?""").params(tag, point).query(Long.class).single())
                .as("received at the school's collection point")
                .isEqualTo(1L);

        Page phone = phone();
        signIn(phone, volunteer.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/inventory/scan"));
        phone.locator("#scan-action").selectOption("START_INSPECTION");
        phone.locator("#scan-choose button[type=submit]").click();
        phone.locator("#scan-code").fill(tag.toLowerCase());
        phone.locator("#scan-code").press("Enter");
        assertThat(phone.locator("#scan-results li").first()).containsText(tag);
        assertThat(phone.locator("#scan-results li").first()).containsText("Đang kiểm tra");
        capture(phone, "workshop-scan-received-phone");

        phone.navigate(url("/inventory/items/" + tag));
        assertThat(phone.locator("#work-status")).hasText("Đang kiểm tra");
        phone.locator("input[name='result.SCREEN'][value=FAIL]").check();
        phone.locator("input[name='note.SCREEN']").fill("Màn hình sọc");
        phone.locator("#inspection-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Cần sửa chữa");
        phone.locator("button[data-move=START_REPAIR]").click();
        phone.locator("#repair-form input[name=fault]").fill("Màn hình sọc");
        phone.locator("#repair-form input[name=partName]").first().fill("Màn hình 14 inch");
        phone.locator("#repair-form input[name=partCost]").first().fill("900000");
        phone.locator("#repair-form input[name=hours]").fill("1");
        phone.locator("#repair-form button[type=submit]").click();
        assertThat(phone.locator("#work-history")).containsText("Màn hình sọc");
        phone.locator("#wipe-form select[name=method]").selectOption("OVERWRITE");
        phone.locator("#wipe-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã xóa dữ liệu");
        phone.locator("#software-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã cài phần mềm");

        String labels = phone.locator("#label-print").getAttribute("href");
        // the first PDF of a run loads its fonts: on a loaded machine that is longer than a page's wait
        var printed = phone.request()
                .get(
                        url(labels),
                        com.microsoft.playwright.options.RequestOptions.create().setTimeout(120_000));
        org.assertj.core.api.Assertions.assertThat(printed.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(printed.headers().get("content-type"))
                .startsWith("application/pdf");
        org.assertj.core.api.Assertions.assertThat(
                        new String(printed.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        phone.locator("button[data-move=MARK_READY]").click();
        assertThat(phone.locator("#work-status")).hasText("Sẵn sàng trao");
        capture(phone, "workshop-received-by-officer-ready-phone");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);
    }
}
