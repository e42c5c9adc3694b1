package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The value-mapping step through the API: a text confirmed once is remembered for the campaign's next file. */
@IntegrationTest
class ImportValuesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    long campaign;
    long otherCampaign;
    String code;
    AccountDetails officer;

    @BeforeEach
    void setUp() {
        ImportTestData data = new ImportTestData(jdbc);
        long province = fixtures.unit("Tỉnh Đối Chiếu", "province", null);
        long commune = fixtures.unit("Xã Tân Hiệp", "commune", province);
        long school = fixtures.school("Trường Tiểu học Tân Hiệp", commune);
        code = data.schoolCode(school);
        campaign = data.campaign(province);
        otherCampaign = data.campaign(province);
        officer = fixtures.account(Role.SCHOOL_OFFICER, commune, school, null);
    }

    /** A month's list: three children, two of them in "hoàn cảnh khó khăn", which names no category for sure. */
    private byte[] list(String month) {
        List<List<String>> rows = new ArrayList<>();
        String[][] children = {
            {"Nguyễn Thị Mai", "Gia đình khó khăn"}, {"Trần Văn Lộc", "GIA ĐÌNH KHÓ KHĂN"}, {"Lê Văn Tám", "Hộ nghèo"}
        };
        for (String[] c : children) {
            List<String> row = ImportTestData.row(c[0] + " " + month, "05/09/2017", "Nam", "", code);
            row.set(9, c[1]);
            rows.add(row);
        }
        return ImportTestData.xlsx(rows);
    }

    private long upload(long campaignId, String month) throws Exception {
        String body = mvc.perform(multipart("/api/v1/campaigns/{c}/student-imports", campaignId)
                        .file(new MockMultipartFile(
                                "file",
                                "ds-" + month.hashCode() + ".xlsx",
                                StudentImportApiController.XLSX,
                                list(month)))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.status").value("PREVIEW"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.job.id")).longValue();
    }

    @Test
    void theValueStepAnswersFromWhatThePreviewKeptWithoutReadingTheFileAgain() throws Exception {
        long id = upload(campaign, "Mười");
        // Without the file's bytes the step still answers: it reads the distinct texts the preview kept.
        jdbc.sql("update student_import set content = ? where id = ?")
                .params(new byte[0], id)
                .update();
        String values = "/api/v1/campaigns/{c}/student-imports/{i}/values";
        mvc.perform(get(values, campaign, id).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value("Gia đình khó khăn"))
                .andExpect(jsonPath("$[0].rows").value(2))
                .andExpect(jsonPath("$[0].source").value("UNSURE"))
                .andExpect(jsonPath("$[?(@.text == 'Hộ nghèo')].rows").value(1));
        // What the texts mean is worked out again at each visit, with the campaign's choices as they are now.
        jdbc.sql("insert into student_value_mapping (campaign_id, field, text_folded, text_shown, meaning,"
                        + " updated_by_name, updated_at) values (?, 'CATEGORIES', ?, ?, 'HO_CAN_NGHEO', 'Cô Lan', ?)")
                .params(
                        campaign,
                        vn.cungem.student.importing.values.ValueMappings.fold("Gia đình khó khăn"),
                        "Gia đình khó khăn",
                        java.time.OffsetDateTime.now())
                .update();
        mvc.perform(get(values, campaign, id).with(user(officer)))
                .andExpect(
                        jsonPath("$[?(@.text == 'Gia đình khó khăn')].source").value("REMEMBERED"))
                .andExpect(jsonPath("$[?(@.text == 'Gia đình khó khăn')].value").value("HO_CAN_NGHEO"))
                .andExpect(jsonPath("$[?(@.text == 'Gia đình khó khăn')].rows").value(2));
        // Discarding the import forgets the texts with the rest of the file.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/campaigns/{c}/student-imports/{i}/discard", campaign, id)
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is2xxSuccessful());
        assertThat(jdbc.sql("select count(*) from student_import_text where import_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTextConfirmedOnceIsRememberedForTheCampaignsNextFile() throws Exception {
        long first = upload(campaign, "Chín");
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", campaign, first)
                        .with(user(officer)))
                .andExpect(jsonPath("$.job.warnings").value(2))
                .andExpect(jsonPath("$.job.errors").value(0))
                .andExpect(jsonPath("$.problems.rows[0].reasonsVi")
                        .value(org.hamcrest.Matchers.containsString(
                                "Hoàn cảnh \"Gia đình khó khăn\" chưa rõ thuộc diện ưu tiên nào")));
        // One line for the two rows that write it differently, first because it is to confirm.
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}/values", campaign, first)
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].field").value("CATEGORIES"))
                .andExpect(jsonPath("$[0].text").value("Gia đình khó khăn"))
                .andExpect(jsonPath("$[0].rows").value(2))
                .andExpect(jsonPath("$[0].source").value("UNSURE"))
                .andExpect(jsonPath("$[?(@.text == 'Hộ nghèo')].value").value("HO_NGHEO"));

        String mapping = """
                {"mappings": [{"field": "CATEGORIES", "text": "Gia đình khó khăn", "value": "HO_CAN_NGHEO"}]}""";
        for (int attempt = 0; attempt < 2; attempt++) { // a retried request changes nothing
            mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/values", campaign, first)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(mapping)
                            .with(user(officer))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.job.status").value("PREVIEW"))
                    .andExpect(jsonPath("$.job.warnings").value(0))
                    .andExpect(jsonPath("$.job.ok").value(3))
                    .andExpect(jsonPath("$.values[?(@.text == 'Gia đình khó khăn')].source")
                            .value("REMEMBERED"))
                    .andExpect(jsonPath("$.values[?(@.text == 'Gia đình khó khăn')].rows")
                            .value(2));
        }
        assertThat(jdbc.sql("select count(*) from student_value_mapping where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Next month's list of the same campaign: no question; another campaign asks again.
        long next = upload(campaign, "Mười");
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", campaign, next)
                        .with(user(officer)))
                .andExpect(jsonPath("$.job.warnings").value(0))
                .andExpect(jsonPath("$.job.ok").value(3));
        long elsewhere = upload(otherCampaign, "Mười");
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", otherCampaign, elsewhere)
                        .with(user(officer)))
                .andExpect(jsonPath("$.job.warnings").value(2));
    }

    /** One class's sheet in the school's own layout: the household column has a header nobody recognises. */
    private static List<List<String>> classSheet(String klass, String[]... children) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("DANH SÁCH HỌC SINH LỚP " + klass));
        rows.add(List.of("STT", "Họ và tên học sinh", "Ngày sinh", "Giới tính", "Lớp", "Cột F", "Tình trạng thiết bị"));
        for (int i = 0; i < children.length; i++) {
            rows.add(List.of(
                    String.valueOf(i + 1), children[i][0], "05/09/2017", "Nam", klass, children[i][1], "Chưa có"));
        }
        // a totals row whose household cell holds text: it must not be listed as a value to map
        rows.add(
                List.of("", "Tổng cộng: " + children.length + " học sinh", "", "", "", "Khó khăn: " + children.length));
        return rows;
    }

    @Test
    void theValuesAreListedFromEverySheetReadWithTheConfirmedColumnsAndWithoutTheRowsThatAreNotStudents()
            throws Exception {
        byte[] file = Workbooks.xlsx(List.of(
                new Workbooks.Sheet(
                        "3A1", classSheet("3A1", new String[] {"Phạm Thu Hà", "Gia đình khó khăn"}, new String[] {
                            "Võ Minh Khang", "Hộ nghèo"
                        })),
                new Workbooks.Sheet("3A2", classSheet("3A2", new String[] {"Đặng Ngọc Lan", "GIA ĐÌNH KHÓ KHĂN"}))));
        String body = mvc.perform(multipart("/api/v1/campaigns/{c}/student-imports", campaign)
                        .file(new MockMultipartFile("file", "theo-lop.xlsx", StudentImportApiController.XLSX, file))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.status").value("COLUMNS"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.job.id")).longValue();
        // The person says what "Cột F" holds; the same layout on the second sheet is read with it too.
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"5\": \"CATEGORIES\"}}")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PREVIEW"))
                .andExpect(jsonPath("$.rowsTotal").value(3));

        String values = mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}/values", campaign, id)
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> unsureRows =
                JsonPath.read(values, "$[?(@.field == 'CATEGORIES' && @.text == 'Gia đình khó khăn')].rows");
        assertThat(unsureRows).as("one line for the two sheets' rows").containsExactly(2);
        List<String> categoryTexts = JsonPath.read(values, "$[?(@.field == 'CATEGORIES')].text");
        assertThat(categoryTexts).containsExactlyInAnyOrder("Gia đình khó khăn", "Hộ nghèo");
        List<String> connectivity = JsonPath.read(values, "$[?(@.field == 'CONNECTIVITY')].value");
        assertThat(connectivity).containsOnly("UNKNOWN");
    }

    @Test
    void thePageListsEachDistinctTextOnceAndSavesTheChoice() throws Exception {
        long id = upload(campaign, "Mười Hai");
        mvc.perform(get("/campaigns/{c}/students/import/{i}/values", campaign, id)
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("Gia đình khó khăn"),
                                org.hamcrest.Matchers.containsString("Cần xác nhận"),
                                org.hamcrest.Matchers.containsString("Lưu và kiểm tra lại"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/campaigns/{c}/students/import/{i}/values", campaign, id)
                        .param("field", "CATEGORIES")
                        .param("text", "Gia đình khó khăn")
                        .param("value", "HO_NGHEO")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", "Đã lưu đối chiếu 1 giá trị và kiểm tra lại tệp."));
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", campaign, id)
                        .with(user(officer)))
                .andExpect(jsonPath("$.job.warnings").value(0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/campaigns/{c}/students/import/{i}/values", campaign, id)
                        .param("field", "SOMETHING")
                        .param("text", "x")
                        .param("value", "y")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", org.hamcrest.Matchers.containsString("không đối chiếu được")));
    }

    @Test
    void aChoiceTheRegistryCannotReadIsRefusedAndNothingIsSaved() throws Exception {
        long id = upload(campaign, "Mười Một");
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/values", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mappings": [
                                  {"field": "CATEGORIES", "text": "Gia đình khó khăn", "value": "HO_CAN_NGHEO"},
                                  {"field": "DEVICE_SITUATION", "text": "Máy cũ", "value": "OLD"}]}""")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student-values.value"));
        assertThat(jdbc.sql("select count(*) from student_value_mapping where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/values", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mappings\": []}")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student-values.empty"));
    }
}
