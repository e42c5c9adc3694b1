package vn.cungem.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.ReadyItems;
import vn.cungem.inventory.ReadyStockLoad;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentRow;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.Students;

/**
 * Puts a few refurbished devices on the shelves of the Thủ Đức campaign's first schools, ready to allocate, so a new
 * manager can run quotas and matching on the students the city approved, read why some get nothing, change one case
 * and approve (issue 14). The city has also approved most of the second school's list, so two schools compete for the
 * devices and the explanations speak of rank, distance and quota; a few of its students stay proposed for the approval
 * pages. Fewer devices than approved students, on purpose. Does nothing when the campaign already has ready items.
 */
@Component
@Order(130)
@ConditionalOnProperty(name = "cungem.demo.enabled", havingValue = "true")
class DemoAllocationSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAllocationSetup.class);

    private final Campaigns campaigns;
    private final ReadyItems ready;
    private final ReadyStockLoad stock;
    private final JdbcClient jdbc;
    private final Students students;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoAllocationSetup(
            Campaigns campaigns,
            ReadyItems ready,
            ReadyStockLoad stock,
            JdbcClient jdbc,
            Students students,
            TransactionTemplate transactions,
            Environment environment) {
        this.campaigns = campaigns;
        this.ready = ready;
        this.stock = stock;
        this.jdbc = jdbc;
        this.students = students;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cungem.generate.scale")) {
            return;
        }
        int added = seed(DemoStudentSetup.CAMPAIGN, "TD-RD-");
        if (added > 0) {
            log.info("Demo ready devices added to {}: {}", DemoStudentSetup.CAMPAIGN, added);
        }
    }

    /** {@code tagPrefix}: tags are unique across campaigns, so a test that seeds twice passes its own. */
    int seed(String campaignCode, String tagPrefix) {
        Campaign campaign = campaigns.findByCode(campaignCode).orElse(null);
        if (campaign == null) {
            return 0;
        }
        int[] existing = {0};
        ready.forEachReady(campaign.id(), Caller.SYSTEM, r -> existing[0]++);
        // the schools the demo's students were registered at (DemoStudentSetup: the first primary and lower-secondary)
        List<Long> schools = jdbc.sql("""
                        select s.id from org_school s
                        where s.retired_on is null and s.school_level in ('PRIMARY', 'LOWER_SECONDARY')
                          and s.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)
                        order by s.id fetch first 2 rows only""")
                .param(campaign.organisingUnit().id())
                .query(Long.class)
                .list();
        if (existing[0] > 0 || schools.size() < 2) {
            return 0;
        }
        approveMostOf(campaign.id(), schools.get(1));
        return stock.add(
                campaign.id(),
                List.of(
                        new ReadyStockLoad.Line(schools.get(0), ItemType.LAPTOP, "Dell Latitude 5490, RAM 8GB", 3),
                        new ReadyStockLoad.Line(schools.get(0), ItemType.TABLET, "Samsung Galaxy Tab A7, RAM 3GB", 2),
                        new ReadyStockLoad.Line(schools.get(1), ItemType.SMARTPHONE, "Xiaomi Redmi 9A, RAM 2GB", 1),
                        new ReadyStockLoad.Line(schools.get(1), ItemType.SIM_4G, "SIM 4G 30GB", 2)),
                tagPrefix,
                Caller.SYSTEM);
    }

    /** The city approves the school's proposed students but the last two, which wait for a manager to decide. */
    private void approveMostOf(long campaignId, long schoolId) {
        List<Long> proposed = students
                .list(
                        new StudentFilter(campaignId, null, schoolId, StudentStatus.PROPOSED, null, null, null, 0, 200),
                        Caller.SYSTEM)
                .rows()
                .stream()
                .map(StudentRow::id)
                .sorted()
                .toList();
        if (proposed.size() > 2) {
            Callers.asSystem(() -> transactions.executeWithoutResult(
                    status -> students.approve(proposed.subList(0, proposed.size() - 2), Callers.current())));
        }
    }
}
