package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.Campaigns;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 11, "Done when" (the columns part): a school officer, as a new user would, uploads the list the school keeps
 * in its own layout (title block, STT, its own column names, a totals row and the signatures below), confirms on a
 * phone the one column the system was unsure of, commits, and next month's list in the same layout goes straight to
 * the preview with no question asked.
 */
class SchoolLayoutImportBrowserTests extends BrowserTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    private static final List<String> HEADER = List.of(
            "STT",
            "Họ và tên học sinh",
            "Sinh nhật",
            "Giới tính",
            "Khối",
            "Lớp",
            "SĐT phụ huynh",
            "Hoàn cảnh gia đình",
            "Tình trạng thiết bị",
            "Kết nối Internet",
            "Nhu cầu hỗ trợ");

    @Test
    void aSchoolsOwnListIsConfirmedOnceAndNextMonthsGoesStraightThrough() throws Exception {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Tỉnh Đồng Nai",
                "Thành phố Biên Hòa",
                "Phường Tân Phong",
                "Trường Tiểu học Tân Phong",
                "TP-",
                "Máy tính cho em — Tân Phong");
        String category = CampaignDefaults.PRIORITY_CATEGORIES.get(1).nameVi();
        String categoryCode = CampaignDefaults.PRIORITY_CATEGORIES.get(1).code();

        Page officerPhone = phone();
        signIn(officerPhone, area.officer().email(), TestFixtures.PASSWORD);
        officerPhone.navigate(url("/campaigns/" + area.campaign() + "/students/import"));
        // the first child's household is written in the school's own words, which no category name says
        officerPhone.setInputFiles(
                "#file", list("thang-9", category, UNSURE_HOUSEHOLD, "Nguyễn Thị Mai", "Trần Văn Phúc", "Lê Thu Hà"));
        officerPhone.locator("#upload").click();

        assertThat(officerPhone.locator("#job-status")).hasText("Chờ xác nhận các cột");
        assertThat(officerPhone.locator("#columns")).containsText("Sinh nhật");
        assertThat(officerPhone.locator("#columns")).containsText("1/3/2017");
        assertThat(officerPhone.locator("#col-1")).hasValue("FULL_NAME");
        assertThat(officerPhone.locator("#col-2")).hasValue("IGNORE");
        capture(officerPhone, "import-columns-phone");
        officerPhone.locator("#col-2").selectOption("BIRTH_DATE");
        officerPhone.locator("#confirm-columns").click();

        assertThat(officerPhone.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officerPhone.locator("#count-ok")).hasText("2");
        assertThat(officerPhone.locator("#count-warnings")).hasText("1");
        assertThat(officerPhone.locator("#count-errors")).hasText("0");
        // The household text to confirm, once for the whole file, in the value step under the preview.
        Locator unsure =
                officerPhone.locator("#value-mapping tr", new Page.LocatorOptions().setHasText(UNSURE_HOUSEHOLD));
        assertThat(unsure).hasCount(1);
        capture(officerPhone, "import-values-phone");
        assertNoSidewaysScroll(officerPhone);
        // The same step on a 1366-pixel desktop: the table's five columns fit, or scroll inside their own box.
        String preview = officerPhone.url();
        Page officerDesk = desktop();
        signIn(officerDesk, area.officer().email(), TestFixtures.PASSWORD);
        officerDesk.navigate(preview);
        assertThat(officerDesk.locator("#value-mapping")).isVisible();
        capture(officerDesk, "import-values-desktop");
        assertNoSidewaysScroll(officerDesk);
        Object hidden = officerDesk.evaluate("(() => { const box = document.getElementById('value-mapping')"
                + ".closest('.app-table-scroll'); return box.scrollWidth - box.clientWidth; })()");
        assertThat(((Number) hidden).intValue())
                .as("value-mapping columns cut off at 1366 px")
                .isLessThanOrEqualTo(0);
        officerPhone = phone();
        signIn(officerPhone, area.officer().email(), TestFixtures.PASSWORD);
        officerPhone.navigate(preview);
        unsure = officerPhone.locator("#value-mapping tr", new Page.LocatorOptions().setHasText(UNSURE_HOUSEHOLD));
        unsure.locator("select").selectOption(categoryCode);
        officerPhone.locator("#save-values").click();
        assertThat(officerPhone.locator("#count-ok")).hasText("3");
        assertThat(officerPhone.locator("#count-warnings")).hasText("0");
        assertThat(officerPhone.locator("#count-skipped")).hasText("6");
        assertThat(officerPhone.locator("#problems")).containsText("Dòng tổng cộng");
        assertThat(officerPhone.locator("#problems")).containsText("Phần ký tên");
        capture(officerPhone, "import-preview-phone");
        officerPhone.locator("#commit").click();
        assertThat(officerPhone.locator("#job-status")).hasText("Đã ghi");
        assertThat(officerPhone.locator("#count-inserted")).hasText("3");

        // Next month, at the desk: the same layout, other children; no question.
        officerDesk = desktop();
        signIn(officerDesk, area.officer().email(), TestFixtures.PASSWORD);
        officerDesk.navigate(url("/campaigns/" + area.campaign() + "/students/import"));
        officerDesk.setInputFiles("#file", list("thang-10", category, UNSURE_HOUSEHOLD, "Phạm Gia Bảo", "Võ Ngọc Anh"));
        officerDesk.locator("#upload").click();
        assertThat(officerDesk.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officerDesk.locator("#count-ok")).hasText("2");
        assertThat(officerDesk.locator("#count-warnings")).hasText("0");
        capture(officerDesk, "import-preview-desktop");
        officerDesk.locator("#commit").click();
        assertThat(officerDesk.locator("#job-status")).hasText("Đã ghi");
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ?")
                        .param(area.campaign())
                        .query(Long.class)
                        .single())
                .isEqualTo(5L);
    }

    /**
     * The preview's "change how the columns are read" button: a column left out by mistake at the mapping step is put
     * back from the preview, the file is checked again with it, and the corrected mapping (not the mistaken one) is
     * what the school's next list is read with.
     */
    @Test
    void aColumnLeftOutByMistakeIsPutBackFromThePreviewAndRememberedThatWay() throws Exception {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Tỉnh Đồng Nai",
                "Thành phố Biên Hòa",
                "Phường Quyết Thắng",
                "Trường Tiểu học Quyết Thắng",
                "QT-",
                "Máy tính cho em — Quyết Thắng");
        String category = CampaignDefaults.PRIORITY_CATEGORIES.get(1).nameVi();

        Page officer = desktop();
        signIn(officer, area.officer().email(), TestFixtures.PASSWORD);
        officer.navigate(url("/campaigns/" + area.campaign() + "/students/import"));
        officer.setInputFiles("#file", list("thang-9", category, category, "Nguyễn Thị Mai", "Trần Văn Phúc"));
        officer.locator("#upload").click();
        assertThat(officer.locator("#job-status")).hasText("Chờ xác nhận các cột");
        assertThat(officer.locator("#col-7")).hasValue("CATEGORIES");
        officer.locator("#col-2").selectOption("BIRTH_DATE");
        // The mistake: the household column is taken for one the programme does not need.
        officer.locator("#col-7").selectOption("IGNORE");
        officer.locator("#confirm-columns").click();

        assertThat(officer.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officer.locator("#missing-columns")).containsText("Diện ưu tiên");
        assertThat(officer.locator("#ignored-headers")).containsText("Hoàn cảnh gia đình");
        capture(officer, "import-preview-column-left-out-desktop");
        officer.locator("#change-columns").click();

        // Back at the mapping step with what the preview used, so only the mistake needs undoing.
        assertThat(officer.locator("#job-status")).hasText("Chờ xác nhận các cột");
        assertThat(officer.locator("#col-2")).hasValue("BIRTH_DATE");
        assertThat(officer.locator("#col-7")).hasValue("IGNORE");
        assertThat(officer.locator("#commit")).hasCount(0);
        capture(officer, "import-columns-again-desktop");
        officer.locator("#col-7").selectOption("CATEGORIES");
        officer.locator("#confirm-columns").click();

        assertThat(officer.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(officer.locator("#count-ok")).hasText("2");
        assertThat(officer.locator("#count-errors")).hasText("0");
        assertThat(officer.locator("#missing-columns")).not().containsText("Diện ưu tiên");
        assertThat(officer.locator("#ignored-headers")).hasCount(0);
        officer.locator("#commit").click();
        assertThat(officer.locator("#job-status")).hasText("Đã ghi");
        assertThat(officer.locator("#count-inserted")).hasText("2");

        // Next month's list is read with the corrected mapping: the household column is read, no question asked.
        Page nextMonth = phone();
        signIn(nextMonth, area.officer().email(), TestFixtures.PASSWORD);
        nextMonth.navigate(url("/campaigns/" + area.campaign() + "/students/import"));
        nextMonth.setInputFiles("#file", list("thang-10", category, category, "Phạm Gia Bảo"));
        nextMonth.locator("#upload").click();
        assertThat(nextMonth.locator("#job-status")).hasText("Đã kiểm tra, chờ ghi");
        assertThat(nextMonth.locator("#count-ok")).hasText("1");
        assertThat(nextMonth.locator("#missing-columns")).not().containsText("Diện ưu tiên");
        assertThat(nextMonth.locator("#ignored-headers")).hasCount(0);
        // the file's name in the heading is one long word; it wraps instead of widening the page
        PageWidth.assertNoHorizontalOverflow(nextMonth, "import preview on a phone");
        capture(nextMonth, "import-preview-after-column-change-phone");
    }

    /** The list as the school keeps it, written as Excel writes it. */
    private static final String UNSURE_HOUSEHOLD = "Gia đình khó khăn";

    /** The first child's household is {@code firstHousehold}, the others' {@code category}. */
    private static Path list(String name, String category, String firstHousehold, String... children) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("UBND THÀNH PHỐ BIÊN HÒA", "", "", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        rows.add(List.of("TRƯỜNG TIỂU HỌC TÂN PHONG", "", "", "", "", "", "Độc lập - Tự do - Hạnh phúc"));
        rows.add(List.of());
        rows.add(List.of("DANH SÁCH HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN CẦN HỖ TRỢ THIẾT BỊ HỌC TẬP"));
        rows.add(List.of());
        rows.add(HEADER);
        for (int i = 0; i < children.length; i++) {
            rows.add(List.of(
                    String.valueOf(i + 1),
                    children[i],
                    (i + 1) + "/3/2017",
                    i % 2 == 0 ? "Nữ" : "Nam",
                    "3",
                    "3A" + (i + 1),
                    "09"
                            + String.format(
                                    "%08d",
                                    java.util.concurrent.ThreadLocalRandom.current()
                                            .nextInt(100_000_000)),
                    i == 0 ? firstHousehold : category,
                    "Chưa có thiết bị",
                    "Không có kết nối",
                    "Thiết bị; SIM"));
        }
        rows.add(List.of("", "Tổng cộng: " + children.length + " học sinh"));
        rows.add(List.of());
        rows.add(List.of("", "", "", "", "", "", "Biên Hòa, ngày 15 tháng 9 năm 2026"));
        rows.add(List.of("", "Người lập biểu", "", "", "", "", "HIỆU TRƯỞNG"));
        rows.add(List.of("", "(Ký, ghi rõ họ tên)", "", "", "", "", "(Ký tên, đóng dấu)"));
        rows.add(List.of("", "Đinh Thị Hoa", "", "", "", "", "Bùi Văn Hùng"));
        Path file = Files.createTempFile(name, ".xlsx");
        try (var out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Microsoft Excel", "16.0");
            Worksheet ws = workbook.newWorksheet("DS");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        ws.value(r, c, rows.get(r).get(c));
                    }
                }
            }
            ws.range(0, 0, 0, 3).merge();
            ws.range(3, 0, 3, 10).merge();
            ws.finish();
            workbook.finish();
        }
        return file;
    }

    /** Neither the page nor the value-mapping table's box is wider than the window: nothing is cut off at the edge. */
    private static void assertNoSidewaysScroll(Page page) {
        Object pageOverflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) pageOverflow).intValue())
                .as("page wider than the window")
                .isLessThanOrEqualTo(0);
        Object tableRight =
                page.evaluate("Math.round(document.getElementById('value-mapping').closest('.app-table-scroll')"
                        + ".getBoundingClientRect().right - window.innerWidth)");
        org.assertj.core.api.Assertions.assertThat(((Number) tableRight).intValue())
                .as("value-mapping table's box past the window's edge")
                .isLessThanOrEqualTo(0);
    }
}
