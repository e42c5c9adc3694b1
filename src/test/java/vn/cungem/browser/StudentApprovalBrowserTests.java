package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.Campaigns;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.student.Students;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.testsupport.TestStudents;

/**
 * 002: the school proposes its list, the district approves. A school officer registers a student on a phone and
 * proposes the school's list; the district manager approves two and returns one with a reason; the school sees the
 * reason, corrects the student and proposes again; the district approves it.
 */
class StudentApprovalBrowserTests extends BrowserTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Students students;

    @Autowired
    JdbcClient jdbc;

    @Test
    void schoolProposesDistrictApprovesAndReturnsSchoolCorrectsAndDistrictApproves() {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Thành phố Hồ Chí Minh",
                "Huyện Nhà Bè",
                "Xã Phước Kiển",
                "Trường Tiểu học Phước Kiển",
                "NB-",
                "Hỗ trợ máy tính cho học sinh Nhà Bè");
        long district = area.district();
        long school = area.school();
        AccountDetails officer = area.officer();
        AccountDetails manager = area.manager();
        long campaign = area.campaign();
        // two students the school entered earlier
        for (String name : List.of("Lê Văn Tám", "Phan Thị Hoa")) {
            TestStudents.register(students, campaign, school, name, officer.caller());
        }

        // The school officer, on a phone, registers a student orphaned by COVID-19 and proposes the list.
        Page school1 = phone();
        signIn(school1, officer.email(), TestFixtures.PASSWORD);
        school1.navigate(url("/campaigns/" + campaign + "/students"));
        school1.getByText("Đăng ký học sinh").first().click();
        school1.locator("#fullName").fill("NGUYỄN THỊ MỸ DUYÊN");
        school1.locator("#birthDate").fill("5/9/13");
        school1.locator("#gender").selectOption("FEMALE");
        school1.locator("#grade").fill("3");
        school1.locator("#className").fill("3B");
        school1.locator("#guardianName").fill("Nguyễn Văn Hai");
        // a phone no earlier run used: the PostgreSQL database of a run keeps earlier runs' students
        String phone = String.format("09%08d", new java.security.SecureRandom().nextInt(100_000_000));
        school1.locator("#guardianPhone").fill(phone + "x");
        school1.locator("input[name=categories][value=ORPHAN_BOTH_PARENTS]").check();
        school1.locator("#deviceSituation").selectOption("NONE");
        school1.locator("#connectivity").selectOption("NONE");
        school1.locator("input[name=needs][value=SIM]").check();
        assertThat(school1.locator("#priority")).containsText("+100");
        school1.locator("#save").click();
        // a mistyped phone is refused with the reason, the rest of the form is kept
        assertThat(school1.locator("#form-errors")).containsText("Số điện thoại");
        assertThat(school1.locator("#fullName")).hasValue("NGUYỄN THỊ MỸ DUYÊN");
        school1.locator("#guardianPhone").fill(phone);
        school1.locator("#save").click();
        assertThat(school1.locator("h1")).hasText("Nguyễn Thị Mỹ Duyên");
        assertThat(school1.locator("#explanation"))
                .hasText("mồ côi cả cha và mẹ do dịch Covid-19: +100; chưa có thiết bị: +20; không có kết nối: +10");
        school1.navigate(url("/campaigns/" + campaign + "/students"));
        school1.locator("#propose-school").click();
        assertThat(school1.locator(".flash")).containsText("Đã đề xuất 3 học sinh");

        // The district manager approves two and returns one with a reason.
        Page district1 = desktop();
        signIn(district1, manager.email(), TestFixtures.PASSWORD);
        district1.navigate(url("/campaigns/" + campaign + "/students/approval"));
        assertThat(district1.locator("tbody tr").first()).containsText("Nguyễn Thị Mỹ Duyên");
        district1.locator("input[name=ids][aria-label='Nguyễn Thị Mỹ Duyên']").check();
        district1.locator("input[name=ids][aria-label='Lê Văn Tám']").check();
        district1.locator("button[value=approve]").click();
        assertThat(district1.locator(".flash")).containsText("Đã cập nhật 2 học sinh");
        district1.locator("input[name=ids][aria-label='Phan Thị Hoa']").check();
        district1.locator("#reason").fill("Thiếu số điện thoại phụ huynh");
        district1.locator("button[value=return]").click();
        assertThat(district1.locator(".flash")).containsText("Đã cập nhật 1 học sinh");

        // The school sees the reason, corrects the student and proposes again.
        Page school2 = phone();
        signIn(school2, officer.email(), TestFixtures.PASSWORD);
        school2.navigate(url("/campaigns/" + campaign + "/students"));
        assertThat(school2.locator("tbody")).containsText("Thiếu số điện thoại phụ huynh");
        capture(school2, "student-list-returned-phone");
        school2.getByText("Phan Thị Hoa").click();
        assertThat(school2.locator("#returned-reason")).containsText("Thiếu số điện thoại phụ huynh");
        school2.locator("#edit").click();
        school2.locator("#guardianName").fill("Phan Văn Lộc");
        school2.locator("#guardianPhone").fill("+84 912 345 678");
        school2.locator("#save").click();
        assertThat(school2.locator(".flash")).containsText("Đã lưu");
        school2.locator("#propose-one").click();
        assertThat(school2.locator("#status")).hasText("Đã đề xuất");

        // The district approves the corrected student.
        Page district2 = desktop();
        signIn(district2, manager.email(), TestFixtures.PASSWORD);
        district2.navigate(url("/campaigns/" + campaign + "/students/approval"));
        district2.locator("input[name=ids][aria-label='Phan Thị Hoa']").check();
        district2.locator("button[value=approve]").click();
        assertThat(district2.locator(".flash")).containsText("Đã cập nhật 1 học sinh");

        List<String> statuses = jdbc.sql("select status from student where campaign_id = ?")
                .param(campaign)
                .query(String.class)
                .list();
        assertThat(statuses).containsOnly("APPROVED").hasSize(3);
        district2.navigate(url("/campaigns/" + campaign + "/students/roll-up"));
        assertThat(district2.locator("#rollup-units")).containsText("Xã Phước Kiển");
    }
}
