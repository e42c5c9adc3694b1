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

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class BankStatementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    CashTestData data;
    long districtA;
    long districtB;
    AccountDetails managerA;
    AccountDetails managerB;
    long campaign;
    CashTestData.Pledge byCode;
    CashTestData.Pledge byName;
    CashTestData.Pledge forgotCode;

    @BeforeEach
    void setUp() {
        data = new CashTestData(jdbc);
        long province = fixtures.unit("Tỉnh Sao Kê", "province", null);
        districtA = fixtures.unit("Huyện Nhà Bè", "district", province);
        districtB = fixtures.unit("Huyện Phú Giáo", "district", province);
        managerA = fixtures.manager(districtA);
        managerB = fixtures.manager(districtB);
        campaign = data.campaign(districtA);
        byCode = data.pledge(campaign, "Công ty Ánh Dương", 1_000_000L);
        byName = data.pledge(campaign, "Trần Thị Bình", 500_000L);
        forgotCode = data.pledge(campaign, "Lê Văn Cường", 300_000L);
    }

    @org.junit.jupiter.api.AfterEach
    void ledgerReferencesResolve() {
        new CashTestData(jdbc).assertLedgerReferencesResolve(campaign);
    }

    private String statement(String... extraLines) {
        StringBuilder csv = new StringBuilder("""
                NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM
                Số tài khoản: 0071000123456
                Ngày giao dịch;Số bút toán;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung
                """);
        csv.append("10/09/2021;FT1;;1.000.000;1.000.000;MBVCB ")
                .append(byCode.code().toLowerCase(), 0, 5)
                .append(' ')
                .append(byCode.code().toLowerCase().substring(5))
                .append(" ung ho\n");
        csv.append("11/09/2021;FT2;;500.000;1.500.000;TRAN THI BINH chuyen tien ung ho hoc sinh\n");
        csv.append("11/09/2021;FT3;;300.000;1.800.000;LE VAN CUONG ung ho\n".replace("LE VAN CUONG", "CUONG LE"));
        csv.append("12/09/2021;FT4;11.000;;1.789.000;Phí SMS Banking T9\n");
        csv.append("12/09/2021;FT5;89.000;;1.700.000;Chuyen tien mua but viet\n");
        for (String line : extraLines) {
            csv.append(line).append('\n');
        }
        csv.append("Tổng cộng;;100.000;1.800.000;;\n");
        return csv.toString();
    }

    private ResultActions upload(AccountDetails who, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                .file(new MockMultipartFile("file", "sao-ke.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(user(who)));
    }

    private long ledgerSum(String direction) {
        return jdbc.sql("select coalesce(sum(amount_vnd), 0) from ledger_entry where campaign_id = ? and direction = ?")
                .params(campaign, direction)
                .query(Long.class)
                .single();
    }

    @Test
    void importsAndMatchesByCodeThenByAmountAndName() throws Exception {
        upload(managerA, statement())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.result.linesInFile").value(5))
                .andExpect(jsonPath("$.result.added").value(5))
                .andExpect(jsonPath("$.result.alreadyKnown").value(0))
                .andExpect(jsonPath("$.result.matchedByCode").value(1))
                .andExpect(jsonPath("$.result.matchedByAmountAndName").value(1))
                .andExpect(jsonPath("$.result.bankFeesPosted").value(1))
                .andExpect(jsonPath("$.result.unmatched").value(2));
        assertThat(pledge(byCode.id())).isEqualTo("RECEIVED:1000000");
        assertThat(pledge(byName.id())).isEqualTo("RECEIVED:500000");
        assertThat(pledge(forgotCode.id())).isEqualTo("PLEDGED:0");
        assertThat(ledgerSum("CREDIT")).isEqualTo(1_500_000);
        assertThat(ledgerSum("DEBIT")).isEqualTo(11_000);
        mvc.perform(get("/api/v1/campaigns/{id}/statements/lines", campaign)
                        .param("status", "UNMATCHED")
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    private String pledge(long id) {
        return jdbc.sql("select status || ':' || cast(cash_received_vnd as varchar(20)) from pledge where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void reimportingAnOverlappingStatementCountsNothingTwice() throws Exception {
        upload(managerA, statement()).andExpect(status().isAccepted());
        String overlapping = statement("13/09/2021;FT6;;250.000;1.950.000;Nguoi hao tam ung ho");
        upload(managerA, overlapping)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.result.linesInFile").value(6))
                .andExpect(jsonPath("$.result.added").value(1))
                .andExpect(jsonPath("$.result.alreadyKnown").value(5))
                .andExpect(jsonPath("$.result.unmatched").value(1));
        assertThat(pledge(byCode.id())).isEqualTo("RECEIVED:1000000");
        assertThat(ledgerSum("CREDIT")).isEqualTo(1_500_000);
        assertThat(jdbc.sql("select count(*) from bank_statement_line where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
    }

    private long unmatchedLine(String reference) {
        return jdbc.sql("select id from bank_statement_line where campaign_id = ? and reference = ?")
                .params(campaign, reference)
                .query(Long.class)
                .single();
    }

    @Test
    void aPersonMatchesRecordsPostsAndIgnoresWhatIsLeft() throws Exception {
        upload(
                        managerA,
                        statement(
                                "14/09/2021;FT7;;50.000;;Ung ho khong ten",
                                "14/09/2021;FT8;;70.000;;Hoan tien chuyen nham"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/campaigns/{id}/statements/unmatched", campaign).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("CUONG LE ung ho")));

        long forgotten = unmatchedLine("FT3");
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/match", campaign, forgotten)
                        .param("pledgeCode", forgotCode.code().toLowerCase())
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(pledge(forgotCode.id())).isEqualTo("RECEIVED:300000");

        // The same line again: refused, not counted twice.
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, forgotten)
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledgerSum("CREDIT")).isEqualTo(1_800_000);

        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, unmatchedLine("FT7"))
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/post", campaign, unmatchedLine("FT5"))
                        .param("reason", "PURCHASE")
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/ignore", campaign, unmatchedLine("FT8"))
                        .param("reason", "Hoàn lại cho người chuyển nhầm")
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(ledgerSum("CREDIT")).isEqualTo(1_850_000);
        assertThat(ledgerSum("DEBIT")).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from bank_statement_line where campaign_id = ? and status = 'UNMATCHED'")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'bank_statement_line'"
                                + " and entity_id = ?")
                        .param(String.valueOf(unmatchedLine("FT8")))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void garbageFilesAreRejectedWithAMessageAndNothingWritten() throws Exception {
        Random random = new Random(42);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        byte[] fakeXlsx = noise.clone();
        fakeXlsx[0] = 'P';
        fakeXlsx[1] = 'K';
        fakeXlsx[2] = 3;
        fakeXlsx[3] = 4;
        byte[] ole = new byte[1024];
        ole[0] = (byte) 0xD0;
        ole[1] = (byte) 0xCF;
        for (byte[] bad : new byte[][] {
            noise,
            fakeXlsx,
            ole,
            new byte[0],
            "Ngày,Ghi có,Nội dung\n31/02/2021,100000,x\n".getBytes(StandardCharsets.UTF_8)
        }) {
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", bad))
                            .with(user(managerA)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").isNotEmpty())
                    .andExpect(jsonPath("$.detail_en").isNotEmpty());
        }
        mvc.perform(multipart("/campaigns/{id}/statements", campaign)
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", noise))
                        .with(user(managerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from bank_statement_import where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherDistrictsManagerSeesNothing() throws Exception {
        upload(managerB, statement()).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{id}/statements/lines", campaign).with(user(managerB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{id}/ledger", campaign).with(user(managerB)))
                .andExpect(status().isNotFound());
        for (String page : new String[] {"statements", "statements/unmatched", "ledger", "purchases", "ledger.csv"}) {
            mvc.perform(get("/campaigns/" + campaign + "/" + page).with(user(managerB)))
                    .andExpect(status().isNotFound());
        }
        upload(managerA, statement()).andExpect(status().isAccepted());
        long line = unmatchedLine("FT3");
        mvc.perform(post("/campaigns/{c}/statements/lines/{l}/unpledged", campaign, line)
                        .with(user(managerB))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from bank_statement_line where id = ?")
                        .param(line)
                        .query(String.class)
                        .single())
                .isEqualTo("UNMATCHED");
    }

    @Test
    void pagesRenderForTheManager() throws Exception {
        upload(managerA, statement()).andExpect(status().isAccepted());
        for (String page : new String[] {"statements", "statements/unmatched", "ledger", "purchases"}) {
            mvc.perform(get("/campaigns/" + campaign + "/" + page).with(user(managerA)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/campaigns/" + campaign + "/statements/unmatched")
                        .param("q", "tran thi")
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(byName.code())));
    }
}
