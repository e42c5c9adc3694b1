package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 11, bank half of "done when": a finance officer imports, through the API, a bilingual-header XLSX as
 * Vietcombank exports it and a CSV from another bank, and both reconcile with the pledges by the transfer's code. A
 * layout the importer does not know waits for its columns to be confirmed, once: next month's statement of the same
 * account goes straight through.
 */
@IntegrationTest
class BankExportsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    AccountDetails officer;
    long campaign;
    CashTestData.Pledge first;
    CashTestData.Pledge second;

    @BeforeEach
    void setUp() {
        long province = fixtures.unit("Tỉnh Sao Kê", "province", null);
        long district = fixtures.unit("Huyện Ngân Hàng", "district", province);
        officer = fixtures.manager(district);
        CashTestData data = new CashTestData(jdbc);
        campaign = data.campaign(district);
        first = data.pledge(campaign, "Nguyễn Thị Mai", 1_500_000L);
        second = data.pledge(campaign, "Trần Văn Hùng", 2_000_000L);
    }

    /** Vietcombank's XLSX: title block, bilingual two-line headers, date-time cells, balance and total rows. */
    private byte[] vietcombankXlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "VCB Digibank", "1.0")) {
            Worksheet ws = wb.newWorksheet("Sao ke");
            ws.value(0, 0, "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM");
            ws.value(1, 0, "SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT");
            ws.value(2, 0, "Số tài khoản / Account number:");
            ws.value(2, 2, "1023456789");
            ws.value(3, 0, "Số dư đầu kỳ / Opening balance:");
            ws.value(3, 2, "500.000");
            String[] header = {
                "Ngày giao dịch\nTransaction Date",
                "Số tham chiếu\nReference No.",
                "Số tiền ghi nợ\nDebit",
                "Số tiền ghi có\nCredit",
                "Số dư\nBalance",
                "Nội dung chi tiết\nTransactions in detail"
            };
            for (int c = 0; c < header.length; c++) {
                ws.value(5, c, header[c]);
            }
            ws.value(6, 0, LocalDateTime.of(2026, 11, 2, 8, 15, 32));
            ws.style(6, 0).format("dd/mm/yyyy hh:mm:ss").set();
            ws.value(6, 1, "5001.10234");
            ws.value(6, 3, 1_500_000);
            ws.value(6, 4, 2_000_000);
            ws.value(6, 5, "MBVCB.4336611363.NGUYEN THI MAI chuyen tien " + first.code() + " ung ho hoc sinh");
            ws.value(7, 0, "03/11/2026 10:01:12");
            ws.value(7, 1, "5002.10235");
            ws.value(7, 2, 11_000);
            ws.value(7, 4, 1_989_000);
            ws.value(7, 5, "Thu phi SMS Banking thang 11/2026");
            ws.value(8, 0, "Tổng số / Total");
            ws.value(8, 2, 11_000);
            ws.value(8, 3, 1_500_000);
            ws.value(9, 0, "Số dư cuối kỳ / Closing balance");
            ws.value(9, 4, 1_989_000);
        }
        return out.toByteArray();
    }

    private ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(user(officer)));
    }

    private static long id(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private String lineStatusOf(CashTestData.Pledge pledge) {
        return jdbc.sql("select status from bank_statement_line where pledge_id = ?")
                .param(pledge.id())
                .query(String.class)
                .single();
    }

    @Test
    void aBilingualXlsxAndAnotherBanksCsvBothReconcileThroughTheApi() throws Exception {
        upload("VCB_SaoKe_112026.xlsx", vietcombankXlsx())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.bank").value("VCB"))
                .andExpect(jsonPath("$.result.linesInFile").value(2))
                .andExpect(jsonPath("$.result.matchedByCode").value(1))
                .andExpect(jsonPath("$.result.bankFeesPosted").value(1));
        assertThat(lineStatusOf(first)).isEqualTo("MATCHED");

        // MB's app CSV: one signed amount column, date-time text, no balance of the account's opening
        String csv = """
                MB Bank (MSCBVNVX) - Lịch sử giao dịch
                Số tài khoản: 0801234567890
                Ngày giao dịch,Mã giao dịch,Số tiền (VND),Số dư (VND),Nội dung
                04/11/2026 09:12:44,MB1234567,"+2,000,000","3,989,000",TRAN VAN HUNG chuyen khoan ung ho %s
                05/11/2026 14:00:01,MB1234568,"-5,500","3,983,500",Phi duy tri dich vu ngan hang dien tu
                Tổng cộng,,,,
                """.formatted(second.code());
        upload("mb-lich-su-giao-dich.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.bank").value("MB"))
                .andExpect(jsonPath("$.result.linesInFile").value(2))
                .andExpect(jsonPath("$.result.matchedByCode").value(1));
        assertThat(lineStatusOf(second)).isEqualTo("MATCHED");
        assertThat(jdbc.sql("select bank || ':' || account_number from bank_statement_import where campaign_id = ?"
                                + " order by id")
                        .param(campaign)
                        .query(String.class)
                        .list())
                .containsExactly("VCB:1023456789", "MB:0801234567890");
        assertThat(jdbc.sql("select coalesce(sum(cash_received_vnd), 0) from pledge where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(3_500_000L);
    }

    /** A layout of no known bank: nothing names a column as the importer knows them. */
    private byte[] unknownLayout(String day, String code, String amount) {
        return """
                Quỹ tình thương - sổ theo dõi chuyển khoản
                Số tài khoản: 9988776655
                Thời điểm;Mã;Giá trị;Lời nhắn
                %s;GD-%s;%s;%s ung ho em
                """.formatted(day, day.replace("/", ""), amount, code).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownLayoutWaitsForItsColumnsOnceAndNextMonthGoesStraightThrough() throws Exception {
        ResultActions waiting = upload("so-theo-doi-11.csv", unknownLayout("02/11/2026", first.code(), "1.500.000"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CONFIRM"))
                .andExpect(jsonPath("$.result").doesNotExist())
                .andExpect(jsonPath("$.columnsToConfirm.account").value("9988776655"))
                .andExpect(jsonPath("$.columnsToConfirm.columns[0].header").value("Thời điểm"))
                .andExpect(jsonPath("$.columnsToConfirm.columns[0].samples[0]").value("02/11/2026"))
                .andExpect(jsonPath("$.columnsToConfirm.columns[2].samples[0]").value("1.500.000"));
        long job = id(waiting);
        assertThat(jdbc.sql("select count(*) from bank_statement_line where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();

        // the page shows the columns with their samples
        mvc.perform(get("/campaigns/{c}/statements/imports/{j}/columns", campaign, job)
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Lời nhắn")))
                .andExpect(content().string(Matchers.containsString("1.500.000")));

        String path = "/api/v1/campaigns/{c}/statements/imports/{j}/columns";
        mvc.perform(post(path, campaign, job)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":[{\"index\":0,\"field\":\"NGAY\"}]}")
                        .with(user(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("statement.columns.unknown-field"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Trường \"NGAY\" không có")));
        mvc.perform(post(path, campaign, job)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"columns\":[{\"index\":0,\"field\":\"DATE\"},{\"index\":2,\"field\":\"AMOUNT\"}]}")
                        .with(user(officer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("statement.columns.incomplete"));

        String mapping = """
                {"columns":[{"index":0,"field":"DATE"},{"index":1,"field":"REFERENCE"},
                            {"index":2,"field":"AMOUNT"},{"index":3,"field":"DESCRIPTION"}]}""";
        mvc.perform(post(path, campaign, job)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(mapping)
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.result.matchedByCode").value(1));
        assertThat(lineStatusOf(first)).isEqualTo("MATCHED");
        // the same confirmation again (the answer was lost) imports nothing twice
        mvc.perform(post(path, campaign, job)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(mapping)
                        .with(user(officer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("statement.columns.not-waiting"));

        // next month, same account and columns: no question asked
        upload("so-theo-doi-12.csv", unknownLayout("03/12/2026", second.code(), "2.000.000"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.result.matchedByCode").value(1));
        assertThat(lineStatusOf(second)).isEqualTo("MATCHED");
    }

    @Test
    void theColumnsAreConfirmedOnThePageToo() throws Exception {
        long job = id(upload("so-theo-doi.csv", unknownLayout("02/11/2026", first.code(), "1.500.000"))
                .andExpect(jsonPath("$.status").value("CONFIRM")));
        mvc.perform(get("/campaigns/{c}/statements/imports/{j}", campaign, job).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("confirm-columns")));
        mvc.perform(post("/campaigns/{c}/statements/imports/{j}/columns", campaign, job)
                        .param("column0", "DATE")
                        .param("column1", "IGNORE")
                        .param("column2", "CREDIT")
                        .param("column3", "DESCRIPTION")
                        .with(csrf())
                        .with(user(officer)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/campaigns/{c}/statements/imports/{j}", campaign, job)
                        .with(user(officer)))
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.result.matchedByCode").value(1));
    }
}
