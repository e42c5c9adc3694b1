package vn.cungem.inventory.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.work.ItemHistory;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13, scan mode: one action chosen, tag after tag, each answered at once; two volunteers on one device. */
@IntegrationTest
class ScanIntegrationTests {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Scans scans;

    @Autowired
    ItemWork work;

    @Autowired
    SoftwareProfiles profiles;

    @Autowired
    ItemHistory history;

    @Autowired
    MockMvc mvc;

    WorkshopTestData data;
    AccountDetails an;

    @BeforeEach
    void setUp() {
        data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        an = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null);
    }

    @Test
    void eachScanAppliesTheChosenActionAndSaysWhatHappened() {
        String typed = data.device(ItemType.LAPTOP);
        String fromLabel = data.device(ItemType.TABLET);

        var first = scans.scan(
                ScanAction.START_INSPECTION, null, " " + typed.toLowerCase() + " ", "k1-" + typed, an.caller(), VI);
        assertThat(first.applied()).isTrue();
        assertThat(first.tag()).isEqualTo(typed);
        assertThat(first.status()).isEqualTo("Đang kiểm tra");
        var second = scans.scan(
                ScanAction.START_INSPECTION,
                null,
                "http://localhost:8080/inventory/items/" + fromLabel,
                null,
                an.caller(),
                VI);
        assertThat(second.applied()).isTrue();
        assertThat(work.item(fromLabel, an.caller()).status()).isEqualTo(ItemStatus.IN_INSPECTION);

        // the same request again (a double tap) records nothing more
        var retry = scans.scan(ScanAction.START_INSPECTION, null, typed, "k1-" + typed, an.caller(), VI);
        assertThat(retry.applied()).isTrue();
        assertThat(retry.repeated()).isTrue();
        // scanned again as a new scan: refused, with the reason, and the device stays as it was
        var again = scans.scan(ScanAction.START_INSPECTION, null, typed, null, an.caller(), VI);
        assertThat(again.applied()).isFalse();
        assertThat(again.message()).isNotBlank();
        assertThat(again.status()).isEqualTo("Đang kiểm tra");
        assertThat(history.of(typed, an.caller()))
                .filteredOn(ItemHistory.Line::applied)
                .hasSize(1);

        // wiping by scan, with the method chosen once
        var wiped = scans.scan(ScanAction.WIPE, WipeMethod.FACTORY_RESET, typed, null, an.caller(), VI);
        assertThat(wiped.applied()).isTrue();
        assertThat(work.item(typed, an.caller()).status()).isEqualTo(ItemStatus.WIPED);
        // looking only changes nothing
        var look = scans.scan(ScanAction.SHOW, null, typed, null, an.caller(), Locale.ENGLISH);
        assertThat(look.status()).isEqualTo("Wiped");
        assertThat(look.device()).contains("Dell Latitude");
    }

    @Test
    void softwareInstalledByScanRecordsTheProfileChosenOnceWithTheAction() {
        String tag = data.device(ItemType.LAPTOP);
        var manager = fixtures.manager(data.district).caller();
        var profile = profiles.create(
                data.campaign,
                new SoftwareProfiles.NewProfile(
                        vn.cungem.organisation.SchoolLevel.LOWER_SECONDARY,
                        TestFixtures.unique("THCS "),
                        "Trình duyệt an toàn, ứng dụng học tập của trường"),
                manager);
        var elsewhere = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        var foreignProfile = profiles.create(
                elsewhere.campaign,
                new SoftwareProfiles.NewProfile(
                        vn.cungem.organisation.SchoolLevel.PRIMARY, TestFixtures.unique("TH "), "Trình duyệt"),
                fixtures.manager(elsewhere.district).caller());
        scans.scan(ScanAction.START_INSPECTION, null, tag, null, an.caller(), VI);
        scans.scan(ScanAction.WIPE, WipeMethod.FACTORY_RESET, tag, null, an.caller(), VI);

        var noProfile = scans.scan(ScanAction.INSTALL_SOFTWARE, null, null, tag, null, an.caller(), VI);
        assertThat(noProfile.applied()).isFalse();
        assertThat(noProfile.message()).isEqualTo("Hãy chọn bộ phần mềm đã cài trước khi quét.");
        var wrongCampaign =
                scans.scan(ScanAction.INSTALL_SOFTWARE, null, foreignProfile.id(), tag, null, an.caller(), VI);
        assertThat(wrongCampaign.applied()).isFalse();
        assertThat(work.item(tag, an.caller()).status()).isEqualTo(ItemStatus.WIPED);

        var installed = scans.scan(ScanAction.INSTALL_SOFTWARE, null, profile.id(), tag, "sw-" + tag, an.caller(), VI);
        assertThat(installed.applied()).isTrue();
        assertThat(installed.status()).isEqualTo("Đã cài phần mềm");
        assertThat(work.item(tag, an.caller()).softwareProfileId()).isEqualTo(profile.id());
        assertThat(scans.scan(ScanAction.INSTALL_SOFTWARE, null, profile.id(), tag, "sw-" + tag, an.caller(), VI)
                        .repeated())
                .isTrue();
    }

    @Test
    void aTagOutsideTheScopeOrUnreadableIsAnsweredNotFound() {
        var elsewhere = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String foreign = elsewhere.device(ItemType.LAPTOP);
        var result = scans.scan(ScanAction.START_INSPECTION, null, foreign, null, an.caller(), VI);
        assertThat(result.applied()).isFalse();
        assertThat(result.device()).isNull();
        assertThat(result.status()).isNull();
        assertThat(result.message()).contains(foreign);
        assertThat(inventory.byTag(foreign).orElseThrow().status()).isEqualTo("RECEIVED");

        var garbage = scans.scan(ScanAction.START_INSPECTION, null, "<b>??</b>", null, an.caller(), Locale.ENGLISH);
        assertThat(garbage.applied()).isFalse();
        assertThat(garbage.message()).contains("could not be read");
        var noAction = scans.scan(null, null, foreign, null, an.caller(), Locale.ENGLISH);
        assertThat(noAction.applied()).isFalse();
    }

    @Test
    void thePageWorksAsAPlainFormAndAnswersHtmxWithTheResultAndAFreshField() throws Exception {
        String tag = data.device(ItemType.LAPTOP);
        String page = mvc.perform(get("/inventory/scan")
                        .param("action", "START_INSPECTION")
                        .with(user(an)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("/webjars/html5-qrcode/[0-9.]+/html5-qrcode.min.js")
                .contains("id=\"scan-code\"");

        String plain = mvc.perform(post("/inventory/scan")
                        .param("action", "START_INSPECTION")
                        .param("code", tag)
                        .param("key", "plain-" + tag)
                        .with(user(an))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(plain).contains("<html").contains(tag).contains("scan-result ok");

        String other = data.device(ItemType.LAPTOP);
        String answer = mvc.perform(post("/inventory/scan")
                        .header("HX-Request", "true")
                        .param("action", "START_INSPECTION")
                        .param("code", other)
                        .with(user(an))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer)
                .doesNotContain("<html")
                .contains("id=\"scan-form\"")
                .contains("hx-swap-oob=\"afterbegin:#scan-results\"")
                .contains(other);
        assertThat(work.item(other, an.caller()).status()).isEqualTo(ItemStatus.IN_INSPECTION);

        // hostile input is answered on the page, never a 500
        mvc.perform(post("/inventory/scan")
                        .param("action", "NOPE")
                        .param("code", "x".repeat(5000))
                        .with(user(an))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void twoVolunteersScanningOneDeviceAtOnceLeaveOneResultAndEachAttemptExplained() throws Exception {
        Caller binh = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null)
                .caller();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String tag = data.device(ItemType.LAPTOP);
                int before = work.item(tag, binh).version();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Scans.Result>> attempts = new ArrayList<>();
                for (Caller who : List.of(an.caller(), binh)) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return scans.scan(ScanAction.START_INSPECTION, null, tag, null, who, Locale.ENGLISH);
                    }));
                }
                start.countDown();
                List<Scans.Result> results = new ArrayList<>();
                for (Future<Scans.Result> f : attempts) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).filteredOn(Scans.Result::applied).hasSize(1);
                Scans.Result loser =
                        results.stream().filter(r -> !r.applied()).findFirst().orElseThrow();
                // the loser is told the state the device is in now, whichever way it lost
                assertThat(loser.status()).isEqualTo("In inspection");
                assertThat(loser.message()).isNotBlank();
                assertThat(work.item(tag, binh).status()).isEqualTo(ItemStatus.IN_INSPECTION);
                assertThat(work.item(tag, binh).version()).isEqualTo(before + 1);
                List<ItemHistory.Line> lines = history.of(tag, binh);
                assertThat(lines).filteredOn(ItemHistory.Line::applied).hasSize(1);
                if (loser.message().contains("Someone else just changed this device")) {
                    // lost the race on the row: its own history line says what it tried
                    assertThat(lines).hasSize(2);
                    assertThat(lines)
                            .filteredOn(l -> !l.applied())
                            .singleElement()
                            .satisfies(l -> {
                                assertThat(l.from()).isEqualTo(ItemStatus.RECEIVED);
                                assertThat(l.to()).isEqualTo(ItemStatus.IN_INSPECTION);
                            });
                } else {
                    // came after the winner had committed: refused by the lifecycle, nothing written
                    assertThat(lines).hasSize(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
