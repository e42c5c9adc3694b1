package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.student.importing.ImportWorkerPoll;
import vn.cungem.student.importing.StudentColumn;
import vn.cungem.student.importing.StudentImports;
import vn.cungem.testsupport.TestFixtures;

/**
 * A file too large to check during the request (more than {@link StudentImports#INLINE_ROWS} rows), only through the
 * pages: the school officer uploads 2,100 pupils and sees the import queued with its progress; a worker checks it (the
 * test runs the worker's poll, as a node's scheduler would) and the open page, polling with htmx, shows the result
 * without anyone reloading it; the officer leaves, comes back through the list of imports, writes the rows; the worker
 * writes them and the page shows the count written. Once the import is no longer busy the page stops polling.
 */
class StudentLargeImportBrowserTests extends BrowserTest {

    private static final int STUDENTS = StudentImports.INLINE_ROWS + 100;

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý"
    };
    private static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Đức", "Gia", "Hữu", "Thành", "Công", "Anh", "Bảo"
    };
    private static final String[] MIDDLE_F = {
        "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Bảo", "Khánh", "Phương", "Kim", "Hồng"
    };
    private static final String[] GIVEN_M = {
        "An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Vinh", "Huy",
        "Khôi", "Đạt", "Hiếu", "Trí"
    };
    private static final String[] GIVEN_F = {
        "Anh", "Chi", "Hà", "Hạnh", "Lan", "Linh", "Mai", "Ngân", "Trang", "Thảo", "Vy", "Nhi", "Hương", "Yến", "Trâm",
        "Uyên", "Quỳnh", "Giang"
    };
    private static final String[] GUARDIAN_GIVEN = {"Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Hòa", "Lộc", "Thắng"
    };

    private static final String FILE_NAME = "ds-hoc-sinh-toan-truong.xlsx";

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aLargeFileIsCheckedAndWrittenInTheBackgroundWhileTheOpenPageFollowsItWithoutReloading() throws Exception {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Tỉnh Đồng Nai",
                "Huyện Trảng Bom",
                "Xã Bàu Hàm",
                "Trường Tiểu học Bàu Hàm",
                "TB-",
                "Máy tính cho em — Trảng Bom");
        long school = area.school();
        AccountDetails officer = area.officer();
        long campaign = area.campaign();
        List<PriorityCategory> categories = CampaignDefaults.PRIORITY_CATEGORIES;

        // ---- 1. The officer uploads the whole school's list: too large to check now, it is queued.
        Page officerDesk = desktop();
        signIn(officerDesk, officer.email(), TestFixtures.PASSWORD);
        officerDesk.navigate(url("/campaigns/" + campaign + "/students"));
        officerDesk.locator("#import-link").click();
        assertThat(officerDesk.locator("h1")).hasText("Nhập danh sách học sinh cần hỗ trợ");
        Path file = Files.createTempDirectory("nhap-lon").resolve(FILE_NAME);
        Files.write(file, workbook(students(categories)));
        officerDesk.setInputFiles("#file", file);
        officerDesk.locator("#upload").click();

        assertThat(officerDesk.locator("h1")).hasText("Kiểm tra tệp: " + FILE_NAME);
        Locator status = officerDesk.locator("#status");
        Locator jobStatus = officerDesk.locator("#job-status");
        assertThat(jobStatus).hasText("Đang kiểm tra");
        assertThat(status).hasAttribute("data-status", "VALIDATING");
        assertThat(officerDesk.locator("#progress")).hasCount(1);
        assertThat(officerDesk.locator("#progress")).hasAttribute("max", "100");
        assertThat(officerDesk.locator("#progress")).hasAttribute("value", "0");
        // The total before the check is the sheet's rows less its header: the pupils, not one more.
        assertThat(status).containsText("Đã xử lý 0 / 2.100 dòng");
        assertThat(officerDesk.locator("#progress")).hasAttribute("aria-label", "Đã xử lý 0 / 2.100 dòng");
        assertThat(status).containsText("Bạn có thể rời trang này và quay lại sau");
        // the page polls its status while the job is busy; nothing is checked, so nothing to write yet
        assertThat(status).hasAttribute("hx-trigger", "every 1s");
        assertThat(status).hasAttribute("hx-get", Pattern.compile("/students/import/\\d+/status$"));
        // without JavaScript the page offers a reload link instead
        assertThat(status.locator("noscript")).hasCount(1);
        assertThat(officerDesk.locator("#commit")).hasCount(0);
        assertThat(officerDesk.locator("#count-rows")).hasCount(0);
        String jobUrl = officerDesk.url();
        // The status polls that told htmx the work was over (so the page reloaded itself with the result).
        List<String> finishedPolls = new ArrayList<>();
        officerDesk.onResponse(r -> {
            if (r.url().endsWith("/status") && "true".equals(r.headerValue("hx-refresh"))) {
                finishedPolls.add(r.url());
            }
        });

        // ---- 2. A node's worker checks the file; the open page, untouched, follows by itself.
        ImportWorkerPoll.run(context);
        assertThat(jobStatus).hasText("Đã kiểm tra, chờ ghi");
        assertThat(finishedPolls).isNotEmpty();
        int finishedAfterCheck = finishedPolls.size();
        assertThat(status).hasAttribute("data-status", "PREVIEW");
        assertThat(officerDesk.locator("#count-rows")).hasText(Integer.toString(STUDENTS));
        assertThat(officerDesk.locator("#count-ok")).hasText(Integer.toString(STUDENTS));
        assertThat(officerDesk.locator("#count-warnings")).hasText("0");
        assertThat(officerDesk.locator("#count-errors")).hasText("0");
        assertThat(officerDesk.locator("#progress")).hasCount(0);
        assertThat(officerDesk.locator("#problems")).hasCount(0);
        assertThat(officerDesk.locator("#commit")).hasText("Ghi " + grouped(STUDENTS) + " dòng hợp lệ");
        // a finished check does not poll any more
        assertThat(status).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
        assertThat(status).not().hasAttribute("hx-get", Pattern.compile(".*"));
        assertThat(officerDesk).hasURL(jobUrl);
        assertThat(studentsOfCampaign(campaign)).isZero();

        // ---- 3. The officer leaves, comes back through the list of imports and writes the rows.
        officerDesk
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Tổng quan").setExact(true))
                .click();
        assertThat(officerDesk).not().hasURL(jobUrl);
        officerDesk.navigate(url("/campaigns/" + campaign + "/students"));
        officerDesk.locator("#import-link").click();
        Locator listed = officerDesk.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(FILE_NAME));
        assertThat(listed).hasCount(1);
        assertThat(listed.locator("td").nth(2)).hasText("Đã kiểm tra, chờ ghi");
        assertThat(listed.locator("td").nth(3)).hasText(Integer.toString(STUDENTS));
        assertThat(listed.locator("td").nth(4)).hasText("0");
        listed.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(FILE_NAME))
                .click();
        assertThat(officerDesk).hasURL(jobUrl);
        assertThat(jobStatus).hasText("Đã kiểm tra, chờ ghi");

        officerDesk.locator("#commit").click();
        assertThat(jobStatus).hasText("Đang ghi");
        assertThat(status).hasAttribute("data-status", "COMMITTING");
        assertThat(status).hasAttribute("hx-trigger", "every 1s");
        assertThat(officerDesk.locator("#progress")).hasCount(1);
        assertThat(status).containsText("Bạn có thể rời trang này và quay lại sau");
        assertThat(officerDesk.locator("#commit")).hasCount(0);
        assertThat(studentsOfCampaign(campaign)).isZero();

        // The worker writes them; the page, again untouched, shows them written.
        ImportWorkerPoll.run(context);
        assertThat(jobStatus).hasText("Đã ghi");
        assertThat(finishedPolls).hasSizeGreaterThan(finishedAfterCheck);
        assertThat(status).hasAttribute("data-status", "COMMITTED");
        assertThat(officerDesk.locator("#count-inserted")).hasText(Integer.toString(STUDENTS));
        assertThat(officerDesk.locator("#count-updated")).hasText("0");
        assertThat(officerDesk.locator("#progress")).hasCount(0);
        assertThat(officerDesk.locator("#students-link")).isVisible();
        assertThat(status).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
        assertThat(status).not().hasAttribute("hx-get", Pattern.compile(".*"));
        assertThat(officerDesk).hasURL(jobUrl);

        assertThat(statusCounts(campaign)).isEqualTo(Map.of("REGISTERED", (long) STUDENTS));
        assertThat(jdbc.sql("select count(distinct full_name) from student where campaign_id = ? and school_id = ?")
                        .param(campaign)
                        .param(school)
                        .query(Long.class)
                        .single())
                .isEqualTo(STUDENTS);
        officerDesk.locator("#students-link").click();
        assertThat(officerDesk.locator("main")).containsText("Đã đăng ký: " + grouped(STUDENTS));
    }

    /**
     * A whole primary school's pupils, grades 1 to 5, with distinct Vietnamese names, birth years that go with their
     * grade and their guardians' phones; the phones differ from run to run, as a PostgreSQL database keeps earlier
     * runs' students.
     */
    private static List<Map<StudentColumn, String>> students(List<PriorityCategory> categories) {
        Random random = new Random(20210906L);
        Random phones = new SecureRandom();
        Set<String> names = new HashSet<>();
        List<Map<StudentColumn, String>> students = new ArrayList<>();
        while (students.size() < STUDENTS) {
            boolean girl = random.nextBoolean();
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String middle = (girl ? MIDDLE_F : MIDDLE_M)[random.nextInt(MIDDLE_M.length)];
            String[] given = girl ? GIVEN_F : GIVEN_M;
            String name = family + " " + middle + " " + given[random.nextInt(given.length)];
            if (!names.add(name)) {
                continue;
            }
            int n = students.size();
            int grade = 1 + n % 5;
            Map<StudentColumn, String> s = new EnumMap<>(StudentColumn.class);
            s.put(StudentColumn.FULL_NAME, name);
            s.put(
                    StudentColumn.BIRTH_DATE,
                    String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2021 - 5 - grade));
            s.put(StudentColumn.GENDER, girl ? "Nữ" : "Nam");
            s.put(StudentColumn.GRADE, Integer.toString(grade));
            s.put(StudentColumn.CLASS_NAME, grade + "A" + (1 + random.nextInt(6)));
            s.put(
                    StudentColumn.GUARDIAN_NAME,
                    family
                            + (random.nextBoolean() ? " Văn " : " Thị ")
                            + GUARDIAN_GIVEN[random.nextInt(GUARDIAN_GIVEN.length)]);
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

    /** The template's columns on row 1 (the school code left empty: it is the officer's school), a pupil a row. */
    private static byte[] workbook(List<Map<StudentColumn, String>> students) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Excel", "1.0");
        Worksheet ws = workbook.newWorksheet("Danh sách");
        StudentColumn[] columns = StudentColumn.values();
        for (int c = 0; c < columns.length; c++) {
            ws.value(0, c, columns[c].headerVi());
        }
        for (int r = 0; r < students.size(); r++) {
            for (int c = 0; c < columns.length; c++) {
                String value = students.get(r).get(columns[c]);
                if (value != null) {
                    ws.value(r + 1, c, value);
                }
            }
        }
        ws.finish();
        workbook.finish();
        return out.toByteArray();
    }

    /** A count as the messages write it in Vietnamese: 2.100. */
    private static String grouped(int n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(n);
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
