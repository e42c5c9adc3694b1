package vn.cungem.demo;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.ReadyItems;
import vn.cungem.inventory.ReadyStockLoad;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;
import vn.cungem.testsupport.TestFixtures;

/**
 * The demo's Thủ Đức campaign as {@code ./mvnw spring-boot:run} leaves it for allocation, built by the demo's own
 * seeders on a fresh copy of its shape (a city, two wards, two schools each, its manager), so a test sees what a new
 * manager sees without loading the whole demo into the shared test database.
 */
public final class DemoAllocationScenario {

    public record Scenario(long campaignId, String tagPrefix, long city, AccountDetails manager) {}

    private DemoAllocationScenario() {}

    public static Scenario seed(TestFixtures fixtures) {
        fixtures.ensureLevels();
        long city = fixtures.unit("Thành phố Thủ Đức", "district", null);
        long linhXuan = fixtures.unit("Phường Linh Xuân", "commune", city);
        long linhTrung = fixtures.unit("Phường Linh Trung", "commune", city);
        fixtures.school("Trường Tiểu học Linh Xuân", linhXuan);
        fixtures.school("Trường Tiểu học Nguyễn Văn Tây", linhXuan);
        fixtures.school("Trường Tiểu học Linh Trung", linhTrung);
        fixtures.school("Trường Tiểu học Đặng Văn Bất", linhTrung);
        Campaigns campaigns = fixtures.bean(Campaigns.class);
        String code = TestFixtures.unique("TD-");
        long campaignId = campaigns
                .create(
                        new CampaignSpec(
                                code,
                                "Sóng và máy tính cho em",
                                null,
                                city,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY),
                                List.of(ItemType.LAPTOP, ItemType.TABLET, ItemType.SMARTPHONE, ItemType.SIM_4G),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        Caller.SYSTEM)
                .id();
        JdbcClient jdbc = fixtures.bean(JdbcClient.class);
        TransactionTemplate transactions = fixtures.bean(TransactionTemplate.class);
        Students students = fixtures.bean(Students.class);
        // another seed than the demo's: the PostgreSQL database of a run keeps the personal ids of earlier runs
        new DemoStudentSetup(jdbc, campaigns, transactions, students, new MockEnvironment())
                .seed(code, DemoStudentSetup.STUDENTS, System.nanoTime());
        String tagPrefix = TestFixtures.unique("TD") + "-";
        new DemoAllocationSetup(
                        campaigns,
                        fixtures.bean(ReadyItems.class),
                        fixtures.bean(ReadyStockLoad.class),
                        jdbc,
                        students,
                        transactions,
                        new MockEnvironment())
                .seed(code, tagPrefix);
        return new Scenario(campaignId, tagPrefix, city, fixtures.manager(city));
    }
}
