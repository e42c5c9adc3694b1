package vn.cungem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class DemoStudentSetupIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Students students;

    @Autowired
    Campaigns campaigns;

    @Autowired
    TestFixtures fixtures;

    @Test
    void givesTheDemoCampaignStudentsAtEveryStepOfApprovalOnce() {
        long city = fixtures.unit("Thành phố Thủ Đức", "district", null);
        long ward = fixtures.unit("Phường Linh Xuân", "commune", city);
        fixtures.school("Trường Tiểu học Linh Xuân", ward);
        fixtures.school("Trường Tiểu học Linh Trung", ward);
        String code = TestFixtures.unique("TD-");
        long campaign = campaigns
                .create(
                        new CampaignSpec(
                                code,
                                "Sóng và máy tính cho em",
                                null,
                                city,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        Caller.SYSTEM)
                .id();
        DemoStudentSetup setup = new DemoStudentSetup(jdbc, campaigns, transactions, students, new MockEnvironment());

        // another seed than the demo's: the PostgreSQL database of a run keeps the personal ids of earlier runs
        long seed = System.nanoTime();
        assertThat(setup.seed(code, 12, seed)).isEqualTo(12);
        assertThat(setup.seed(code, 12, seed)).isZero();

        List<String> statuses = jdbc.sql("select status from student where campaign_id = ?")
                .param(campaign)
                .query(String.class)
                .list();
        assertThat(statuses).hasSize(12).contains("APPROVED", "RETURNED", "REGISTERED");
        assertThat(statuses.stream().filter("APPROVED"::equals).count()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ? and personal_id_cipher is not null")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
    }
}
