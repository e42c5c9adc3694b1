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
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.ReadyItems;
import vn.cungem.inventory.ReadyStockLoad;
import vn.cungem.shared.security.Caller;

/**
 * Puts a few refurbished devices on the shelves of the Thủ Đức campaign's first schools, ready to allocate, so a new
 * manager can run quotas and matching on the students the city approved, read why some get nothing, change one case
 * and approve (issue 14). Fewer devices than approved students, on purpose. Does nothing when the campaign already
 * has ready items.
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
    private final Environment environment;

    DemoAllocationSetup(
            Campaigns campaigns, ReadyItems ready, ReadyStockLoad stock, JdbcClient jdbc, Environment environment) {
        this.campaigns = campaigns;
        this.ready = ready;
        this.stock = stock;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.containsProperty("cungem.generate.scale")) {
            return;
        }
        int added = seed(DemoStudentSetup.CAMPAIGN);
        if (added > 0) {
            log.info("Demo ready devices added to {}: {}", DemoStudentSetup.CAMPAIGN, added);
        }
    }

    int seed(String campaignCode) {
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
        return stock.add(
                campaign.id(),
                List.of(
                        new ReadyStockLoad.Line(schools.get(0), ItemType.LAPTOP, "Dell Latitude 5490, RAM 8GB", 3),
                        new ReadyStockLoad.Line(schools.get(0), ItemType.TABLET, "Samsung Galaxy Tab A7, RAM 3GB", 2),
                        new ReadyStockLoad.Line(schools.get(1), ItemType.SMARTPHONE, "Xiaomi Redmi 9A, RAM 2GB", 1),
                        new ReadyStockLoad.Line(schools.get(1), ItemType.SIM_4G, "SIM 4G 30GB", 2)),
                "TD-RD-",
                Caller.SYSTEM);
    }
}
