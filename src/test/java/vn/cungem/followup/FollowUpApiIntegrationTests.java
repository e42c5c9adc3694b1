package vn.cungem.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.followup.work.FollowUpAccess;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The follow-up API: a school records a check twice with one key, returns a device twice with one key. */
@IntegrationTest
class FollowUpApiIntegrationTests {

    @Autowired
    MockMvc mvc;

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
    Reservations reservations;

    @Test
    void retriedWritesRecordOnceAndBadInputIsAnsweredInBothLanguages() throws Exception {
        var data = new FollowUpTestData(fixtures, jdbc, events, tx, inventory, reservations);
        var handed = data.handOver("Hồ Thị Xuân", FollowUpAccess.today().minusDays(14));
        long followUp = data.followUpOf(handed);
        long checkId = jdbc.sql("select id from followup_check where followup_handover_id = ? and after_days = 14")
                .param(followUp)
                .query(Long.class)
                .single();

        mvc.perform(get("/api/v1/followup/checks").with(user(data.officerAccount)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + checkId + ")].tag").value(handed.tag()));
        mvc.perform(post("/api/v1/followup/checks/{id}", checkId)
                        .with(user(data.officerAccount))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deviceBroken\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("followup.learning"))
                .andExpect(jsonPath("$.detail_en").value("Choose whether the student is learning online."));

        String key = UUID.randomUUID().toString();
        String body = "{\"learning\": \"NO\", \"noSignal\": true, \"note\": \"Nhà ở vùng lõm sóng\"}";
        mvc.perform(post("/api/v1/followup/checks/{id}", checkId)
                        .with(user(data.officerAccount))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.check.learning").value("NO"))
                .andExpect(jsonPath("$.caseId").isNumber());
        mvc.perform(post("/api/v1/followup/checks/{id}", checkId)
                        .with(user(data.officerAccount))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repeated").value(true));
        assertThat(jdbc.sql("select count(*) from followup_case where followup_handover_id = ?")
                        .param(followUp)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String back = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/followup/devices/{id}/return", followUp)
                            .with(user(data.officerAccount))
                            .header("Idempotency-Key", back)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"LEFT_SCHOOL\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.reason").value("LEFT_SCHOOL"));
        }
        assertThat(reservations.byTag(handed.tag()).orElseThrow().status())
                .isEqualTo(vn.cungem.inventory.lifecycle.ItemStatus.RETURNED);
        assertThat(jdbc.sql("select count(*) from followup_return where followup_handover_id = ?")
                        .param(followUp)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(put("/api/v1/followup/campaigns/{id}/schedule", data.campaign())
                        .with(user(data.managerAccount))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"afterDays\": [0]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("followup.schedule-days"));
        mvc.perform(get("/api/v1/followup/coverage")
                        .param("campaign", String.valueOf(data.campaign()))
                        .with(user(data.managerAccount)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.done").value(1))
                .andExpect(jsonPath("$.total.learningNo").value(1))
                .andExpect(jsonPath("$.total.returned").value(1));
        mvc.perform(get("/api/v1/followup/checks/{id}", checkId)
                        .with(user(fixtures.manager(fixtures.unit(TestFixtures.unique("Huyện "), "district", null)))))
                .andExpect(status().isNotFound());
    }
}
