package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Lists as schools keep them, through the API: title blocks, STT, totals and signatures, their own column names. */
@IntegrationTest
class SchoolLayoutImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    long campaign;
    long schoolA;
    AccountDetails officerA;
    AccountDetails officerB;

    @BeforeEach
    void setUp() {
        ImportTestData data = new ImportTestData(jdbc);
        long province = fixtures.unit("Tỉnh Bình Dương Thử", "province", null);
        long ward = fixtures.unit("Phường Linh Trung", "commune", province);
        schoolA = fixtures.school("Trường Tiểu học Linh Trung", ward);
        long schoolB = fixtures.school("Trường Tiểu học Linh Chiểu", ward);
        campaign = data.campaign(province);
        officerA = fixtures.account(Role.SCHOOL_OFFICER, ward, schoolA, null);
        officerB = fixtures.account(Role.SCHOOL_OFFICER, ward, schoolB, null);
    }

    private static final List<String> TITLE_BLOCK_1 =
            List.of("UBND THÀNH PHỐ THỦ ĐỨC", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    private static final List<String> TITLE_BLOCK_2 =
            List.of("TRƯỜNG TIỂU HỌC LINH TRUNG", "", "", "", "Độc lập - Tự do - Hạnh phúc");

    /** A child as the school types it: STT, name, birth date, sex, grade, class, phone, situation, device, net, needs. */
    private static List<String> child(String stt, String name, String born) {
        return new ArrayList<>(List.of(
                stt,
                name,
                born,
                "Nữ",
                "3",
                "3A2",
                phone(),
                "Hộ nghèo",
                "Chưa có thiết bị",
                "Không có kết nối",
                "Thiết bị; SIM"));
    }

    /** A phone of its own per child: the tests share a database, and a same name and phone is a likely duplicate. */
    private static String phone() {
        return "09"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static List<List<String>> schoolList(List<String> header, String... names) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TITLE_BLOCK_1);
        rows.add(TITLE_BLOCK_2);
        rows.add(List.of());
        rows.add(List.of("DANH SÁCH HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN CẦN HỖ TRỢ THIẾT BỊ HỌC TẬP"));
        rows.add(List.of());
        rows.add(header);
        for (int i = 0; i < names.length; i++) {
            rows.add(child(String.valueOf(i + 1), names[i], (i % 28 + 1) + "/3/2017"));
        }
        rows.add(List.of("", "Tổng cộng: " + names.length + " học sinh"));
        rows.add(List.of());
        rows.add(List.of("", "", "", "", "", "", "Thủ Đức, ngày 15 tháng 9 năm 2026"));
        rows.add(List.of("", "Người lập biểu", "", "", "", "", "HIỆU TRƯỞNG"));
        rows.add(List.of("", "(Ký, ghi rõ họ tên)", "", "", "", "", "(Ký tên, đóng dấu)"));
        rows.add(List.of("", "Trần Thị Hoa", "", "", "", "", "Phạm Văn Hùng"));
        return rows;
    }

    private static final List<String> OWN_HEADER = List.of(
            "STT",
            "Họ và tên học sinh",
            "Ngày tháng năm sinh",
            "Giới tính",
            "Khối",
            "Lớp",
            "SĐT phụ huynh",
            "Hoàn cảnh gia đình",
            "Tình trạng thiết bị",
            "Kết nối Internet",
            "Nhu cầu hỗ trợ");

    private String upload(AccountDetails who, String name, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/v1/campaigns/{c}/student-imports", campaign)
                        .file(new MockMultipartFile("file", name, StudentImportApiController.XLSX, file))
                        .with(user(who))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.job.id")).longValue();
    }

    @Test
    void aSchoolsOwnListIsReadAndItsRowsThatAreNotStudentsAreSkippedWithReasons() throws Exception {
        byte[] file = Workbooks.xlsx(schoolList(OWN_HEADER, "Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"), "DS");

        String json = upload(officerA, "ds-linh-trung.xlsx", file);

        assertThat((String) JsonPath.read(json, "$.job.status")).isEqualTo("PREVIEW");
        assertThat((Integer) JsonPath.read(json, "$.job.rowsTotal")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(json, "$.job.ok") + (Integer) JsonPath.read(json, "$.job.warnings"))
                .isEqualTo(3);
        // totals, blank, date line, signature (×2), the signers' names
        assertThat((Integer) JsonPath.read(json, "$.job.skipped")).isEqualTo(6);
        List<Map<String, Object>> skipped = JsonPath.read(json, "$.problems.rows[?(@.outcome == 'SKIPPED')]");
        assertThat(skipped)
                .extracting(r -> r.get("row"), r -> r.get("reasonsVi"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple(10, "Dòng tổng cộng"),
                        org.assertj.core.groups.Tuple.tuple(11, "Dòng trống"),
                        org.assertj.core.groups.Tuple.tuple(13, "Phần ký tên"));
        long id = id(json);
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/commit", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(3));
        // no totals or signature row became a student
        assertThat(jdbc.sql("select full_name from student where source_import_id = ? order by full_name")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("Lê Hoàng Cường", "Nguyễn Văn An", "Trần Thị Bình");
    }

    @Test
    void aListWithoutAConnectivityColumnStoresItsChildrenAsUnknownNotAsConnected() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : schoolList(OWN_HEADER, "Nguyễn Văn An", "Trần Thị Bình")) {
            List<String> copy = new ArrayList<>(row);
            if (copy.size() == OWN_HEADER.size()) {
                copy.remove(9); // "Kết nối Internet", header and children alike
            }
            rows.add(copy);
        }
        String json = upload(officerA, "khong-ket-noi.xlsx", Workbooks.xlsx(rows, "DS"));
        assertThat((String) JsonPath.read(json, "$.job.status")).isEqualTo("PREVIEW");
        long id = id(json);
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/commit", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(2));
        assertThat(jdbc.sql("select connectivity from student where source_import_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("UNKNOWN", "UNKNOWN");
    }

    @Test
    void aListWithAClassColumnAndNoGradeColumnReachesTheRowCheck() throws Exception {
        List<String> header = new ArrayList<>(OWN_HEADER);
        header.set(4, "Dân tộc");
        byte[] file = Workbooks.xlsx(schoolList(header, "Nguyễn Văn An"), "DS");

        String asked = upload(officerA, "khong-khoi.xlsx", file);
        // "Dân tộc" is no column of the template: asked about once, then the rows are checked, not the file refused.
        assertThat((String) JsonPath.read(asked, "$.job.status")).isEqualTo("COLUMNS");
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id(asked))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"4\": \"IGNORE\"}}")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PREVIEW"))
                .andExpect(jsonPath("$.rowsTotal").value(1));
    }

    @Test
    void anUnsureHeaderStopsAtTheMappingStepAndTheSameLayoutNextMonthGoesStraightThrough() throws Exception {
        List<String> header = new ArrayList<>(OWN_HEADER);
        header.set(2, "Sinh nhật"); // nobody foresaw this name for the birth date
        header.add("Tôn giáo");
        List<List<String>> september = schoolList(header, "Nguyễn Văn An", "Trần Thị Bình");
        september.get(6).add("Không");

        String asked = upload(officerA, "thang-9.xlsx", Workbooks.xlsx(september, "DS"));

        assertThat((String) JsonPath.read(asked, "$.job.status")).isEqualTo("COLUMNS");
        assertThat((String) JsonPath.read(asked, "$.job.columns[2].header")).isEqualTo("Sinh nhật");
        assertThat((Object) JsonPath.read(asked, "$.job.columns[2].field")).isNull();
        assertThat((List<String>) JsonPath.read(asked, "$.job.columns[2].samples"))
                .containsExactly("1/3/2017", "2/3/2017");
        assertThat((String) JsonPath.read(asked, "$.job.columns[1].field")).isEqualTo("FULL_NAME");
        assertThat((Boolean) JsonPath.read(asked, "$.job.columns[1].sure")).isTrue();
        long id = id(asked);
        // a field given twice is refused with the reason, and nothing moves
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"2\": \"FULL_NAME\"}}")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Thông tin \"Họ và tên\" được chọn cho hai cột")));
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"2\": \"BIRTH_DATE\", \"11\": \"IGNORE\"}}")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PREVIEW"))
                .andExpect(jsonPath("$.ok").value(2))
                .andExpect(jsonPath("$.ignoredHeaders[0]").value("Tôn giáo"));
        // the same confirmation resent changes nothing
        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"2\": \"BIRTH_DATE\", \"11\": \"IGNORE\"}}")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PREVIEW"))
                .andExpect(jsonPath("$.ok").value(2));
        assertThat(jdbc.sql("select count(*) from student_column_mapping where owner_kind = 'SCHOOL' and owner_id = ?")
                        .param(schoolA)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        List<List<String>> october = schoolList(header, "Phạm Minh Đức", "Võ Thị Em", "Đỗ Gia Huy");
        String next = upload(officerA, "thang-10.xlsx", Workbooks.xlsx(october, "DS"));

        assertThat((String) JsonPath.read(next, "$.job.status")).isEqualTo("PREVIEW");
        assertThat((Integer) JsonPath.read(next, "$.job.ok")).isEqualTo(3);
        // remembered for that school: another school with the same layout is asked its own question
        String other = upload(officerB, "truong-khac.xlsx", Workbooks.xlsx(october, "DS"));
        assertThat((String) JsonPath.read(other, "$.job.status")).isEqualTo("COLUMNS");
        // discarded at the mapping step: the children's names shown as samples go with the file
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/discard", campaign, id(other))
                        .with(user(officerB))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISCARDED"))
                .andExpect(jsonPath("$.columns").isEmpty());
        assertThat(jdbc.sql("select count(*) from student_import where id = ? and pending_columns is null")
                        .param(id(other))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aWorkbookWithOneClassPerSheetReadsEverySheetAndSaysWhichItSkipped() throws Exception {
        List<List<String>> a = schoolList(OWN_HEADER, "Nguyễn Văn An", "Trần Thị Bình");
        List<List<String>> b = schoolList(OWN_HEADER, "Lê Hoàng Cường");
        b.get(6).set(2, "31/02/2017"); // a mistake in the second sheet
        byte[] file = Workbooks.xlsx(List.of(
                new Workbooks.Sheet("Hướng dẫn", List.of(List.of("Mỗi lớp một trang tính"))),
                new Workbooks.Sheet("3A1", a),
                new Workbooks.Sheet("3A2", b)));

        String json = upload(officerA, "theo-lop.xlsx", file);

        assertThat((String) JsonPath.read(json, "$.job.status")).isEqualTo("PREVIEW");
        assertThat((Integer) JsonPath.read(json, "$.job.rowsTotal")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(json, "$.job.errors")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(json, "$.job.sheetsRead")).containsExactly(1, 2);
        int errorRow = JsonPath.read(json, "$.problems.rows[0].row");
        assertThat(errorRow).isEqualTo(2 * StudentSheet.SHEET_STRIDE + 7);
        String page = mvc.perform(get("/campaigns/{c}/students/import/{i}", campaign, id(json))
                        .with(user(officerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Trang tính đã đọc: 3A1, 3A2")
                .contains("Trang tính bỏ qua (không có dòng tiêu đề): Hướng dẫn")
                .contains("3A2 · 7")
                .contains("Dòng tổng cộng");

        // The annotated copy has every sheet read, each named as in the upload, the mistake marked on its own sheet.
        byte[] copy = mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}/annotated.xlsx", campaign, id(json))
                        .with(user(officerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(SpreadsheetReader.sheets(copy))
                .extracting(SpreadsheetReader.SheetInfo::name)
                .containsExactly("3A1", "3A2");
        int at = OWN_HEADER.size();
        Map<Integer, List<String>> first = new java.util.HashMap<>();
        SpreadsheetReader.read(copy, 0, (n, cells) -> first.put(n, List.copyOf(cells)));
        Map<Integer, List<String>> second = new java.util.HashMap<>();
        SpreadsheetReader.read(copy, 1, (n, cells) -> second.put(n, List.copyOf(cells)));
        assertThat(first.get(7).get(at)).isIn(AnnotatedCopy.OK_VI, AnnotatedCopy.WARNING_VI);
        assertThat(first.get(8).get(at)).isIn(AnnotatedCopy.OK_VI, AnnotatedCopy.WARNING_VI);
        assertThat(second.get(6).get(at)).isEqualTo("Kết quả kiểm tra");
        assertThat(second.get(7).get(at)).isEqualTo(AnnotatedCopy.ERROR_VI);
        assertThat(second.get(7).get(at + 1)).contains("Ngày sinh");
        assertThat(second.get(8).get(at)).isEqualTo(AnnotatedCopy.SKIPPED_VI);
    }

    @Test
    void aLongCsvSavedByOldExcelOnAVietnameseWindowsIsReadInTheSchoolsLayout() throws Exception {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
        String[] given = {"Thị Mai", "Văn Phúc", "Thu Hà", "Gia Bảo", "Ngọc Ánh", "Minh Khôi", "Thanh Hương", "Đức Huy"
        };
        String[] names = new String[80];
        for (int i = 0; i < names.length; i++) {
            names[i] = family[i % family.length] + " " + given[(i / family.length) % given.length];
        }
        StringBuilder csv = new StringBuilder();
        for (List<String> row : schoolList(OWN_HEADER, names)) {
            csv.append(String.join(
                            ",",
                            row.stream()
                                    .map(c -> c.contains(",") ? "\"" + c + "\"" : c)
                                    .toList()))
                    .append("\r\n");
        }
        byte[] file = SpreadsheetReaderTests.windows1258Form(csv.toString())
                .getBytes(java.nio.charset.Charset.forName("windows-1258"));

        String json = upload(officerA, "danh-sach.csv", file);

        assertThat((String) JsonPath.read(json, "$.job.status")).isEqualTo("PREVIEW");
        assertThat((Integer) JsonPath.read(json, "$.job.rowsTotal")).isEqualTo(80);
        assertThat((Integer) JsonPath.read(json, "$.job.errors")).isZero();
        assertThat((Integer) JsonPath.read(json, "$.job.skipped")).isEqualTo(6);
    }

    @Test
    void aFileWithNoHeaderAtAllIsRefusedClearly() throws Exception {
        byte[] file = Workbooks.xlsx(
                List.of(List.of("Nguyễn Văn An", "1/3/2017", "Nữ"), List.of("Trần Thị Bình", "2/3/2017", "Nữ")), "DS");
        mvc.perform(multipart("/api/v1/campaigns/{c}/student-imports", campaign)
                        .file(new MockMultipartFile(
                                "file", "khong-tieu-de.xlsx", StudentImportApiController.XLSX, file))
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Không tìm thấy dòng tiêu đề trong 30 dòng đầu")));
    }

    @Test
    void theMappingStepOnThePageShowsEachColumnWithItsValuesAndConfirms() throws Exception {
        List<String> header = new ArrayList<>(OWN_HEADER);
        header.set(2, "Sinh nhật");
        String asked = upload(officerA, "trang.xlsx", Workbooks.xlsx(schoolList(header, "Nguyễn Văn An"), "DS"));
        long id = id(asked);
        String page = mvc.perform(
                        get("/campaigns/{c}/students/import/{i}", campaign, id).with(user(officerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Xác nhận các cột của tệp")
                .contains("Sinh nhật")
                .contains("1/3/2017")
                .contains("name=\"col-2\"")
                .contains("<option value=\"GENDER\" selected=\"selected\">Giới tính</option>");
        mvc.perform(post("/campaigns/{c}/students/import/{i}/columns", campaign, id)
                        .param("col-2", "BIRTH_DATE")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", campaign, id)
                        .with(user(officerA)))
                .andExpect(jsonPath("$.job.status").value("PREVIEW"))
                .andExpect(jsonPath("$.job.rowsTotal").value(1))
                .andExpect(jsonPath("$.job.errors").value(0));
    }

    private long stagedWithPhone(long importId) {
        return jdbc.sql("select count(*) from student_import_staged where source_import_id = ?"
                        + " and guardian_phone is not null")
                .param(importId)
                .query(Long.class)
                .single();
    }

    /**
     * Issue 11: "the person sees each column … changes or ignores any of them" also once the preview is shown. Back to
     * the mapping step with the preview's choices, one column changed, and the preview is redone with it: its staged
     * rows replaced, the new choice remembered for the school.
     */
    @Test
    void afterThePreviewAColumnCanBeReadOtherwiseAndThePreviewIsRedone() throws Exception {
        String first = upload(
                officerA,
                "doi-cot.xlsx",
                Workbooks.xlsx(schoolList(OWN_HEADER, "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), "DS"));
        assertThat((String) JsonPath.read(first, "$.job.status")).isEqualTo("PREVIEW");
        long id = id(first);
        assertThat(stagedWithPhone(id)).isEqualTo(3);

        String back = mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/columns/change", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COLUMNS"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the choices the preview was made with, each column as it was read
        assertThat((String) JsonPath.read(back, "$.columns[1].field")).isEqualTo("FULL_NAME");
        assertThat((String) JsonPath.read(back, "$.columns[6].header")).isEqualTo("SĐT phụ huynh");
        assertThat((String) JsonPath.read(back, "$.columns[6].field")).isEqualTo("GUARDIAN_PHONE");
        assertThat((List<String>) JsonPath.read(back, "$.columns[1].samples"))
                .containsExactly("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
        // the preview's rows are gone until the columns are confirmed again; committing now is refused
        assertThat(jdbc.sql("select count(*) from student_import_staged where source_import_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/commit", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isConflict());
        // asked twice (a double click): the same step, nothing else moves
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/columns/change", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COLUMNS"));

        mvc.perform(put("/api/v1/campaigns/{c}/student-imports/{i}/columns", campaign, id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\": {\"6\": \"IGNORE\"}}")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PREVIEW"))
                .andExpect(jsonPath("$.ok").value(3))
                .andExpect(jsonPath("$.ignoredHeaders[0]").value("SĐT phụ huynh"));
        // redone with the new mapping: the same rows staged, without the column the person set aside
        assertThat(jdbc.sql("select count(*) from student_import_staged where source_import_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(stagedWithPhone(id)).isZero();
        // remembered for the school: next month's file in this layout is read the new way without a question
        String next = upload(
                officerA, "doi-cot-thang-sau.xlsx", Workbooks.xlsx(schoolList(OWN_HEADER, "Phạm Minh Đức"), "DS"));
        assertThat((String) JsonPath.read(next, "$.job.status")).isEqualTo("PREVIEW");
        assertThat(stagedWithPhone(id(next))).isZero();

        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/commit", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMMITTED"))
                .andExpect(jsonPath("$.inserted").value(3));
        // written: too late to map again
        mvc.perform(post("/api/v1/campaigns/{c}/student-imports/{i}/columns/change", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void thePreviewPageLeadsBackToTheMappingStepWithTheColumnsAsRead() throws Exception {
        long id = id(upload(
                officerA,
                "trang-doi-cot.xlsx",
                Workbooks.xlsx(schoolList(OWN_HEADER, "Hồ Thị Mai", "Hồ Văn Nam"), "DS")));
        String preview = mvc.perform(
                        get("/campaigns/{c}/students/import/{i}", campaign, id).with(user(officerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("id=\"change-columns\"").contains("Đổi cách đọc các cột");

        mvc.perform(post("/campaigns/{c}/students/import/{i}/columns/change", campaign, id)
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String columns = mvc.perform(
                        get("/campaigns/{c}/students/import/{i}", campaign, id).with(user(officerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(columns)
                .contains("Xác nhận các cột của tệp")
                .contains("<option value=\"GUARDIAN_PHONE\" selected=\"selected\">")
                .doesNotContain("id=\"commit\"");

        mvc.perform(post("/campaigns/{c}/students/import/{i}/columns", campaign, id)
                        .param("col-6", "IGNORE")
                        .with(user(officerA))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/campaigns/{c}/student-imports/{i}", campaign, id)
                        .with(user(officerA)))
                .andExpect(jsonPath("$.job.status").value("PREVIEW"))
                .andExpect(jsonPath("$.job.ok").value(2))
                .andExpect(jsonPath("$.job.ignoredHeaders[0]").value("SĐT phụ huynh"));
    }
}
