package vn.cungem.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The team API: the same rules as the pages, answers in vi+en on bad input, and retries that record once. */
@IntegrationTest
class TeamApiIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    VolunteerTeams teams;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Test
    void aManagerCreatesATeamAndAVolunteerReadsItsQueueAndLogsHoursOnce() throws Exception {
        var data = new TeamTestData(fixtures, jdbc, events, tx, inventory, teams, accounts, users);
        String tag = data.workshop.device(ItemType.LAPTOP);
        String unitCode = jdbc.sql("select code from org_unit where id = ?")
                .param(data.workshop.district)
                .query(String.class)
                .single();
        String name = TestFixtures.unique("Đội API ");
        mvc.perform(post("/api/v1/volunteer/teams")
                        .with(user(data.managerAccount))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"unitCode\": \"" + unitCode + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.unitId").value(data.workshop.district));
        mvc.perform(post("/api/v1/volunteer/teams")
                        .with(user(data.managerAccount))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"X\", \"unitCode\": \"KHONG-CO\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("team.unit-code"));

        AccountDetails an = data.technicianAccount("Lê Văn An", data.team.id());
        mvc.perform(get("/api/v1/volunteer/teams/{id}/queue", data.team.id())
                        .param("job", "INSPECT")
                        .with(user(an)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.tag == '" + tag + "')]").exists());
        mvc.perform(get("/api/v1/volunteer/teams/{id}", data.team.id()).with(user(an)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waiting.INSPECT").value(1));

        String key = UUID.randomUUID().toString();
        String body = "{\"campaignId\": %d, \"workedOn\": \"%s\", \"hours\": \"1,5\"}"
                .formatted(data.workshop.campaign, LocalDate.now().minusDays(1));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/volunteer/teams/{id}/hours", data.team.id())
                            .with(user(an))
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.minutes").value(90));
        }
        assertThat(jdbc.sql("select count(*) from volunteer_shift where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        mvc.perform(get("/api/v1/volunteer/teams/{id}/members/{a}", data.team.id(), an.id())
                        .with(user(an)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].minutes").value(90));
        mvc.perform(post("/api/v1/volunteer/teams/{id}/hours", data.team.id())
                        .with(user(an))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignId\": " + data.workshop.campaign + ", \"hours\": \"nhiều\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("volunteer.hours"));

        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.workshop.city);
        mvc.perform(get("/api/v1/volunteer/teams/{id}/queue", data.team.id()).with(user(fixtures.manager(sibling))))
                .andExpect(status().isNotFound());
    }
}
