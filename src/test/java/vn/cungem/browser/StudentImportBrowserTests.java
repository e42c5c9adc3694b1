package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.student.importing.SpreadsheetReader;
import vn.cungem.student.importing.StudentColumn;
import vn.cungem.testsupport.TestFixtures;

/**
 * A school officer, as a new user would: downloads the campaign's template, fills in 50 students (three with
 * mistakes), uploads it, sees the errors, fixes them in the file, uploads it again, writes the rows and proposes the
 * school's list.
 */
class StudentImportBrowserTests extends BrowserTest {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng"};
    private static final String[] MIDDLE_M = {"Văn", "Minh", "Quốc", "Đức", "Gia", "Hữu"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Bảo"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Hà", "Hạnh", "Lan", "Linh", "Mai", "Ngân", "Trang"};

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Test
    void schoolOfficerImportsFiftyStudentsFixesMistakesCommitsAndProposes() throws Exception {
        long province = fixtures.unit("Thành phố Thủ Đức " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Linh Trung", "commune", province);
        long school = fixtures.school("Trường Tiểu học Linh Trung", ward);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        AccountDetails manager = fixtures.manager(province);
        List<PriorityCategory> categories = CampaignDefaults.PRIORITY_CATEGORIES;
        long campaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique("TD-"),
                                "Sóng và máy tính cho em — Thủ Đức",
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP, ItemType.SIM_4G),
                                List.of(new Phase(
                                        "Khảo sát",
                                        java.time.LocalDate.of(2021, 9, 1),
                                        java.time.LocalDate.of(2021, 9, 30),
                                        null,
                                        null,
                                        null)),
                                categories,
                                List.of(),
                                List.of()),
                        manager.caller())
                .id();

        Page page = this.page;
        signIn(page, officer.getUsername(), TestFixtures.PASSWORD);
        page.navigate(url("/campaigns/" + campaign + "/students/import"));
        assertThat(page.locator("h1")).containsText("Nhập danh sách học sinh");
        Download download =
                page.waitForDownload(() -> page.locator("#template-link").click());
        byte[] template = Files.readAllBytes(download.path());

        // The headers as the downloaded template has them, in its order.
        List<String> headers = new ArrayList<>();
        SpreadsheetReader.read(template, 0, (n, cells) -> {
            if (n == 1) {
                headers.addAll(cells);
            }
        });
        assertThat(headers).hasSize(StudentColumn.values().length);

        Random random = new Random(20210915L);
        // Phones differ from run to run: a database kept from an earlier run must not make these likely duplicates.
        Random phones = new Random(System.nanoTime());
        List<Map<StudentColumn, String>> students = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean girl = random.nextBoolean();
            Map<StudentColumn, String> s = new HashMap<>();
            String family = FAMILY[random.nextInt(FAMILY.length)];
            s.put(
                    StudentColumn.FULL_NAME,
                    family + " " + (girl ? MIDDLE_F : MIDDLE_M)[random.nextInt(6)] + " "
                            + (girl ? GIVEN_F : GIVEN_M)[random.nextInt(9)] + " " + (girl ? GIVEN_F : GIVEN_M)[i % 9]);
            s.put(
                    StudentColumn.BIRTH_DATE,
                    String.format("%02d/%02d/2013", 1 + random.nextInt(28), 1 + random.nextInt(12)));
            s.put(StudentColumn.GENDER, girl ? "Nữ" : "Nam");
            s.put(StudentColumn.GRADE, "3");
            s.put(StudentColumn.CLASS_NAME, "3A" + (1 + i % 4));
            s.put(StudentColumn.GUARDIAN_NAME, family + " Văn Phụ Huynh");
            s.put(StudentColumn.GUARDIAN_PHONE, String.format("09%08d", phones.nextInt(100_000_000)));
            s.put(
                    StudentColumn.CATEGORIES,
                    categories.get(random.nextInt(categories.size())).nameVi());
            s.put(StudentColumn.DEVICE_SITUATION, i % 3 == 0 ? "Thiết bị hỏng" : "Chưa có thiết bị");
            s.put(StudentColumn.CONNECTIVITY, i % 2 == 0 ? "Không có kết nối" : "Dùng dữ liệu di động");
            students.add(s);
        }
        // Mistakes a school makes: an impossible date, a gender nobody can read, a phone that is not Vietnamese.
        students.get(4).put(StudentColumn.BIRTH_DATE, "31/02/2013");
        students.get(17).put(StudentColumn.GENDER, "X");
        students.get(33).put(StudentColumn.GUARDIAN_PHONE, "12345");

        Path file = Files.createTempFile("lop-3", ".xlsx");
        Files.write(file, fill(headers, students));
        page.setInputFiles("#file", file);
        page.locator("#upload").click();
        assertThat(page.locator("#count-errors")).hasText("3");
        assertThat(page.locator("#count-ok")).hasText("47");
        assertThat(page.locator("#problems")).containsText("31/02/2013");
        assertThat(page.locator("#problems tbody tr")).hasCount(3);
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
        Download annotated =
                page.waitForDownload(() -> page.locator("#annotated-link").click());
        assertThat(Files.size(annotated.path())).isPositive();

        // The officer fixes the three rows in their file and uploads it again.
        students.get(4).put(StudentColumn.BIRTH_DATE, "28/02/2013");
        students.get(17).put(StudentColumn.GENDER, "Nam");
        students.get(33).put(StudentColumn.GUARDIAN_PHONE, "0912 345 678");
        Files.write(file, fill(headers, students));
        page.navigate(url("/campaigns/" + campaign + "/students/import"));
        page.setInputFiles("#file", file);
        page.locator("#upload").click();
        assertThat(page.locator("#count-errors")).hasText("0");
        page.locator("#commit").click();
        assertThat(page.locator("#job-status")).hasText("Đã ghi");
        assertThat(page.locator("#count-inserted")).hasText("50");
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ? and status = 'REGISTERED'")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(50L);

        page.locator("#students-link").click();
        page.locator("#propose-school").click();
        page.waitForLoadState();
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ? and status = 'PROPOSED'")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(50L);
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
}
