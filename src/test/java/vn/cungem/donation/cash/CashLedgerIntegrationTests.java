package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.Money;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
@RecordApplicationEvents
class CashLedgerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CashLedger ledger;

    @Autowired
    ApplicationEvents events;

    AccountDetails manager;
    AccountDetails otherManager;
    long campaign;

    @BeforeEach
    void setUp() {
        long province = fixtures.unit("Tỉnh Sổ Quỹ", "province", null);
        long district = fixtures.unit("Huyện Cần Giờ", "district", province);
        long other = fixtures.unit("Huyện Củ Chi", "district", province);
        manager = fixtures.manager(district);
        otherManager = fixtures.manager(other);
        campaign = new CashTestData(jdbc).campaign(district);
    }

    @org.junit.jupiter.api.AfterEach
    void ledgerReferencesResolve() {
        new CashTestData(jdbc).assertLedgerReferencesResolve(campaign);
    }

    private void importCsv(String csv) throws Exception {
        mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                        .file(new MockMultipartFile("file", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(manager)))
                .andExpect(status().isAccepted());
    }

    /** Credits with no pledge, recorded as unpledged gifts, and fee debits: the ledger must equal a sum done here. */
    @Test
    void totalsAndRunningBalanceEqualAnIndependentSumOfTheStatement() throws Exception {
        Random random = new Random(2021_09_05L);
        StringBuilder csv = new StringBuilder("Date,Reference,Debit,Credit,Balance,Description\n");
        long credits = 0;
        long fees = 0;
        LocalDate day = LocalDate.of(2021, 9, 1);
        for (int i = 0; i < 120; i++) {
            boolean fee = random.nextInt(5) == 0;
            long amount = (1 + random.nextInt(5_000)) * 1_000L;
            String date = day.plusDays(random.nextInt(30)).toString();
            if (fee) {
                fees += amount;
                csv.append(date)
                        .append(",R")
                        .append(i)
                        .append(",\"")
                        .append(String.format("%,d", amount))
                        .append("\",,,Phi dich vu ")
                        .append(i)
                        .append('\n');
            } else {
                credits += amount;
                csv.append(date)
                        .append(",R")
                        .append(i)
                        .append(",,")
                        .append(amount)
                        .append(",,Ung ho ")
                        .append(i)
                        .append('\n');
            }
        }
        importCsv(csv.toString());
        List<Long> open = jdbc.sql(
                        "select id from bank_statement_line where campaign_id = ? and status = 'UNMATCHED' order by id")
                .param(campaign)
                .query(Long.class)
                .list();
        for (long line : open) {
            mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, line)
                            .with(user(manager))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        var page = ledger.page(campaign, null, 500, vn.cungem.shared.security.Caller.SYSTEM);
        assertThat(page.totals().credits()).isEqualTo(Money.vnd(credits));
        assertThat(page.totals().debits()).isEqualTo(Money.vnd(fees));
        assertThat(page.totals().balance()).isEqualTo(Money.vnd(credits - fees));
        assertThat(page.check().consistent()).isTrue();
        Money running = Money.ZERO;
        LocalDate previous = LocalDate.MIN;
        for (CashLedger.Entry e : page.entries()) {
            running = running.plus(e.signedAmount());
            assertThat(e.balance()).isEqualTo(running);
            assertThat(e.bookedOn()).isAfterOrEqualTo(previous);
            previous = e.bookedOn();
        }
        // The second page starts from the balance before it.
        var first = ledger.page(campaign, null, 50, vn.cungem.shared.security.Caller.SYSTEM);
        var second = ledger.page(campaign, first.nextCursor(), 50, vn.cungem.shared.security.Caller.SYSTEM);
        assertThat(second.entries().get(0).balance())
                .isEqualTo(page.entries().get(50).balance());

        String exported = mvc.perform(
                        get("/campaigns/{id}/ledger.csv", campaign).with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported.lines().count()).isEqualTo(121);
        mvc.perform(get("/api/v1/campaigns/{id}/ledger", campaign).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.balance").value(credits - fees));
    }

    private long onlyEntry() {
        return jdbc.sql("select min(id) from ledger_entry where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    @Test
    void correctionsAreNewEntriesWithAReason() throws Exception {
        importCsv("Ngày,Ghi nợ,Ghi có,Nội dung\n01/09/2021,,500.000,Ung ho\n");
        long line = jdbc.sql("select id from bank_statement_line where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, line)
                .with(user(manager))
                .with(csrf()));
        long entry = onlyEntry();
        mvc.perform(post("/api/v1/campaigns/{c}/ledger/{e}/corrections", campaign, entry)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\": \"DEBIT\", \"amount\": 200000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_en").value(org.hamcrest.Matchers.containsString("reason")));
        mvc.perform(post("/api/v1/campaigns/{c}/ledger/{e}/corrections", campaign, entry)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\": \"DEBIT\", \"amount\": 200000, \"reason\": \"Ghi thừa 200.000\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/campaigns/{c}/ledger/{e}/corrections", campaign, entry)
                        .param("direction", "CREDIT")
                        .param("amount", "50.000")
                        .param("reason", "Bù lại một phần")
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select amount_vnd from ledger_entry where id = ?")
                        .param(entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(500_000);
        assertThat(jdbc.sql("select count(*) from ledger_entry where corrects_entry_id = ? and reason = 'CORRECTION'")
                        .param(entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select description from ledger_entry where corrects_entry_id = ? order by id")
                        .param(entry)
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo("Điều chỉnh bút toán #" + entry + ": Ghi thừa 200.000");
        assertThat(ledger.page(campaign, null, 50, vn.cungem.shared.security.Caller.SYSTEM)
                        .totals()
                        .balance())
                .isEqualTo(Money.vnd(350_000));
        mvc.perform(post("/api/v1/campaigns/{c}/ledger/{e}/corrections", campaign, entry)
                        .with(user(otherManager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\": \"DEBIT\", \"amount\": 1, \"reason\": \"Thử ngoài phạm vi\"}"))
                .andExpect(status().isNotFound());
    }

    private String purchase(String key, long unitPrice) {
        return """
                {"vendorName": "Công ty TNHH Máy Tính Sài Gòn", "vendorTaxCode": "0312345678",
                 "documentKind": "INVOICE", "documentNumber": "HD-0001", "documentDate": "2021-09-20",
                 "lines": [{"itemType": "LAPTOP", "description": "Laptop 14 inch", "quantity": 2, "unitPrice": %d},
                           {"itemType": "WIFI_DEVICE", "description": "USB Wi-Fi", "quantity": 3, "unitPrice": 100000}],
                 "idempotencyKey": "%s"}""".formatted(unitPrice, key);
    }

    @Test
    void aPurchaseDebitsTheComputedTotalOnceAndIsRefusedWithoutEnoughCash() throws Exception {
        importCsv("Ngày,Ghi nợ,Ghi có,Nội dung\n01/09/2021,,10.000.000,Ung ho\n");
        long line = jdbc.sql("select id from bank_statement_line where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, line)
                .with(user(manager))
                .with(csrf()));

        String key = TestFixtures.unique("mua-");
        mvc.perform(post("/api/v1/campaigns/{c}/purchases", campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(key, 4_000_000)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.alreadyRecorded").value(false));
        mvc.perform(post("/api/v1/campaigns/{c}/purchases", campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(key, 4_000_000)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.alreadyRecorded").value(true));
        assertThat(jdbc.sql("select total_vnd from purchase where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(8_300_000);
        assertThat(ledger.balance(campaign)).isEqualTo(Money.vnd(1_700_000));
        assertThat(events.stream(GoodsPurchased.class).filter(e -> e.campaignId() == campaign))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.lines()).hasSize(2);
                    assertThat(e.lines().get(0).type()).isEqualTo(ItemType.LAPTOP);
                    assertThat(e.lines().get(0).quantity()).isEqualTo(2);
                });

        mvc.perform(post("/api/v1/campaigns/{c}/purchases", campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(TestFixtures.unique("mua-"), 1_000_000)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("purchase.insufficient"))
                .andExpect(
                        jsonPath("$.detail").value("Quỹ không đủ: mua 2.300.000 ₫ nhưng số dư chỉ còn 1.700.000 ₫."));
        mvc.perform(post("/api/v1/campaigns/{c}/purchases", campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentKind\": \"INVOICE\", \"documentNumber\": \"HD-9\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("purchase.invalid"))
                .andExpect(jsonPath("$.detail")
                        .value("Tên nhà cung cấp là bắt buộc (tối đa 200 ký tự); Ngày chứng từ là bắt buộc."))
                .andExpect(jsonPath("$.detail_en").value("Vendor name is required; The document date is required."));
        assertThat(ledger.balance(campaign)).isEqualTo(Money.vnd(1_700_000));

        mvc.perform(post("/campaigns/{c}/purchases", campaign)
                        .param("vendorName", "Nhà sách Fahasa")
                        .param("documentKind", "QUOTE")
                        .param("documentNumber", "BG-7")
                        .param("documentDate", "2021-09-21")
                        .param("itemType", "BOOKS_AND_SUPPLIES", "", "")
                        .param("description", "Sách giáo khoa lớp 1, trọn bộ", "", "")
                        .param("quantity", "10", "", "")
                        .param("unitPrice", "150.000", "", "")
                        .param("idempotencyKey", TestFixtures.unique("form-"))
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.balance(campaign)).isEqualTo(Money.vnd(200_000));
        assertThat(jdbc.sql("select description from purchase_line l join purchase p on p.id = l.purchase_id"
                                + " where p.campaign_id = ? and p.document_number = 'BG-7'")
                        .param(campaign)
                        .query(String.class)
                        .single())
                .isEqualTo("Sách giáo khoa lớp 1, trọn bộ");
        assertThat(jdbc.sql("select description from ledger_entry where campaign_id = ? and reason = 'PURCHASE'"
                                + " order by id")
                        .param(campaign)
                        .query(String.class)
                        .list())
                .containsExactly("Hoá đơn HD-0001 — Công ty TNHH Máy Tính Sài Gòn", "Báo giá BG-7 — Nhà sách Fahasa");
        mvc.perform(post("/api/v1/campaigns/{c}/purchases", campaign)
                        .with(user(otherManager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(purchase(TestFixtures.unique("mua-"), 1)))
                .andExpect(status().isNotFound());
    }
}
