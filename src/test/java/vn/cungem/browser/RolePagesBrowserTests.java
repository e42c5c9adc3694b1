package vn.cungem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPointForm;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.DonorDetails;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PledgeLineRequest;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.student.Students;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.testsupport.TestStudents;

/**
 * Issue 12's "Done when", walked: each role signs in (the donor stays on the public pages), opens its home page, and
 * every page linked from there and from the menu is checked by {@link PageChecks} at 390×844 (and 360 px wide) and at
 * 1366×900, then one level deeper the pages that matter most ({@link #DEEPER}: a student's page, a pledge's, an item's,
 * a plan, a handover record), the first link of each kind found on the pages of the first level. The campaign has
 * students (registered, proposed, returned), a collection point at the school and pledges, so lists are not empty.
 * Everything found is written to {@code target/screenshots/role-pages.txt}; the test fails on any problem except on
 * pages listed in {@link #PENDING}.
 */
// what it checks is markup, the same on every database: run once, on the default one, to keep CI short (about 6 min)
@org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(
        named = "CUNGEM_TEST_DB_URL",
        matches = ".+",
        disabledReason = "page checks do not depend on the database")
class RolePagesBrowserTests extends BrowserTest {

    /** Pages reported but not failed while their area moves to the design system: none left. */
    static final List<Pattern> PENDING = List.of();

    /** Links that are not pages to look at: downloads, the language switch, signing out. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*(\\.pdf|\\.csv|\\.xlsx|\\.png|\\.svg|/export|/download|/template|lang=|/logout|/swagger|/v3/api-docs).*");

    private static final int MOST_PAGES_PER_ROLE = 30;

    /**
     * The second level, chosen rather than every link (two full levels would be several hundred pages, well past the
     * six minutes this test may take): one page of each kind, the first link found.
     */
    static final List<Pattern> DEEPER = List.of(
            Pattern.compile("/students/\\d+"),
            Pattern.compile("/campaigns/\\d+/pledges/\\d+"),
            Pattern.compile("/inventory/items/[^/?]+"),
            Pattern.compile("(/campaigns/\\d+/allocation)?/plans/\\d+"),
            Pattern.compile("/handover/(records|batches)/[^/?]+"));

    @Autowired
    Students students;

    @Autowired
    CollectionPoints points;

    @Autowired
    Pledges pledges;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountUserDetailsService accountDetails;

    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<String> visited = new ArrayList<>();
    private long province;
    private long district;
    private long school;

    @BeforeAll
    void anActiveCampaign() {
        String suffix = TestFixtures.unique("");
        province = fixtures.unit("Tỉnh Kiểm Tra " + suffix, "province", null);
        district = fixtures.unit("Huyện Kiểm Tra " + suffix, "district", province);
        long commune = fixtures.unit("Xã Kiểm Tra " + suffix, "commune", district);
        school = fixtures.school("Trường Tiểu học Kiểm Tra " + suffix, commune);
        var manager = fixtures.manager(province).caller();
        long id = campaigns
                .create(
                        new CampaignSpec(
                                "KT-" + suffix,
                                "Máy tính cho em " + suffix,
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        manager)
                .id();
        campaigns.changeStatus(id, CampaignStatus.ACTIVE, "Bắt đầu", manager);
        // lists with rows in them: students at three stages, a collection point at the school with two pledges
        var officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null).caller();
        List<Long> ids = new ArrayList<>();
        for (String pupil : List.of("Lê Văn Tám", "Phan Thị Hoa", "Nguyễn Hoàng Bảo Ngọc Trâm Anh")) {
            ids.add(TestStudents.register(students, id, school, pupil, officer));
        }
        students.propose(ids.subList(0, 2), officer);
        students.returnForCorrection(List.of(ids.get(0)), "Thiếu giấy xác nhận hộ nghèo", manager);
        long point = points.create(
                        id,
                        new CollectionPointForm(
                                "Điểm Kiểm Tra",
                                null,
                                school,
                                "1 Đường Kiểm Tra",
                                "Thứ 2–Thứ 6, 7h30–11h00",
                                true,
                                null),
                        manager)
                .id();
        for (int i = 0; i < 2; i++) {
            pledges.submit(new PledgeRequest(
                    id,
                    List.of(new PledgeLineRequest(ItemType.LAPTOP, 1, ItemCondition.USED_WORKING, null, null)),
                    null,
                    point,
                    DonationTestData.TODAY,
                    new DonorDetails(DonorKind.INDIVIDUAL, "Người Ủng Hộ", "0903123456", null, null, null, false, true),
                    false,
                    null,
                    TestFixtures.unique("roles-")));
        }
    }

    @Test
    void everyPageEachRoleReachesFitsAPhoneAndPassesAxe() throws IOException {
        InventoryTestPeople people = new InventoryTestPeople(jdbc, fixtures, accountDetails);
        Map<String, AccountDetails> roles = new LinkedHashMap<>();
        roles.put("administrator", fixtures.admin());
        roles.put("manager", fixtures.manager(province));
        roles.put("school-officer", fixtures.account(Role.SCHOOL_OFFICER, null, school, null));
        roles.put("volunteer", people.volunteer(people.team(district), district));
        roles.put("partner", fixtures.account(Role.PARTNER_USER, null, null, people.partner(district)));
        roles.put("collection-staff", people.volunteer(people.team(district), district));
        roles.put("donor", null);

        for (Map.Entry<String, AccountDetails> role : roles.entrySet()) {
            walk(role.getKey(), role.getValue(), this::phone, "390");
            report();
            walk(role.getKey(), role.getValue(), this::desktopPage, "1366");
            report();
        }

        Map<String, List<String>> ours = new LinkedHashMap<>(problems);
        ours.keySet().removeIf(RolePagesBrowserTests::pending);
        assertThat(visited).hasSizeGreaterThan(20);
        assertThat(ours)
                .as("pages outside the pending areas with problems (see target/screenshots/role-pages.txt)")
                .isEmpty();
    }

    /** Written after each walk, so a person can read it while the test still runs. */
    private void report() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Pages visited: " + visited.size());
        lines.addAll(visited);
        lines.add("");
        problems.forEach((page, found) -> {
            lines.add((pending(page) ? "[pending uxb] " : "[FAIL] ") + page);
            found.forEach(p -> lines.add("    " + p));
        });
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("role-pages.txt"), lines);
    }

    private Page desktopPage() {
        return desktop();
    }

    private void walk(String role, AccountDetails person, java.util.function.Supplier<Page> context, String width) {
        Page p = context.get();
        List<String> console = new ArrayList<>();
        p.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                console.add(m.text());
            }
        });
        String home;
        if (person == null) {
            home = "/";
        } else {
            signIn(p, person.getUsername(), TestFixtures.PASSWORD);
            home = "/dashboard";
        }
        Set<String> pages = new LinkedHashSet<>();
        pages.add(home);
        p.navigate(url(home));
        pages.addAll(links(p));
        if (person == null) {
            pages.add("/login");
            pages.add("/public/track");
        }
        List<String> first = new ArrayList<>(pages);
        Map<Pattern, String> deeper = new LinkedHashMap<>();
        int n = 0;
        for (String path : first) {
            if (n++ >= MOST_PAGES_PER_ROLE) {
                break;
            }
            check(role, width, p, console, path);
            for (String link : links(p)) {
                DEEPER.stream()
                        .filter(d -> d.matcher(link).matches() && !pages.contains(link))
                        .findFirst()
                        .ifPresent(d -> deeper.putIfAbsent(d, link));
            }
        }
        for (String path : deeper.values()) {
            check(role, width, p, console, path);
        }
    }

    private void check(String role, String width, Page p, List<String> console, String path) {
        String key = role + " " + width + " " + path;
        visited.add(key);
        console.clear();
        Response response = p.navigate(url(path));
        p.waitForLoadState(LoadState.NETWORKIDLE);
        List<String> found = new ArrayList<>();
        if (response == null || response.status() >= 400) {
            found.add("answers " + (response == null ? "nothing" : response.status()));
        }
        if (width.equals("390")) {
            found.addAll(PageChecks.noSidewaysScroll(p));
        }
        found.addAll(PageChecks.accessibility(p, role + "-" + width + path.replace('/', '-')));
        console.forEach(c -> found.add("console error: " + c));
        if (!found.isEmpty()) {
            problems.computeIfAbsent(path, k -> new ArrayList<>())
                    .addAll(found.stream()
                            .map(f -> role + " @" + width + ": " + f)
                            .toList());
        }
    }

    /** Same-origin page links of the header menu and of the page's main part, as paths. */
    @SuppressWarnings("unchecked")
    private List<String> links(Page p) {
        List<String> hrefs =
                (List<String>) p.evaluate("() => Array.from(document.querySelectorAll('header a[href], main a[href]'))"
                        + ".filter(a => a.origin === location.origin).map(a => a.pathname + a.search)");
        Function<String, Boolean> keep = h -> !NOT_A_PAGE.matcher(h).matches();
        return hrefs.stream().filter(keep::apply).distinct().toList();
    }

    static boolean pending(String path) {
        return PENDING.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
