package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.demo.DemoAllocationScenario;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 14's done-when, the manager's half: the Thủ Đức manager, on the campaign the demo seeds, finds the allocation
 * page from the campaign, makes a what-if run (nothing reserved), runs quotas and matching as a proposal, reads the
 * quotas and a school's explanations with the students by name, changes one assignment (refused without a reason,
 * next to the field, with what was chosen kept), compares the two plans and approves: the items are reserved. Once at
 * 1366×900 and once on a 390×844 phone; every page visited passes axe-core (WCAG 2.2 AA) and does not scroll sideways.
 */
class AllocationJourneyBrowserTests extends BrowserTest {

    @Autowired
    Reservations reservations;

    @Autowired
    Students students;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aManagerPlansChangesOneCaseAndApprovesOnADesktop() {
        journey(page, "desktop");
    }

    @Test
    void aManagerPlansChangesOneCaseAndApprovesOnAPhone() {
        journey(phone(), "phone");
    }

    private void journey(Page page, String size) {
        DemoAllocationScenario.Scenario demo = DemoAllocationScenario.seed(fixtures);
        signIn(page, demo.manager().email(), TestFixtures.PASSWORD);

        // from the campaign's page, as a new manager would find it
        page.navigate(url("/campaigns/" + demo.campaignId()));
        page.locator("a[href='/campaigns/" + demo.campaignId() + "/allocation']")
                .first()
                .click();
        assertThat(page.locator("h1")).hasText("Phân bổ thiết bị");
        check(page, "allocation-home-" + size);

        // quotas alone first, then a what-if run from there: it shows the split and reserves nothing
        page.locator("#see-quotas").click();
        assertThat(page.locator("#quota-table")).containsText("Thành phố Thủ Đức");
        assertThat(page.locator("#quota-table")).containsText("Máy tính xách tay");
        check(page, "allocation-quotas-" + size);
        page.locator("label[for='kind-WHAT_IF']").click();
        page.locator("#run-plan").click();
        assertThat(page.locator("#flash")).containsText("Đã lập kế hoạch số");
        assertThat(page.locator("#what-if")).containsText("bản chạy thử");
        assertThat(page.locator("#approve-plan")).hasCount(0);
        long whatIf = planId(page);
        assertThat(reservations.ofReference(AllocationPlans.reference(whatIf))).isEmpty();
        check(page, "allocation-what-if-" + size);

        // the proposal: quotas per district, then matching
        page.locator(".govuk-back-link").click();
        page.locator("label[for='kind-PROPOSAL']").click();
        page.locator("#run-plan").click();
        assertThat(page.locator("#plan-status")).hasText("Nháp");
        long proposal = planId(page);
        assertThat(page.locator("#quota-table")).containsText("Thành phố Thủ Đức");
        assertThat(page.locator("#quota-table")).containsText("Máy tính xách tay");
        assertThat(page.locator("#quota-table")).not().containsText("LAPTOP");
        // the default view: students left without a device, each with their rank and the reason
        assertThat(page.locator("#plan-lines tbody tr").first())
                .containsText(Pattern.compile("Xếp thứ [\\d.]+ trong huyện; (hạn mức|hết|đợt này)"));
        check(page, "allocation-plan-" + size);

        // one school's cases: names, not numbers, for the manager who covers the children
        page.locator("#school-table a").first().click();
        assertThat(page.locator("#all-schools")).isVisible();
        Locator firstLine = page.locator("#plan-lines tbody tr").first();
        long someone = Long.parseLong(firstLine.getAttribute("data-student"));
        String fullName = students.get(someone, Caller.SYSTEM).fullName();
        assertThat(firstLine.locator(".app-student-name")).hasText(fullName);
        page.locator("#show").selectOption("ASSIGNED");
        page.locator("form[method=get] button").click();
        assertThat(page.locator("#plan-lines"))
                .containsText(Pattern.compile("Xếp thứ [\\d.]+ trong huyện; (hết .+ phù hợp nên )?nhận .+"));
        check(page, "allocation-school-" + size);

        // give the first left-out student the first-ranked student's device, by choosing both on the rows
        page.navigate(url("/campaigns/" + demo.campaignId() + "/allocation/plans/" + proposal));
        Locator firstLeftOut = page.locator("#plan-lines tbody tr").first();
        long chosen = Long.parseLong(firstLeftOut.getAttribute("data-student"));
        firstLeftOut
                .locator("a", new Locator.LocatorOptions().setHasText("Chọn em"))
                .click();
        assertThat(page.locator("#studentId")).hasValue(Long.toString(chosen));
        page.locator("#show").selectOption("ASSIGNED");
        page.locator("form[method=get] button").click();
        Locator laptop = page.locator("#plan-lines tbody tr", new Page.LocatorOptions().setHasText("Máy tính xách tay"))
                .first();
        String tag = laptop.getAttribute("data-item");
        laptop.locator("a", new Locator.LocatorOptions().setHasText("Chọn thiết bị"))
                .click();
        assertThat(page.locator("#itemTag")).hasValue(tag);
        assertThat(page.locator("#studentId")).hasValue(Long.toString(chosen));

        // without a reason: refused next to the field, the choice kept, nothing changed
        page.locator("#save-change").click();
        assertThat(page.locator("#reason-error")).containsText("Hãy ghi lý do đổi");
        assertThat(page.locator(".govuk-error-summary")).containsText("Hãy ghi lý do đổi");
        assertThat(page.locator("#itemTag")).hasValue(tag);
        assertThat(page.locator("#studentId")).hasValue(Long.toString(chosen));
        check(page, "allocation-change-refused-" + size);

        String reason = "Em ở xa trường, mẹ đang điều trị dài ngày";
        page.locator("#reason").fill(reason);
        page.locator("#save-change").click();
        assertThat(page.locator("#flash")).containsText("Đã đổi: thiết bị " + tag);
        Locator changed = page.locator("#plan-lines tbody tr[data-student='" + chosen + "']");
        assertThat(changed).containsText(tag);
        assertThat(changed).containsText("Quản lý đổi tay: " + reason);
        check(page, "allocation-changed-" + size);

        // the what-if against the proposal: the chosen student gains the laptop, by name
        page.locator(".govuk-back-link").click();
        page.locator("#first").selectOption(Long.toString(whatIf));
        page.locator("#second").selectOption(Long.toString(proposal));
        page.locator("form[method=get] button").click();
        assertThat(page.locator("#compare-gained"))
                .containsText(students.get(chosen, Caller.SYSTEM).fullName());
        assertThat(page.locator("#compare-gained")).containsText(tag);
        check(page, "allocation-compare-" + size);

        // approve: every item of the plan reserved for its student
        page.navigate(url("/campaigns/" + demo.campaignId() + "/allocation/plans/" + proposal));
        page.locator("#approve-plan").click();
        assertThat(page.locator("#plan-status")).hasText("Đã duyệt");
        assertThat(page.locator("#flash")).containsText(Pattern.compile("Đã duyệt kế hoạch; \\d+ thiết bị được giữ"));
        List<Reservations.Holding> held = reservations.ofReference(AllocationPlans.reference(proposal));
        assertThat(held).isNotEmpty();
        assertThat(held).anySatisfy(h -> {
            assertThat(h.tag()).isEqualTo(tag);
            assertThat(h.studentId()).isEqualTo(chosen);
        });
        assertThat(page.locator("#approve-plan")).hasCount(0);
        assertThat(page.locator("#reserved")).containsText("đã được giữ");
        assertThat(page.locator("#plan-lines tbody tr[data-student='" + chosen + "'][data-item='" + tag + "']"))
                .hasCount(1);
        check(page, "allocation-approved-" + size);

        assertThat(problems).isEmpty();
    }

    private static long planId(Page page) {
        String path = page.url().replaceAll("[?#].*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private void check(Page page, String name) {
        problems.addAll(PageChecks.accessibility(page, name).stream()
                .map(p -> name + ": " + p)
                .toList());
        if (page.viewportSize().width < 800) {
            problems.addAll(PageChecks.noSidewaysScroll(page).stream()
                    .map(p -> name + ": " + p)
                    .toList());
        }
    }
}
