package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.handover.Batch;
import vn.cungem.handover.HandoverTestData;
import vn.cungem.handover.Handovers;
import vn.cungem.handover.NewBatch;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 14: a volunteer on a 390×844 phone hands over three laptops from today's list: the first after a wrong tag is
 * refused, the second online, the third with the browser offline (the pages come from the service worker's copy, the
 * record waits in IndexedDB); back online the queued record is sent and arrives once, and replaying it with the same
 * key answers the same record. The record's PDF is fetched and read.
 */
class HandoverBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    Handovers handovers;

    private long records(long studentId) {
        return jdbc.sql("select count(*) from handover_record where student_id = ?")
                .param(studentId)
                .query(Long.class)
                .single();
    }

    private void sign(Page page) {
        page.locator("#signature-pad").scrollIntoViewIfNeeded();
        BoundingBox box = page.locator("#signature-pad").boundingBox();
        page.mouse().move(box.x + 20, box.y + 40);
        page.mouse().down();
        page.mouse().move(box.x + 80, box.y + 120, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(box.x + 160, box.y + 60, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
    }

    private void fillRecord(Page page, String tag) {
        page.locator("#tag").fill(tag);
        page.locator("#guardianName").fill("Trần Văn Bố");
        page.locator("#guardianRelation").fill("Cha");
        page.locator("#guardianPhone").fill("0912345678");
        sign(page);
    }

    @Test
    void aVolunteerHandsOverThreeLaptopsOneOfThemOfflineAndEachRecordArrivesOnce() {
        var data = new HandoverTestData(fixtures, jdbc, events, tx, inventory, reservations);
        List<Long> students = List.of(
                data.studentWithLaptop("Nguyễn Thị Lan"),
                data.studentWithLaptop("Lê Quang Huy"),
                data.studentWithLaptop("Phạm Thị Mai"));
        long batchId = handovers.createBatch(
                new NewBatch(data.campaign(), data.school(), Handovers.today(), Batch.PlaceKind.SCHOOL, null),
                data.manager);
        var entries = handovers.batch(batchId, data.manager).entries();
        AccountDetails volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district(), null, null);

        Page phone = phone();
        signIn(phone, volunteer.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/handover/today"));
        assertThat(phone.locator("body[data-offline-ready=true]")).hasCount(1);
        assertThat(phone.locator("#handover-offline")).isVisible();
        capture(phone, "handover-today-phone");

        // 1: a wrong tag (another child's laptop) is refused on the phone and nothing is recorded
        long first = students.get(0);
        Batch.Entry e1 =
                entries.stream().filter(e -> e.studentId() == first).findFirst().orElseThrow();
        phone.locator("li[data-entry='" + e1.id() + "'] a").click();
        assertThat(phone.locator("#signature-group")).isVisible();
        fillRecord(phone, data.tagOf(students.get(1)));
        phone.locator("#handover-submit").click();
        assertThat(phone.locator("#tag-error")).containsText(data.tagOf(students.get(1)));
        assertThat(records(first)).isZero();
        capture(phone, "handover-entry-wrong-tag-phone");
        phone.locator("#tag").fill(data.tagOf(first).toLowerCase());
        phone.locator("#handover-submit").click();
        assertThat(phone.locator("#handover-outbox .handover-sent")).containsText("BG-");
        assertThat(records(first)).isEqualTo(1);

        // 2: online
        long second = students.get(1);
        Batch.Entry e2 = entries.stream()
                .filter(e -> e.studentId() == second)
                .findFirst()
                .orElseThrow();
        phone.navigate(url("/handover/today"));
        phone.locator("li[data-entry='" + e2.id() + "'] a").click();
        fillRecord(phone, data.tagOf(second));
        phone.locator("#handover-submit").click();
        assertThat(phone.locator("#handover-outbox .handover-sent")).hasCount(2);
        assertThat(records(second)).isEqualTo(1);

        // 3: no signal — the page comes from the phone's copy and the record waits on the phone. The phone's clock says
        // two hours ago (the batch was made three hours ago): the record is dated when it was made there, not when it
        // arrives
        jdbc.sql("update handover_batch set created_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusHours(3), batchId)
                .update();
        java.time.Instant madeOnPhone = java.time.Instant.now()
                .minus(java.time.Duration.ofHours(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long third = students.get(2);
        Batch.Entry e3 =
                entries.stream().filter(e -> e.studentId() == third).findFirst().orElseThrow();
        phone.navigate(url("/handover/today"));
        assertThat(phone.locator("body[data-offline-ready=true]")).hasCount(1);
        phone.context().setOffline(true);
        phone.locator("li[data-entry='" + e3.id() + "'] a").click();
        String masked = handovers.batch(batchId, volunteer.caller()).entries().stream()
                .filter(e -> e.studentId() == third)
                .findFirst()
                .orElseThrow()
                .name();
        assertThat(phone.locator("h1")).hasText(masked);
        phone.clock().setFixedTime(madeOnPhone.toEpochMilli());
        fillRecord(phone, data.tagOf(third));
        phone.locator("#handover-submit").click();
        assertThat(phone.locator("#handover-offline")).containsText("Không có mạng");
        assertThat(phone.locator("#handover-outbox .handover-pending")).containsText(masked);
        capture(phone, "handover-entry-queued-offline-phone");
        assertThat(records(third)).isZero();

        phone.context().setOffline(false);
        assertThat(phone.locator("#handover-outbox .handover-sent")).hasCount(3);
        assertThat(phone.locator("#handover-outbox .handover-pending")).hasCount(0);
        assertThat(records(third)).isEqualTo(1);
        assertThat(jdbc.sql("select made_offline from handover_record where student_id = ?")
                        .param(third)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        java.time.OffsetDateTime[] times = jdbc.sql(
                        "select made_at, created_at from handover_record where student_id = ?")
                .param(third)
                .query((rs, n) -> new java.time.OffsetDateTime[] {
                    rs.getObject(1, java.time.OffsetDateTime.class), rs.getObject(2, java.time.OffsetDateTime.class)
                })
                .single();
        assertThat(java.time.Duration.between(madeOnPhone, times[0].toInstant()).abs())
                .isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(times[1].toInstant()).isAfter(madeOnPhone.plus(java.time.Duration.ofMinutes(90)));

        // a second sync (the answer lost on the way back): the same key answers the same record, nothing new
        String number = jdbc.sql("select record_number from handover_record where student_id = ?")
                .param(third)
                .query(String.class)
                .single();
        String key = jdbc.sql("select idempotency_key from handover_record where student_id = ?")
                .param(third)
                .query(String.class)
                .single();
        Object replayed =
                phone.evaluate("""
                ([url, key, tag]) => fetch(url, {method: 'POST', credentials: 'same-origin',
                  headers: {'Content-Type': 'application/json', 'Idempotency-Key': key,
                    [document.querySelector('meta[name=_csrf_header]').content]:
                      document.querySelector('meta[name=_csrf]').content},
                  body: JSON.stringify({tags: [tag], guardianName: 'Trần Văn Bố', guardianRelation: 'Cha'})})
                  .then(r => r.json()).then(b => b.number)""", List.of("/handover/entries/" + e3.id() + "/record", key, data.tagOf(third)));
        assertThat(replayed).isEqualTo(number);
        phone.reload();
        assertThat(phone.locator("#handover-outbox .handover-sent")).hasCount(3);
        assertThat(records(third)).isEqualTo(1);

        // the record and its PDF
        phone.navigate(url("/handover/records/" + number));
        assertThat(phone.locator("#record-pdf")).isVisible();
        assertThat(phone.locator("#record-received")).isVisible();
        capture(phone, "handover-record-phone");
        // the first PDF of a run loads the fonts: slower than an action on a loaded machine, so its own time limit
        APIResponse pdf = phone.request()
                .get(
                        url("/handover/records/" + number + "/record.pdf"),
                        com.microsoft.playwright.options.RequestOptions.create().setTimeout(120_000));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        String text;
        try {
            text = DonationTestData.pdfText(pdf.body());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains(number)
                .contains(data.tagOf(third))
                .contains("Trần Văn Bố")
                // the volunteer does not cover the school: the child's name stays masked on their copy
                .doesNotContain("Phạm Thị Mai");

        Page desk = desktop();
        signIn(desk, fixtures.manager(data.district()).email(), TestFixtures.PASSWORD);
        desk.navigate(url("/handover/batches/" + batchId));
        assertThat(desk.locator("main")).containsText("Phạm Thị Mai");
        assertThat(desk.locator("main a[href^='/handover/records/']")).hasCount(3);
        capture(desk, "handover-batch-desktop");
        desk.navigate(url("/handover/records/" + number));
        capture(desk, "handover-record-desktop");
        desk.navigate(url("/handover/guide/LAPTOP"));
        assertThat(desk.locator("h1")).containsText("Máy tính xách tay");
        capture(desk, "handover-guide-desktop");

        // every handover and follow-up page as the district's manager sees it, at 1366×900 and at 390 px: axe-core
        // WCAG 2.2 AA, no sideways scroll, a screenshot each (target/screenshots)
        long followUp = jdbc.sql("select id from followup_handover where student_id = ?")
                .param(third)
                .query(Long.class)
                .single();
        long check = jdbc.sql("select min(id) from followup_check where followup_handover_id = ?")
                .param(followUp)
                .query(Long.class)
                .single();
        List<String> pages = List.of(
                "/handover",
                "/handover/today",
                "/handover/batches/" + batchId,
                "/handover/entries/" + e3.id(),
                "/handover/records/" + number,
                "/handover/guide/LAPTOP",
                "/followup/checks",
                "/followup/checks/" + check,
                "/followup/devices/" + followUp,
                "/followup/cases",
                "/followup/coverage",
                "/followup/campaigns/" + data.campaign() + "/schedule");
        List<String> problems = new java.util.ArrayList<>();
        for (String path : pages) {
            desk.setViewportSize(1366, 900);
            desk.navigate(url(path));
            String name =
                    "-" + pages.indexOf(path) + path.replaceAll("[^a-z]+", "-").replaceAll("-+$", "");
            PageChecks.accessibility(desk, "pages" + name + "-desktop")
                    .forEach(p -> problems.add(path + " desktop: " + p));
            desk.setViewportSize(390, 844);
            desk.reload();
            PageChecks.accessibility(desk, "pages" + name + "-phone").forEach(p -> problems.add(path + " 390: " + p));
            PageChecks.noSidewaysScroll(desk).forEach(p -> problems.add(path + ": " + p));
        }
        assertThat(problems).isEmpty();
    }
}
