package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.student.importing.SpreadsheetReader;
import vn.cungem.student.importing.StudentColumn;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 4, "Done when", in one go and only through the pages: a school officer, as a new user would, downloads the
 * campaign's template, fills it with 50 students (five rows with mistakes), uploads it, reads the errors row by row,
 * fixes the file, uploads it again, writes the rows and proposes the school's list; the district manager approves most
 * of the list together (select all, then untick the few left out) and one student on the student's own page, and
 * returns one with a reason; the school officer, on a phone, sees the reason, corrects the student and proposes again;
 * the district approves it.
 */
class StudentJourneyBrowserTests extends BrowserTest {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng"};
    private static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Đức", "Gia", "Hữu"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Bảo"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Hà", "Hạnh", "Lan", "Linh", "Mai", "Ngân", "Trang"};

    private static final int STUDENTS = 50;
    /** Spreadsheet row of the first student: the template's header is row 1. */
    private static final int FIRST_ROW = 2;

    /** The student the district approves on the student's own page; the others it approves are ticked together. */
    private static final int APPROVED_SINGLY = 7;
    /** The student the district returns to the school. */
    private static final int RETURNED = 12;
    /** Students the district has not decided on yet at the end. */
    private static final List<Integer> LEFT_PROPOSED = List.of(20, 30, 40);

    private static final String RETURN_REASON = "Sai lớp: em học lớp 3A4, không phải 3A1. Đề nghị trường sửa lại.";

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Test
    void schoolImportsFiftyProposesDistrictApprovesAndReturnsOneSchoolCorrectsItAndDistrictApprovesIt()
            throws Exception {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Tỉnh Bình Dương",
                "Huyện Phú Giáo",
                "Xã Phước Hòa",
                "Trường Tiểu học Phước Hòa",
                "PG-",
                "Máy tính cho em — Phú Giáo");
        long district = area.district();
        long school = area.school();
        AccountDetails officer = area.officer();
        AccountDetails manager = area.manager();
        long campaign = area.campaign();
        List<PriorityCategory> categories = CampaignDefaults.PRIORITY_CATEGORIES;

        // ---- 1. The school officer, at a computer: template, 50 students, errors, fix, commit, propose.
        Page officerDesk = desktop();
        signIn(officerDesk, officer.email(), TestFixtures.PASSWORD);
        officerDesk.navigate(url("/campaigns/" + campaign + "/students"));
        officerDesk.locator("#import-link").click();
        assertThat(officerDesk.locator("h1")).hasText("Nhập danh sách học sinh cần hỗ trợ");
        Download download = officerDesk.waitForDownload(
                () -> officerDesk.locator("#template-link").click());
        assertThat(download.suggestedFilename()).isEqualTo("mau-danh-sach-hoc-sinh.xlsx");
        byte[] template = Files.readAllBytes(download.path());

        // The headers as the downloaded template has them, in its order.
        List<String> headers = new ArrayList<>();
        SpreadsheetReader.read(template, 0, (n, cells) -> {
            if (n == 1) {
                headers.addAll(cells);
            }
        });
        assertThat(headers).hasSize(StudentColumn.values().length);

        List<Map<StudentColumn, String>> students = fiftyStudents(categories);
        List<String> names =
                students.stream().map(s -> s.get(StudentColumn.FULL_NAME)).toList();

        // Mistakes a school makes, each in a copy of the row so the right value stays for the fix.
        List<Map<StudentColumn, String>> typed = new ArrayList<>();
        students.forEach(s -> typed.add(new EnumMap<>(s)));
        typed.get(4).put(StudentColumn.BIRTH_DATE, "31/02/2013");
        // no grade and no class: a class alone would give the grade (issue 11, "3A1" is grade 3)
        typed.get(17).remove(StudentColumn.GRADE);
        typed.get(17).remove(StudentColumn.CLASS_NAME);
        typed.get(26).put(StudentColumn.GENDER, "X");
        typed.get(33).put(StudentColumn.GUARDIAN_PHONE, "12345");
        typed.get(41).remove(StudentColumn.GENDER);
        typed.get(41).put(StudentColumn.CATEGORIES, "Con thương binh");
        Map<Integer, List<String>> expectedReasons = Map.of(
                4,
                List.of("Ngày sinh \"31/02/2013\" không đọc được", "ví dụ 05/09/2012"),
                17,
                List.of("Chưa nhập khối lớp (1–12)"),
                26,
                List.of("Giới tính \"X\" không rõ; hãy ghi Nam hoặc Nữ"),
                33,
                List.of("Số điện thoại không hợp lệ"),
                41,
                List.of(
                        "Chưa nhập giới tính (Nam/Nữ)",
                        // read by meaning since issue 11: an unknown household is to confirm, not an error
                        "Hoàn cảnh \"Con thương binh\" chưa rõ thuộc diện ưu tiên nào"));

        Path file = Files.createTempFile("lop-3-phuoc-hoa", ".xlsx");
        Files.write(file, fill(headers, typed));
        officerDesk.setInputFiles("#file", file);
        officerDesk.locator("#upload").click();
        assertThat(officerDesk.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officerDesk.locator("#count-rows")).hasText("50");
        assertThat(officerDesk.locator("#count-errors")).hasText("5");
        assertThat(officerDesk.locator("#count-ok")).hasText("45");
        assertThat(officerDesk.locator("#count-warnings")).hasText("0");
        // Row by row: the row number in the file, the student's name and the reasons in Vietnamese.
        Locator problems = officerDesk.locator("#problems tbody tr");
        assertThat(problems).hasCount(expectedReasons.size());
        for (Map.Entry<Integer, List<String>> e : expectedReasons.entrySet()) {
            Locator row = problems.filter(new Locator.FilterOptions().setHasText(names.get(e.getKey())));
            assertThat(row).hasCount(1);
            assertThat(row.locator("td").nth(0)).hasText(Integer.toString(FIRST_ROW + e.getKey()));
            assertThat(row.locator("td").nth(1)).hasText("Lỗi");
            assertThat(row.locator("td").nth(2)).hasText(names.get(e.getKey()));
            for (String reason : e.getValue()) {
                assertThat(row.locator("td").nth(3)).containsText(reason);
            }
        }
        assertThat(officerDesk.locator("#commit")).hasText("Ghi 45 dòng hợp lệ");
        assertThat(studentsOfCampaign(campaign)).isZero();

        // The copy with the results: the same rows, each marked, the five wrong ones with their reasons.
        Download annotated = officerDesk.waitForDownload(
                () -> officerDesk.locator("#annotated-link").click());
        Map<Integer, List<String>> annotatedRows = new HashMap<>();
        SpreadsheetReader.read(Files.readAllBytes(annotated.path()), 0, (n, cells) -> {
            if (n >= FIRST_ROW) {
                annotatedRows.put(n, List.copyOf(cells));
            }
        });
        assertThat(annotatedRows).hasSize(STUDENTS);
        for (int i = 0; i < STUDENTS; i++) {
            List<String> cells = annotatedRows.get(FIRST_ROW + i);
            assertThat(cells).contains(names.get(i));
            if (expectedReasons.containsKey(i)) {
                assertThat(cells.get(headers.size())).isEqualTo("Lỗi");
                for (String reason : expectedReasons.get(i)) {
                    assertThat(cells.get(headers.size() + 1)).contains(reason);
                }
            } else {
                assertThat(cells.get(headers.size())).isEqualTo("Hợp lệ");
            }
        }

        // Nothing from this file is written; the officer fixes the five rows in their own file and uploads it again.
        officerDesk.locator("#discard").click();
        assertThat(officerDesk.locator(".flash")).hasText("Đã hủy lần nhập; không ghi gì.");
        assertThat(officerDesk.locator("#job-status")).hasText("Đã hủy");
        officerDesk.getByText("← Các lần nhập").click();
        assertThat(officerDesk.locator("h1")).hasText("Nhập danh sách học sinh cần hỗ trợ");
        // the phone is typed again the way people write it, in groups
        String phone33 = students.get(33).get(StudentColumn.GUARDIAN_PHONE);
        students.get(33)
                .put(
                        StudentColumn.GUARDIAN_PHONE,
                        phone33.substring(0, 4) + " " + phone33.substring(4, 7) + " " + phone33.substring(7));
        Files.write(file, fill(headers, students));
        officerDesk.setInputFiles("#file", file);
        officerDesk.locator("#upload").click();
        assertThat(officerDesk.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officerDesk.locator("#count-errors")).hasText("0");
        assertThat(officerDesk.locator("#count-warnings")).hasText("0");
        assertThat(officerDesk.locator("#count-ok")).hasText("50");
        assertThat(officerDesk.locator("#problems")).hasCount(0);
        officerDesk.locator("#commit").click();
        assertThat(officerDesk.locator("#job-status")).hasText("Đã ghi");
        assertThat(officerDesk.locator(".flash")).hasText("Đã ghi 50 học sinh (50 mới, 0 cập nhật).");
        assertThat(officerDesk.locator("#count-inserted")).hasText("50");
        assertThat(statusCounts(campaign)).isEqualTo(Map.of("REGISTERED", 50L));
        assertThat(jdbc.sql("select guardian_phone from student where campaign_id = ? and full_name = ?")
                        .param(campaign)
                        .param(names.get(33))
                        .query(String.class)
                        .single())
                .isEqualTo(phone33);

        officerDesk.locator("#students-link").click();
        assertThat(officerDesk.locator("main")).containsText("Đã đăng ký: 50");
        officerDesk.locator("#propose-school").click();
        assertThat(officerDesk.locator(".flash")).hasText("Đã đề xuất 50 học sinh.");
        assertThat(officerDesk.locator("main")).containsText("Đã đề xuất: 50");
        assertThat(statusCounts(campaign)).isEqualTo(Map.of("PROPOSED", 50L));

        // ---- 2. The district manager approves most of the list together, one on its page, and returns one.
        Page districtDesk = desktop();
        signIn(districtDesk, manager.email(), TestFixtures.PASSWORD);
        districtDesk.navigate(url("/campaigns/" + campaign + "/students"));
        districtDesk
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Xét duyệt").setExact(true))
                .click();
        assertThat(districtDesk.locator("h1")).hasText("Xét duyệt danh sách đề xuất");
        assertThat(districtDesk.locator("#decide tbody tr")).hasCount(STUDENTS);
        // "select all" from the keyboard, then the few to leave out unticked one by one
        Locator selectAll = districtDesk.getByRole(
                AriaRole.CHECKBOX,
                new Page.GetByRoleOptions().setName("Chọn tất cả").setExact(true));
        assertThat(selectAll).isVisible();
        selectAll.press("Space");
        Locator ticked = districtDesk.locator("#decide input[name=ids]:checked");
        assertThat(ticked).hasCount(STUDENTS);
        assertThat(selectAll).isChecked();
        List<Integer> together = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            if (i != APPROVED_SINGLY && i != RETURNED && !LEFT_PROPOSED.contains(i)) {
                together.add(i);
            } else {
                uncheck(districtDesk, names.get(i));
            }
        }
        assertThat(ticked).hasCount(together.size());
        assertThat(selectAll).isChecked(new LocatorAssertions.IsCheckedOptions().setIndeterminate(true));
        districtDesk.locator("button[value=approve]").click();
        assertThat(districtDesk.locator(".flash")).hasText("Đã cập nhật " + together.size() + " học sinh.");
        assertThat(districtDesk.locator("#decide tbody tr")).hasCount(STUDENTS - together.size());

        // one student approved on the student's own page, after reading it
        studentLink(districtDesk, names.get(APPROVED_SINGLY)).click();
        assertThat(districtDesk.locator("h1")).hasText(names.get(APPROVED_SINGLY));
        assertThat(districtDesk.locator("#status")).hasText("Đã đề xuất");
        districtDesk.locator("button[value=approve]").click();
        assertThat(districtDesk.locator(".flash")).hasText("Đã cập nhật 1 học sinh.");
        assertThat(districtDesk.locator("#status")).hasText("Đã duyệt");

        // one student returned from the approval list with what to correct; a return without a reason is refused
        districtDesk.navigate(url("/campaigns/" + campaign + "/students/approval"));
        assertThat(districtDesk.locator("#decide tbody tr")).hasCount(1 + LEFT_PROPOSED.size());
        check(districtDesk, names.get(RETURNED));
        districtDesk.locator("button[value=return]").click();
        assertThat(districtDesk.locator("main")).containsText("Hãy ghi lý do để nhà trường biết cần sửa gì.");
        assertThat(statusCounts(campaign)).containsEntry("PROPOSED", 1L + LEFT_PROPOSED.size());
        districtDesk.navigate(url("/campaigns/" + campaign + "/students/approval"));
        check(districtDesk, names.get(RETURNED));
        districtDesk.locator("#reason").fill(RETURN_REASON);
        districtDesk.locator("button[value=return]").click();
        assertThat(districtDesk.locator(".flash")).hasText("Đã cập nhật 1 học sinh.");
        assertThat(districtDesk.locator("#decide tbody tr")).hasCount(LEFT_PROPOSED.size());
        assertThat(statusCounts(campaign))
                .isEqualTo(Map.of(
                        "APPROVED", together.size() + 1L, "RETURNED", 1L, "PROPOSED", (long) LEFT_PROPOSED.size()));

        // ---- 3. The school officer, on a phone, sees the reason, corrects the student and proposes again.
        Page officerPhone = phone();
        signIn(officerPhone, officer.email(), TestFixtures.PASSWORD);
        officerPhone.navigate(url("/campaigns/" + campaign + "/students"));
        assertThat(officerPhone.locator("main")).containsText("Trả lại để sửa: 1");
        Locator returnedRow = officerPhone
                .locator("#decide tbody tr")
                .filter(new Locator.FilterOptions().setHasText(names.get(RETURNED)));
        assertThat(returnedRow).containsText("Trả lại để sửa");
        assertThat(returnedRow).containsText(RETURN_REASON);
        studentLink(officerPhone, names.get(RETURNED)).click();
        assertThat(officerPhone.locator("#returned-reason")).containsText(RETURN_REASON);
        assertThat(officerPhone.locator("#history")).containsText(RETURN_REASON);
        // what the school does not touch stays as the import wrote it
        String score = officerPhone.locator("#score").textContent();
        String explanation = officerPhone.locator("#explanation").textContent();
        String identity = officerPhone.locator("#identity").textContent();
        assertThat(identity).contains(students.get(RETURNED).get(StudentColumn.BIRTH_DATE));
        officerPhone.locator("#edit").click();
        assertThat(officerPhone.locator("#className")).hasValue("3A1");
        officerPhone.locator("#className").fill("3A4");
        officerPhone.locator("#save").click();
        assertThat(officerPhone.locator(".flash")).hasText("Đã lưu thông tin học sinh.");
        // the class as the page shows it, after the school's name (the reason above names 3A4 too)
        assertThat(officerPhone.locator("p:has(#status)")).containsText("Trường Tiểu học Phước Hòa · 3A4");
        assertThat(officerPhone.locator("#score")).hasText(score);
        assertThat(officerPhone.locator("#explanation")).hasText(explanation);
        assertThat(officerPhone.locator("#identity")).hasText(identity);
        // still returned until proposed again: the reason stays in view
        assertThat(officerPhone.locator("#status")).hasText("Trả lại để sửa");
        officerPhone.navigate(url("/campaigns/" + campaign + "/students"));
        officerPhone.locator("#propose-school").click();
        // only the corrected student goes up again; the others are already with the district
        assertThat(officerPhone.locator(".flash")).hasText("Đã đề xuất 1 học sinh.");
        assertThat(officerPhone.locator("main")).not().containsText("Trả lại để sửa: ");

        // ---- 4. The district approves the corrected student.
        Page districtAgain = desktop();
        signIn(districtAgain, manager.email(), TestFixtures.PASSWORD);
        districtAgain.navigate(url("/campaigns/" + campaign + "/students/approval"));
        assertThat(districtAgain.locator("#decide tbody tr")).hasCount(1 + LEFT_PROPOSED.size());
        check(districtAgain, names.get(RETURNED));
        districtAgain.locator("button[value=approve]").click();
        assertThat(districtAgain.locator(".flash")).hasText("Đã cập nhật 1 học sinh.");
        assertThat(districtAgain.locator("#decide tbody tr")).hasCount(LEFT_PROPOSED.size());
        for (int i : LEFT_PROPOSED) {
            assertThat(districtAgain.locator("#decide tbody")).containsText(names.get(i));
        }

        // Final statuses, in the page and in the database.
        long approved = STUDENTS - LEFT_PROPOSED.size();
        districtAgain.navigate(url("/campaigns/" + campaign + "/students"));
        Locator counts = districtAgain.locator("#status-counts");
        assertThat(counts).containsText("Đã duyệt: " + approved);
        assertThat(counts).containsText("Đã đề xuất: " + LEFT_PROPOSED.size());
        assertThat(counts).containsText("Tổng: " + STUDENTS);
        assertThat(counts).not().containsText("Trả lại để sửa");
        assertThat(counts).not().containsText("Đã đăng ký");
        assertThat(statusCounts(campaign))
                .isEqualTo(Map.of("APPROVED", approved, "PROPOSED", (long) LEFT_PROPOSED.size()));
        assertThat(jdbc.sql("select class_name, status from student where campaign_id = ? and full_name = ?")
                        .param(campaign)
                        .param(names.get(RETURNED))
                        .query((rs, n) -> rs.getString("class_name") + " " + rs.getString("status"))
                        .single())
                .isEqualTo("3A4 APPROVED");
        studentLink(districtAgain, names.get(RETURNED)).click();
        assertThat(districtAgain.locator("#status")).hasText("Đã duyệt");
        assertThat(districtAgain.locator("#history")).containsText(RETURN_REASON);
        districtAgain.navigate(url("/campaigns/" + campaign + "/students/roll-up"));
        assertThat(districtAgain.locator("#rollup-units")).containsText("Xã Phước Hòa");
    }

    /** Fifty pupils of grade 3 with distinct Vietnamese names; the phones differ from run to run. */
    private static List<Map<StudentColumn, String>> fiftyStudents(List<PriorityCategory> categories) {
        Random random = new Random(20210915L);
        // A PostgreSQL database keeps earlier runs' students: new phones keep these from being likely duplicates.
        Random phones = new SecureRandom();
        Set<String> taken = new LinkedHashSet<>();
        List<Map<StudentColumn, String>> students = new ArrayList<>();
        for (int i = 0; students.size() < STUDENTS; i++) {
            boolean girl = random.nextBoolean();
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String name = family + " " + (girl ? MIDDLE_F : MIDDLE_M)[random.nextInt(6)] + " "
                    + (girl ? GIVEN_F : GIVEN_M)[random.nextInt(9)] + " " + (girl ? GIVEN_F : GIVEN_M)[i % 9];
            if (!taken.add(name)) {
                continue;
            }
            int n = students.size();
            Map<StudentColumn, String> s = new EnumMap<>(StudentColumn.class);
            s.put(StudentColumn.FULL_NAME, name);
            s.put(
                    StudentColumn.BIRTH_DATE,
                    String.format("%02d/%02d/2013", 1 + random.nextInt(28), 1 + random.nextInt(12)));
            s.put(StudentColumn.GENDER, girl ? "Nữ" : "Nam");
            s.put(StudentColumn.GRADE, "3");
            s.put(StudentColumn.CLASS_NAME, n == RETURNED ? "3A1" : "3A" + (1 + n % 4));
            s.put(StudentColumn.GUARDIAN_NAME, family + (girl ? " Văn " : " Thị ") + GIVEN_M[random.nextInt(9)]);
            s.put(StudentColumn.GUARDIAN_PHONE, String.format("09%08d", phones.nextInt(100_000_000)));
            s.put(
                    StudentColumn.CATEGORIES,
                    categories.get(random.nextInt(categories.size())).nameVi());
            s.put(StudentColumn.DEVICE_SITUATION, n % 3 == 0 ? "Thiết bị hỏng" : "Chưa có thiết bị");
            s.put(StudentColumn.CONNECTIVITY, n % 2 == 0 ? "Không có kết nối" : "Dùng dữ liệu di động");
            students.add(s);
        }
        return students;
    }

    /** The template's headers on row 1, one student per row below; the template's own example row is not kept. */
    private static byte[] fill(List<String> headers, List<Map<StudentColumn, String>> students) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Excel", "1.0");
        Worksheet ws = workbook.newWorksheet("Danh sách");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        for (int r = 0; r < students.size(); r++) {
            for (int c = 0; c < headers.size(); c++) {
                String value = students.get(r).get(StudentColumn.ofHeader(headers.get(c)));
                if (value != null) {
                    ws.value(r + 1, c, value);
                }
            }
        }
        ws.finish();
        workbook.finish();
        return out.toByteArray();
    }

    private static void check(Page page, String name) {
        page.locator("input[name=ids][aria-label='" + name + "']").check();
    }

    private static void uncheck(Page page, String name) {
        page.locator("input[name=ids][aria-label='" + name + "']").uncheck();
    }

    private static Locator studentLink(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private long studentsOfCampaign(long campaign) {
        return jdbc.sql("select count(*) from student where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    private Map<String, Long> statusCounts(long campaign) {
        return jdbc
                .sql("select status, count(*) as n from student where campaign_id = ? group by status")
                .param(campaign)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
