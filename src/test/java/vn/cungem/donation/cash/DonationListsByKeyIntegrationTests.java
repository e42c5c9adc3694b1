package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The donation lists page by key (issue 15): paging through pledges (with a status filter and a search), statement lines
 * and the ledger forward to the end and back to the start shows every row once, in the list's order, even when many rows
 * share a booking date; the ledger's running balance continues across pages; a tampered cursor or one of another list
 * gets a message, not a 500.
 */
@IntegrationTest
class DonationListsByKeyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CashLedger ledger;

    @Autowired
    StatementQueries statements;

    AccountDetails manager;
    long campaign;
    long importId;
    CashTestData data;

    @BeforeEach
    void setUp() {
        long province = fixtures.unit("Tỉnh Trang Theo Khoá", "province", null);
        manager = fixtures.manager(province);
        data = new CashTestData(jdbc);
        campaign = data.campaign(province);
        jdbc.sql("""
                        insert into bank_statement_import (campaign_id, file_name, file_sha256, lines_in_file,
                                                           lines_added, lines_already_known, imported_by_name,
                                                           imported_at)
                        values (?, 'sao-ke.csv', ?, 0, 0, 0, 'Kế toán', ?)""")
                .params(campaign, TestFixtures.unique("sha"), OffsetDateTime.now())
                .update();
        importId = jdbc.sql("select max(id) from bank_statement_import where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    /** Follows nextCursor from the first page to the end, then previousCursor back; the ids of each pass. */
    private List<List<Long>> walk(String url, String rows, String... filter) throws Exception {
        List<Long> forward = new ArrayList<>();
        List<Long> backward = new ArrayList<>();
        String cursor = null;
        String last = null;
        List<Long> lastPage = new ArrayList<>();
        int pages = 0;
        do {
            var request = get(url).with(user(manager)).param("size", "7");
            for (int i = 0; i < filter.length; i += 2) {
                request.param(filter[i], filter[i + 1]);
            }
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String json = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Number> ids = JsonPath.read(json, "$." + rows + "[*].id");
            lastPage.clear();
            ids.forEach(id -> lastPage.add(id.longValue()));
            forward.addAll(lastPage);
            last = JsonPath.read(json, "$.previousCursor");
            cursor = JsonPath.read(json, "$.nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        // back from the last page: the pages before it, each prepended
        backward.addAll(lastPage);
        cursor = last;
        while (cursor != null && pages < 200) {
            var request = get(url).with(user(manager)).param("size", "7").param("cursor", cursor);
            for (int i = 0; i < filter.length; i += 2) {
                request.param(filter[i], filter[i + 1]);
            }
            String json = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Number> ids = JsonPath.read(json, "$." + rows + "[*].id");
            List<Long> page = new ArrayList<>();
            ids.forEach(id -> page.add(id.longValue()));
            backward.addAll(0, page);
            cursor = JsonPath.read(json, "$.previousCursor");
            pages++;
        }
        return List.of(forward, backward);
    }

    @Test
    void pledgesPageNewestFirstWithAStatusFilterAndASearchForwardAndBack() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(data.pledge(campaign, (i % 2 == 0 ? "Nguyễn Văn " : "Trần Thị ") + i, 100_000L)
                    .id());
        }
        List<Long> cancelled = all.subList(0, 20);
        jdbc.sql("update pledge set status = 'CANCELLED' where id in ("
                        + String.join(
                                ",", cancelled.stream().map(String::valueOf).toList()) + ")")
                .update();
        String url = "/api/v1/campaigns/" + campaign + "/pledges";

        List<Long> newestFirst = reversed(all);
        List<List<Long>> everything = walk(url, "rows");
        assertThat(everything.get(0)).containsExactlyElementsOf(newestFirst);
        List<List<Long>> pledged = walk(url, "rows", "status", "PLEDGED");
        List<Long> expected =
                newestFirst.stream().filter(id -> !cancelled.contains(id)).toList();
        assertThat(pledged.get(0)).containsExactlyElementsOf(expected);
        assertThat(pledged.get(1)).containsExactlyElementsOf(expected);
        List<List<Long>> tran = walk(url, "rows", "q", "tran thi", "status", "PLEDGED");
        assertThat(tran.get(0))
                .hasSize(20)
                .containsExactlyElementsOf(
                        expected.stream().filter(id -> all.indexOf(id) % 2 == 1).toList());
    }

    @Test
    void pledgesWalkToTheEndAndBackAcrossThreePages() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(data.pledge(campaign, "Lê Văn " + i, null).id());
        }
        List<List<Long>> walked = walk("/api/v1/campaigns/" + campaign + "/pledges", "rows");
        // 25 a page: 25 + 25 + 10, each page once forward and once back
        assertThat(walked.get(0)).containsExactlyElementsOf(reversed(all));
        assertThat(walked.get(1)).containsExactlyElementsOf(reversed(all));
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private long line(LocalDate bookedOn, long credit, long debit, String status) {
        String fingerprint = TestFixtures.unique("fp");
        jdbc.sql("""
                        insert into bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference,
                                                         debit_vnd, credit_vnd, description, description_folded,
                                                         status)
                        values (?, ?, ?, ?, ?, ?, ?, 'Ung ho', 'ung ho', ?)""")
                .params(campaign, importId, fingerprint, bookedOn, fingerprint, debit, credit, status)
                .update();
        return jdbc.sql("select id from bank_statement_line where fingerprint = ?")
                .param(fingerprint)
                .query(Long.class)
                .single();
    }

    @Test
    void statementLinesPageInBookingOrderAcrossLinesOfTheSameDay() throws Exception {
        record Line(LocalDate on, long id, String status) {}
        List<Line> lines = new ArrayList<>();
        // three days, many lines each, inserted out of date order: the order is the date, then the id
        for (int i = 0; i < 45; i++) {
            LocalDate on = LocalDate.of(2021, 9, 3 - (i % 3));
            String status = i % 4 == 0 ? "IGNORED" : "UNMATCHED";
            lines.add(new Line(on, line(on, 100_000 + i, 0, status), status));
        }
        List<Long> inOrder = lines.stream()
                .sorted(java.util.Comparator.comparing(Line::on).thenComparing(Line::id))
                .map(Line::id)
                .toList();
        String url = "/api/v1/campaigns/" + campaign + "/statements/lines";
        List<List<Long>> walked = walk(url, "lines");
        assertThat(walked.get(0)).containsExactlyElementsOf(inOrder);
        assertThat(walked.get(1)).containsExactlyElementsOf(inOrder);
        List<Long> unmatched = lines.stream()
                .sorted(java.util.Comparator.comparing(Line::on).thenComparing(Line::id))
                .filter(l -> l.status().equals("UNMATCHED"))
                .map(Line::id)
                .toList();
        List<List<Long>> filtered = walk(url, "lines", "status", "UNMATCHED");
        assertThat(filtered.get(0)).containsExactlyElementsOf(unmatched);
        assertThat(filtered.get(1)).containsExactlyElementsOf(unmatched);
    }

    private void entry(LocalDate bookedOn, String direction, long amount) {
        jdbc.sql("""
                        insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description,
                                                  recorded_by_name, created_at)
                        values (?, ?, ?, ?, ?, 'Bút toán', 'Kế toán', ?)""")
                .params(
                        campaign,
                        bookedOn,
                        direction,
                        amount,
                        direction.equals("CREDIT") ? "TRANSFER_IN" : "BANK_FEE",
                        OffsetDateTime.now())
                .update();
    }

    @Test
    void theLedgerPagesByKeyAndItsBalanceRunsOnAcrossPages() throws Exception {
        for (int i = 0; i < 33; i++) {
            // booked out of order, several a day
            entry(LocalDate.of(2021, 10, 5 - (i % 4)), i % 5 == 4 ? "DEBIT" : "CREDIT", 1_000 * (i + 1));
        }
        List<CashLedger.Entry> all = new ArrayList<>();
        String cursor = null;
        do {
            CashLedger.Page page = ledger.page(campaign, cursor, 10, Caller.SYSTEM);
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).hasSize(33);
        Money running = Money.ZERO;
        CashLedger.Entry previous = null;
        for (CashLedger.Entry e : all) {
            running = running.plus(e.signedAmount());
            assertThat(e.balance()).isEqualTo(running);
            if (previous != null) {
                assertThat(e.bookedOn()).isAfterOrEqualTo(previous.bookedOn());
                if (e.bookedOn().equals(previous.bookedOn())) {
                    assertThat(e.id()).isGreaterThan(previous.id());
                }
            }
            previous = e;
        }
        // back from the last page: the same entries with the same balances
        CashLedger.Page last = ledger.page(campaign, null, 10, Caller.SYSTEM);
        while (last.nextCursor() != null) {
            last = ledger.page(campaign, last.nextCursor(), 10, Caller.SYSTEM);
        }
        CashLedger.Page back = ledger.page(campaign, last.previousCursor(), 10, Caller.SYSTEM);
        assertThat(back.entries()).containsExactlyElementsOf(all.subList(20, 30));
        assertThat(back.totals().balance()).isEqualTo(running);
    }

    @Test
    void aTamperedCursorOrOneOfAnotherListIsRefusedWithAMessage() throws Exception {
        data.pledge(campaign, "Phạm Văn Bốn", null);
        long line = line(LocalDate.of(2021, 9, 1), 50_000, 0, "UNMATCHED");
        String ofLines =
                vn.cungem.donation.ListCursor.after("statement-lines", line).encode();
        mvc.perform(get("/api/v1/campaigns/{id}/pledges", campaign)
                        .param("cursor", ofLines)
                        .with(user(manager)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("trang đầu")));
        mvc.perform(get("/api/v1/campaigns/{id}/statements/lines", campaign)
                        .param("cursor", "not-a-cursor")
                        .with(user(manager)))
                .andExpect(status().isBadRequest());
        // a cursor naming a line of another campaign is no place to start from
        String foreign =
                vn.cungem.donation.ListCursor.after("ledger", Long.MAX_VALUE).encode();
        mvc.perform(get("/api/v1/campaigns/{id}/ledger", campaign)
                        .param("cursor", foreign)
                        .with(user(manager)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/campaigns/{id}/pledges", campaign)
                        .param("cursor", "x")
                        .with(user(manager)))
                .andExpect(status().isBadRequest());
    }
}
