package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.audit.integrity.IntegrityRun;
import vn.cungem.audit.integrity.IntegrityRuns;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;
import vn.cungem.shared.security.Role;
import vn.cungem.student.internal.StudentTallies;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The daily integrity run recounts the registry's kept counts and names each counter that drifted from the rows: a
 * counter row altered by plain SQL (a hand fix in psql) is found, with its campaign, place and both numbers, and is no
 * longer found once the campaign is counted again. The tests share one database, so they look only at findings that
 * name their own campaign.
 */
@IntegrationTest
class TallyIntegrityCheckIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    StudentTallies tallies;

    @Autowired
    List<IntegrityCheck> checks;

    @Autowired
    IntegrityRuns runs;

    long province;
    long school;
    long campaign;
    String code;

    @BeforeEach
    void registry() throws Exception {
        province = fixtures.unit("Tỉnh Kiểm Đếm", "province", null);
        long commune = fixtures.unit("Xã Kiểm Đếm", "commune", province);
        school = fixtures.school("Trường Tiểu học Kiểm Đếm", commune);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        AccountDetails manager = fixtures.manager(province);
        code = TestFixtures.unique("KD-");
        campaign = campaigns
                .create(
                        new CampaignSpec(
                                code,
                                "Kiểm đếm",
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        manager.caller())
                .id();
        code = campaigns.find(campaign).orElseThrow().code();
        for (String name : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
            mvc.perform(post("/api/v1/campaigns/" + campaign + "/students")
                            .with(user(officer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"student": {"fullName": "%s", "birthDate": "05/09/2012", "gender": "Nữ",
                                     "grade": "3", "guardianName": "Nguyễn Văn Hùng", "categories": "Hộ nghèo",
                                     "deviceSituation": "Chưa có thiết bị", "connectivity": "4G",
                                     "needs": "thiết bị"}}""".formatted(name)))
                    .andExpect(status().isCreated());
        }
    }

    private IntegrityCheck check() {
        return checks.stream()
                .filter(c -> c.code().equals("student.tallies"))
                .findFirst()
                .orElseThrow();
    }

    private List<IntegrityFinding> mine(List<IntegrityFinding> findings) {
        return findings.stream().filter(f -> f.arguments().get(0).equals(code)).toList();
    }

    @Test
    void countsKeptByEveryChangeAreNotReported() {
        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(mine(check().run().sample())).isEmpty();
    }

    @Test
    void aCounterAlteredByPlainSqlIsFoundWithBothNumbersAndARecountMendsIt() {
        int altered = jdbc.sql("""
                        update student_tally set students = students + 5
                         where campaign_id = ? and place_kind = 'UNIT' and place_id = ? and category = '*'
                           and status = 'REGISTERED'""").params(campaign, province).update();
        assertThat(altered).isEqualTo(1);
        jdbc.sql("""
                        delete from student_tally where campaign_id = ? and place_kind = 'SCHOOL' and place_id = ?
                           and category = '*' and status = 'REGISTERED'""").params(campaign, school).update();

        List<IntegrityFinding> found = mine(check().run().sample());

        assertThat(found)
                .extracting(IntegrityFinding::messageKey, IntegrityFinding::arguments)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "integrity.student.unit-tally-differs",
                                List.of(code, String.valueOf(province), "REGISTERED", "PRIMARY", "*", "8", "3")),
                        org.assertj.core.groups.Tuple.tuple(
                                "integrity.student.school-tally-differs",
                                List.of(code, String.valueOf(school), "REGISTERED", "PRIMARY", "*", "0", "3")));

        tallies.recount(campaign);
        assertThat(mine(check().run().sample())).isEmpty();
    }

    @Test
    void aCountOfSchoolsThatSentTheirListAlteredByPlainSqlIsFound() {
        jdbc.sql("""
                        insert into student_proposing_school_tally (campaign_id, unit_id, school_level, schools)
                        values (?, ?, 'PRIMARY', 2)""").params(campaign, province).update();

        assertThat(mine(check().run().sample()))
                .extracting(IntegrityFinding::messageKey, IntegrityFinding::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "integrity.student.proposing-schools-differ",
                        List.of(code, String.valueOf(province), "SENT", "PRIMARY", "*", "2", "0")));

        tallies.recount(campaign);
        assertThat(mine(check().run().sample())).isEmpty();
    }

    @Test
    void theDailyRunIncludesTheCheck() {
        assertThat(runs.checkCodes()).contains("student.tallies");
        jdbc.sql("""
                        update student_tally set students = 0
                         where campaign_id = ? and place_kind = 'SCHOOL' and place_id = ? and category = '*'""").params(campaign, school).update();
        IntegrityRun run = runs.runAll(IntegrityRun.Trigger.MANUAL, "test");
        assertThat(run.results())
                .filteredOn(c -> c.code().equals("student.tallies"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(IntegrityRun.Outcome.FAILED);
                    assertThat(mine(c.sample())).isNotEmpty();
                });
    }
}
